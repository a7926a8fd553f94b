/**
 * Renders an Ink tree into a fake terminal of a chosen size (ink-testing-library
 * is fixed at 100 columns) and drives it with real key sequences.
 */
import {EventEmitter} from 'node:events';
import type {ReactElement} from 'react';
import {render} from 'ink';
import {KEYS} from './keys.ts';

export {bracketedPaste, KEYS} from './keys.ts';

export class FakeStdout extends EventEmitter {
	frames: string[] = [];
	isTTY = true;
	columns: number;
	rows: number;
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (frame: string, callback?: () => void) => {
		this.frames.push(frame);
		callback?.();
		return true;
	};
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

const tick = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

const ANSI = /\u001B\[[\d;?]*[A-Za-z]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** The text without colours, cursor moves or hyperlinks. */
export const stripAnsi = (text: string) => text.replace(ANSI, '');

/** Mounts `tree` on fake TTY streams of the given size (debug mode: every frame written whole). */
export function mountInk(tree: ReactElement, columns = 80, rows = 24) {
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		stdout,
		stdin,
		frames: stdout.frames,
		/** The last frame as written, escape codes included. */
		lastFrame: () => stdout.frames.at(-1) ?? '',
		unmount() {
			instance.unmount();
			instance.cleanup();
		},
	};
}

/** Waits until `check` passes (Ink renders asynchronously); fails with the check's last error. */
export async function waitFor(check: () => void, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) throw error;
			await tick(10);
		}
	}
}

export type Terminal = {
	/** The last frame without escape codes. */
	frame(): string;
	/** The last frame as written, colours included. */
	rawFrame(): string;
	/** Every frame written so far, without escape codes, joined. */
	history(): string;
	/** Writes one key (or chunk) and lets Ink render; Esc waits out Ink's escape timer. */
	press(...keys: string[]): Promise<void>;
	type(text: string): Promise<void>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	resize(columns: number, rows: number): Promise<void>;
	unmount(): void;
};

export async function renderTerminal(tree: ReactElement, size: {columns?: number; rows?: number} = {}): Promise<Terminal> {
	const ink = mountInk(tree, size.columns ?? 80, size.rows ?? 24);
	const {stdout, stdin} = ink;
	await tick(10);

	const rawFrame = ink.lastFrame;
	const frame = () => stripAnsi(rawFrame());

	const terminal: Terminal = {
		frame,
		rawFrame,
		history: () => stripAnsi(stdout.frames.join('\n')),
		async press(...keys) {
			for (const key of keys) {
				stdin.write(key);
				// A lone ESC is held ~20 ms in case it starts a sequence.
				await tick(key === KEYS.escape ? 60 : 15);
			}
		},
		async type(text) {
			for (const char of text) await terminal.press(char);
		},
		async waitFor(text, timeoutMs = 5000) {
			const matches = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
			const started = Date.now();
			while (!matches()) {
				if (Date.now() - started > timeoutMs) {
					throw new Error(`Timed out waiting for ${String(text)}; last frame:\n${frame()}`);
				}

				await tick(20);
			}

			// The frame is written at commit; input hooks subscribe in effects just after.
			await tick(20);
			return frame();
		},
		async resize(columns, rows) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
			await tick(30);
		},
		unmount: () => ink.unmount(),
	};
	return terminal;
}
