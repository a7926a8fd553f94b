/** Renders an Ink tree into a fake terminal of a given size, like ink-testing-library but sized. */
import {EventEmitter} from 'node:events';
import type {ReactElement} from 'react';
import {render} from 'ink';

class SizedStdout extends EventEmitter {
	readonly columns: number;
	readonly rows: number;
	readonly isTTY = true;
	frames: string[] = [];
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write(data: string) {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	}

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

export function renderSized(tree: ReactElement, columns = 80, rows = 24) {
	const stdout = new SizedStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new SizedStdout(columns, rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		stdin,
		lastFrame: () => stdout.frames.at(-1) ?? '',
		frames: stdout.frames,
		unmount: () => {
			instance.unmount();
			instance.cleanup();
		},
	};
}

export const ESC = '\u001B';
export const ENTER = '\r';

/** Waits until `check` passes (Ink renders asynchronously); fails with the last frame. */
export async function waitFor(check: () => void, timeoutMs = 5000): Promise<void> {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) throw error;
			await new Promise(resolve => setTimeout(resolve, 10));
		}
	}
}

// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string) => text.replace(/\u001B\[[\d;]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '');
