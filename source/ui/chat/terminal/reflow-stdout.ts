/**
 * The stdout Ink draws the pane on. It passes everything through, and on a
 * resize that makes a reflowing terminal narrower it first erases the whole
 * live frame as the terminal has rewrapped it: Ink by itself erases as many
 * rows as the frame had lines, and a line wider than the new width now takes
 * more rows, so the rest of the old frame would stay in scrollback as a stale
 * copy. Only the frame's own rows are erased, never finished output above it.
 * Uses Ink's public `clear()`; Ink itself is not patched.
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

export function createReflowStdout(stdout: NodeJS.WriteStream, options: {reflows: boolean}): ReflowStdout {
	// Nothing to erase on a terminal that does not rewrap: Ink writes to it directly, and no rows are tracked.
	if (!options.reflows) return {stream: stdout, attach() {}, close() {}};
	const rows = trackWrittenRows();
	const resizes = new EventEmitter();
	let instance: Clearable | undefined;
	let columns = stdout.columns;

	const write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
		rows.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		return (stdout.write as (...args: unknown[]) => boolean)(chunk, ...rest);
	};

	const onResize = () => {
		const next = stdout.columns;
		if (instance && next < columns) {
			const before = [...rows.widths()];
			const bottom = rows.cursor();
			// Ink's clear erases the frame's lines upward from the cursor and leaves it on the frame's first line.
			instance.clear();
			const top = rows.cursor();
			const frame = before.slice(top, bottom + 1);
			const reflowed = frame.reduce((sum, width) => sum + reflowedRows(width, next), 0);
			// Straight to the terminal: these rows exist only after the rewrap, not in the written lines.
			if (reflowed > frame.length) stdout.write(eraseRowAbove.repeat(reflowed - frame.length));
		}

		columns = next;
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
