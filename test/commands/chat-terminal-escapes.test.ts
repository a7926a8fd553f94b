/**
 * The one-shot chat writes the model's text to a terminal without letting it
 * drive the terminal: escape sequences in the answer (a window title, cursor
 * moves) are dropped there and from a pipe; --raw keeps them byte for byte in a pipe.
 */
import {afterEach, describe, expect, test} from 'vitest';
import {spawnPty, type PtySession} from '../support/pty-driver.js';
import {CLI_PATH} from '../support/run-cli.js';
import {freshCliWorld} from '../support/cli-world.js';

const retitle = '\u001B]0;pwned\u0007';
const cursorHome = '\u001B[H';
const chunks = ['Hello ', retitle, 'from ', `the${cursorHome} model.`];
const reasoning = [`Thinking${retitle} hard. `];

describe('openclaw chat "…" and escape sequences from the model', () => {
	const world = freshCliWorld();
	let terminal: PtySession | undefined;
	afterEach(() => {
		terminal?.kill();
		terminal = undefined;
	});

	test('on a terminal the answer and its reasoning arrive without them', async () => {
		world.saveLogin({model: 'qwen-plus'});
		world.server.enqueue({kind: 'stream', chunks, reasoning});
		terminal = spawnPty({
			command: process.execPath,
			args: [CLI_PATH, 'chat', '--verbose', '--think', 'hi'],
			cols: 100,
			rows: 30,
			cwd: world.home.home,
			env: {...world.env(), TERM: 'xterm-256color'},
		});
		expect(await terminal.exited()).toBe(0);
		const output = terminal.output();
		expect(output).toContain('Hello from the model.');
		expect(output).toContain('Thinking hard.');
		expect(output).not.toContain('pwned');
		expect(output).not.toContain(cursorHome);
	});

	test('piped, the answer arrives without them too', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks});
		const result = await world.run(['chat', 'hi']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Hello from the model.\n');
	});

	test('piped with --raw, the answer is exactly what the model sent', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks});
		const result = await world.run(['chat', '--raw', 'hi']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(`${chunks.join('')}\n`);
	});
});
