import {EventEmitter} from 'node:events';
import {describe, expect, test} from 'vitest';
import {createReflowStdout} from '../../../../source/ui/chat/terminal/reflow-stdout.js';

/** A terminal's stdout: records writes, announces resizes; `narrow` changes the width before the program hears of it. */
function fakeTerminal(columns: number) {
	const written: string[] = [];
	let live = columns;
	const stdout = Object.assign(new EventEmitter(), {
		columns,
		isTTY: true,
		write(chunk: string) {
			written.push(chunk);
			return true;
		},
		getWindowSize: () => [live, 24],
	});
	const narrow = (next: number) => {
		live = next;
	};

	const resize = (next: number) => {
		live = next;
		stdout.columns = next;
		stdout.emit('resize');
	};

	return {stdout: stdout as unknown as NodeJS.WriteStream, written, narrow, resize};
}

describe('the stdout the chat pane draws on', () => {
	test('on a terminal that does not rewrap, Ink writes to the terminal itself and a shrink erases nothing', () => {
		const terminal = fakeTerminal(40);
		const screen = createReflowStdout(terminal.stdout, {reflows: false});
		expect(screen.stream).toBe(terminal.stdout);
		let cleared = 0;
		screen.attach({clear: () => cleared++});
		screen.stream.write(`${'x'.repeat(40)}\n`);
		terminal.resize(10);
		expect(cleared).toBe(0);
		expect(terminal.written).toEqual([`${'x'.repeat(40)}\n`]);
		screen.close();
	});

	test('on a rewrapping terminal a shrink erases the rows the frame now takes', () => {
		const terminal = fakeTerminal(40);
		const screen = createReflowStdout(terminal.stdout, {reflows: true});
		let cleared = 0;
		// As Ink's clear does: erase the frame's lines upward, ending on its first line.
		screen.attach({
			clear() {
				cleared++;
				screen.stream.write('\u001B[2K\u001B[1A\u001B[2K\u001B[G');
			},
		});
		screen.stream.write(`${'x'.repeat(40)}\n`);
		terminal.resize(10);
		expect(cleared).toBe(1);
		// The 40 columns now take 4 rows: Ink's clear erased one of them, the other 3 go too.
		expect(terminal.written.at(-1)).toBe('\u001B[1A\u001B[2K'.repeat(3));
		screen.close();
	});

	test('a frame written after the terminal narrowed, before the program heard of it, first erases the old frame as rewrapped', () => {
		const terminal = fakeTerminal(40);
		const screen = createReflowStdout(terminal.stdout, {reflows: true});
		const inkErase = '\u001B[2K\u001B[1A\u001B[2K\u001B[G';
		let cleared = 0;
		screen.attach({
			clear() {
				cleared++;
				screen.stream.write(inkErase);
			},
		});
		screen.stream.write(`${'x'.repeat(40)}\n`);
		terminal.narrow(10);
		// Ink's next frame: its erase of the old frame's two lines, then the frame.
		screen.stream.write(`${inkErase}${'y'.repeat(40)}\n`);
		expect(cleared).toBe(1);
		expect(terminal.written.slice(1)).toEqual([inkErase, '\u001B[1A\u001B[2K'.repeat(3), `${'y'.repeat(40)}\n`]);

		// The resize event, when it comes, erases the frame drawn at the old width, which wraps too.
		terminal.resize(10);
		expect(cleared).toBe(2);
		expect(terminal.written.at(-1)).toBe('\u001B[1A\u001B[2K'.repeat(3));
		screen.close();
	});
});
