import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import {catchEarlyKeys, fromCookedMode} from '../../../source/ui/keys/early-keys.js';

/** A terminal's stdin: a stream with raw mode, whose bytes the test writes. */
function fakeTty() {
	const stream = new PassThrough() as PassThrough & {isTTY: boolean; isRaw: boolean; setRawMode(mode: boolean): void; unref(): void};
	stream.isTTY = true;
	stream.isRaw = false;
	stream.setRawMode = (mode: boolean) => {
		stream.isRaw = mode;
	};

	stream.unref = () => undefined;
	return stream;
}

const loopTurns = async (turns: number) => {
	for (let turn = 0; turn < turns; turn++) {
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

let stdin: ReturnType<typeof fakeTty> | undefined;
afterEach(() => {
	stdin?.destroy();
	stdin = undefined;
});

describe('catchEarlyKeys', () => {
	it('turns the Enter cooked mode made LF back into Enter, and hands the keys on in order', async () => {
		stdin = fakeTty();
		// Typed before the program started: cooked mode made the CR an LF.
		stdin.write('hello\n');
		const early = catchEarlyKeys(stdin as unknown as NodeJS.ReadStream);
		expect(stdin.isRaw).toBe(true);
		await loopTurns(4);
		// Typed in raw mode, after the switch: Ctrl+J stays a line feed.
		stdin.write('more\n');
		await loopTurns(2);
		expect(stdin.read()).toBe('hello\rmore\n');
		early.dispose();
	});

	it('gives raw mode back when no screen took the terminal', () => {
		stdin = fakeTty();
		catchEarlyKeys(stdin as unknown as NodeJS.ReadStream).dispose();
		expect(stdin.isRaw).toBe(false);
	});

	it('leaves a stdin that is not a terminal alone', () => {
		const pipe = new PassThrough();
		catchEarlyKeys(pipe as unknown as NodeJS.ReadStream).dispose();
		pipe.write('a\n');
		expect(String(pipe.read())).toBe('a\n');
	});

	it('reads every line end of the backlog as Enter', () => {
		expect(fromCookedMode('one\ntwo\n')).toBe('one\rtwo\r');
	});
});
