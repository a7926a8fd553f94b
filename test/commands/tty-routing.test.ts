/**
 * On a terminal, plain `openclaw`, `openclaw chat` and `auth login` open the
 * Ink screens (the screens themselves are tested in test/ui and test/e2e).
 */
import fs from 'node:fs';
import path from 'node:path';
import {spawn, type IPty} from '@lydell/node-pty';
import {afterEach, describe, expect, test} from 'vitest';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {CLI_PATH, leakedSecrets} from '../support/run-cli.js';
import {freshCliWorld} from '../support/cli-world.js';

const ANSI = /\u001B(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[()][0-9A-Z]|[=>78])/g;

type Terminal = {pty: IPty; screen(): string; waitFor(text: string | RegExp): Promise<string>; exited: Promise<number>};

function openTerminal(args: readonly string[], env: Record<string, string>, cliPath = CLI_PATH): Terminal {
	const pty = spawn(process.execPath, [cliPath, ...args], {cols: 100, rows: 30, env: {...env, TERM: 'xterm-256color'}, cwd: env['HOME']});
	let output = '';
	const waiters: Array<() => void> = [];
	pty.onData(data => {
		output += data;
		for (const waiter of [...waiters]) waiter();
	});
	const screen = () => output.replace(ANSI, '');
	const exited = new Promise<number>(resolve => pty.onExit(({exitCode}) => resolve(exitCode)));
	return {
		pty,
		screen,
		exited,
		waitFor: text =>
			new Promise<string>(resolve => {
				const check = () => {
					const current = screen();
					if (typeof text === 'string' ? current.includes(text) : text.test(current)) {
						waiters.splice(waiters.indexOf(check), 1);
						resolve(current);
					}
				};
				waiters.push(check);
				check();
			}),
	};
}

describe('on a terminal', () => {
	const world = freshCliWorld();
	const open: Terminal[] = [];
	afterEach(() => {
		for (const terminal of open.splice(0)) {
			expect(leakedSecrets(terminal.screen())).toEqual([]);
			terminal.pty.kill();
		}
	});
	const start = (args: readonly string[], extra: Record<string, string> = {}, cliPath?: string) => {
		const terminal = openTerminal(args, world.env(extra), cliPath);
		open.push(terminal);
		return terminal;
	};

	test('plain openclaw without a key opens the setup wizard; Ctrl+C leaves it and exits 1 like auth login', async () => {
		const terminal = start([]);
		await terminal.waitFor(/sign in/i);
		terminal.pty.write('\u0003');
		// A cancelled setup did not do what was asked, whichever command opened it.
		expect(await terminal.exited).toBe(1);
		expect(terminal.screen()).toContain('setup cancelled; nothing was written');
	});

	test('plain openclaw with a key opens the chat pane on the default model', async () => {
		world.saveLogin({model: 'qwen3-max'});
		const terminal = start([]);
		await terminal.waitFor('qwen3-max');
		expect(terminal.screen()).toContain('/help');
	});

	test('started as openclaw-qwen, the wizard and the pane name themselves so in their headers', async () => {
		const link = path.join(world.home.home, 'bin', 'openclaw-qwen');
		fs.mkdirSync(path.dirname(link), {recursive: true});
		fs.symlinkSync(CLI_PATH, link);
		const wizard = start([], {}, link);
		await wizard.waitFor('openclaw-qwen · Qwen setup');
		wizard.pty.write('\u0003');
		expect(await wizard.exited).toBe(1);
		const pane = start(['chat'], {QWEN_API_KEY: TEST_KEYS.intl}, link);
		await pane.waitFor('/help');
		expect(pane.screen()).toContain('openclaw-qwen chat · Qwen3 Coder Plus');
	});

	test('openclaw chat --model qwen without a prompt opens the pane on qwen-plus', async () => {
		const terminal = start(['chat', '--model', 'qwen'], {QWEN_API_KEY: TEST_KEYS.intl});
		await terminal.waitFor('qwen-plus');
	});

	test('models auth login: Ctrl+C after the setup was saved exits 0 with the saved summary', async () => {
		const terminal = start(['models', 'auth', 'login', '--provider', 'qwen-portal', '--method', 'api-key', '--region', 'intl']);
		await terminal.waitFor('API key');
		terminal.pty.write(`\u001B[200~${TEST_KEYS.intl}\u001B[201~`);
		await terminal.waitFor('Looks like a key');
		terminal.pty.write('\r');
		await terminal.waitFor('Default model');
		terminal.pty.write('\r');
		await terminal.waitFor('Qwen is set up');
		terminal.pty.write('\u0003');
		expect(await terminal.exited).toBe(0);
		const screen = terminal.screen();
		expect(screen).toContain('openclaw: Qwen is set up. Saved the API key');
		expect(screen).not.toContain('nothing was written');
		expect(world.home.readCredentials()).toMatchObject({profiles: {'qwen-portal:default': {key: TEST_KEYS.intl}}});
	});

	test('models auth login opens the wizard; cancelling saves nothing and exits 1', async () => {
		const terminal = start(['models', 'auth', 'login', '--provider', 'qwen-portal']);
		await terminal.waitFor(/sign in/i);
		terminal.pty.write('\u0003');
		expect(await terminal.exited).toBe(1);
		// The wizard's summary says it; the command does not say it again.
		const screen = terminal.screen();
		expect(screen).toContain('setup cancelled; nothing was written');
		expect(screen.match(/nothing was (written|saved)/g)).toHaveLength(1);
		expect(screen).not.toContain('Login cancelled');
	});
});
