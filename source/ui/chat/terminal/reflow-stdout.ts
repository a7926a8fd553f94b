/**
 * The stdout Ink draws the pane on. It passes everything through, and on a
 * resize that makes a reflowing terminal narrower it first erases the whole
 * live frame as the terminal has rewrapped it: Ink by itself erases as many
 * rows as the frame had lines, and a line wider than the new width now takes
 * more rows, so the rest of the old frame would stay in scrollback as a stale
 * copy. Only the frame's own rows are erased, never finished output above it.
 * Uses Ink's public `clear()`; Ink itself is not patched.
 *
 * The terminal rewraps the moment it narrows, but the program hears of it
 * (SIGWINCH, then 'resize') only when its event loop gets there, which on a
 * busy machine can be a frame or two later. A frame written in between would
 * erase only as many rows as the old frame had lines and leave the rest as a
 * stale copy. So each write first asks the terminal its width (TIOCGWINSZ,
 * not the cached `columns`), and a shrink not yet handled is handled there, before
 * the write: the frame as it is now wrapped is erased, and the write's own
 * erase of that frame is dropped (it would reach into finished output).
 */
import {EventEmitter} from 'node:events';
import {reflowedRows, trackWrittenRows} from './written-rows.js';

type Clearable = {clear(): void};

export type ReflowStdout = {
	/** Hand this to Ink's render() as `stdout`. */
	readonly stream: NodeJS.WriteStream;
	/** The Ink instance drawing on `stream`, whose frame is erased on a resize. */
	attach(instance: Clearable): void;
	/** Stops listening to the terminal's resizes. */
	close(): void;
};

const eraseRowAbove = '\u001B[1A\u001B[2K';
// How Ink's log-update erases a frame of N lines: erase line, up (N-1 times), erase line, column 1.
const frameErase = /^(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G/;

export function createReflowStdout(stdout: NodeJS.WriteStream, options: {reflows: boolean}): ReflowStdout {
	// Nothing to erase on a terminal that does not rewrap: Ink writes to it directly, and no rows are tracked.
	if (!options.reflows) return {stream: stdout, attach() {}, close() {}};
	const rows = trackWrittenRows();
	const resizes = new EventEmitter();
	let instance: Clearable | undefined;
	// The width Ink laid the frame out at (the `columns` it read), and the narrowest the frame has been erased for since.
	let columns = stdout.columns;
	let erasedFor = columns;
	let erasing = false;

	const pass = (text: string, rest: unknown[]) => {
		rows.write(text);
		return (stdout.write as (...args: unknown[]) => boolean)(text, ...rest);
	};

	/** Erases the live frame as a terminal `next` columns wide has rewrapped it; the cursor ends on the frame's first row. */
	const eraseFrame = (next: number) => {
		if (!instance) return;
		erasing = true;
		try {
			const before = [...rows.widths()];
			const bottom = rows.cursor();
			// Ink's clear erases the frame's lines upward from the cursor and leaves it on the frame's first line.
			instance.clear();
			const top = rows.cursor();
			const frame = before.slice(top, bottom + 1);
			const reflowed = frame.reduce((sum, width) => sum + reflowedRows(width, next), 0);
			// Straight to the terminal: these rows exist only after the rewrap, not in the written lines.
			if (reflowed > frame.length) stdout.write(eraseRowAbove.repeat(reflowed - frame.length));
		} finally {
			erasing = false;
		}

		erasedFor = next;
	};

	const write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
		let text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		if (!erasing && instance) {
			const live = liveColumns(stdout);
			if (live !== undefined && live < Math.min(columns, erasedFor)) {
				eraseFrame(live);
				// The frame this write would erase is gone already.
				text = text.replace(frameErase, '');
			}
		}

		return pass(text, rest);
	};

	const onResize = () => {
		const next = stdout.columns;
		// Frames written since the shrink are still laid out at the old width, and wrap.
		if (next < columns) eraseFrame(next);
		columns = next;
		erasedFor = next;
		resizes.emit('resize');
	};

	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			if (property === 'on' || property === 'addListener' || property === 'once') {
				return (event: string, listener: (...args: unknown[]) => void) => {
					if (event === 'resize') resizes[property](event, listener);
					else target[property](event, listener);
					return stream;
				};
			}

			if (property === 'off' || property === 'removeListener') {
				return (event: string, listener: (...args: unknown[]) => void) => {
					if (event === 'resize') resizes[property](event, listener);
					else target[property](event, listener);
					return stream;
				};
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});

	stdout.on('resize', onResize);
	return {
		stream,
		attach(next) {
			instance = next;
		},
		close() {
			stdout.off('resize', onResize);
			instance = undefined;
		},
	};
}

/**
 * The terminal's width as it is now. Node's `columns` and `getWindowSize()`
 * return what it read at the last SIGWINCH it handled; the TTY handle asks
 * the terminal (TIOCGWINSZ). undefined where neither can be had.
 */
function liveColumns(stdout: NodeJS.WriteStream): number | undefined {
	const handle = (stdout as {_handle?: {getWindowSize?: (size: number[]) => number}})._handle;
	try {
		const size = [0, 0];
		if (typeof handle?.getWindowSize === 'function' && handle.getWindowSize(size) === 0 && size[0]! > 0) return size[0];
		return typeof stdout.getWindowSize === 'function' ? stdout.getWindowSize()[0] : undefined;
	} catch {
		return undefined;
	}
}
