/**
 * The built `openclaw` in a real pseudo-terminal at 80x24, read through a
 * headless xterm: what a person sees and types, and what lands on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, test} from 'vitest';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {PTY_KEYS, spawnPty, type PtySession} from '../support/pty-driver.js';
import {freshFakeDashScopeHome} from '../support/fresh-fake-dashscope-home.js';

const CLI = path.resolve('dist/cli.js');
const LOGIN = [CLI, 'models', 'auth', 'login', '--provider', 'qwen-portal'];

const {fake, home} = freshFakeDashScopeHome();
let session: PtySession | undefined;

beforeAll(() => {
	if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
});

// Runs before the server and home go (after-hooks run last-registered first).
afterEach(() => {
	session?.kill();
	session = undefined;
});

function login(extraArgs: string[] = [], size: {cols: number; rows: number} = {cols: 80, rows: 24}, extraEnv: Record<string, string> = {}): PtySession {
	session = spawnPty({command: process.execPath, args: [...LOGIN, ...extraArgs], env: {...home.env, TERM: 'xterm-256color', ...extraEnv}, ...size});
	return session;
}

/** The screen as one line: a paragraph the wizard wrapped reads as written. */
const flat = (screen: string) => screen.replaceAll(/\s+/g, ' ');

/** The screen row with the cursor on it, trimmed. */
const cursorRow = (screen: string) => screen.split('\n').find(line => line.includes('❯'))?.trim() ?? '';

/** The key field's row: "API key:" and the mask after it. */
const keyRow = (screen: string) => screen.split('\n').find(line => line.includes('API key:'))?.trim() ?? '';

/** --region skips the region step; the method is still asked. */
async function pastMethod(s: PtySession) {
	await s.waitFor('Sign-in method');
	await s.press(PTY_KEYS.enter);
	await s.waitFor('Step 3 of 5 · API key');
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('openclaw models auth login in a terminal', () => {
	test('type a key, pick a model: both files written with private modes, and the key never on screen', async () => {
		const s = login();
		await s.waitFor('Step 1 of 5 · Sign-in method');
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Step 2 of 5 · Region');
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Step 3 of 5 · API key');
		// Typed character by character, the way a careful person would.
		for (const char of TEST_KEYS.intl) s.write(char);
		await s.waitFor('✓ Looks like a key: sk-…0000');
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Step 5 of 5 · Default model');
		await s.press('j', 'j', 'j');
		await s.waitFor(/❯\s+qwen3-max/);
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Qwen is set up');
		await s.press(PTY_KEYS.down, PTY_KEYS.enter);
		expect(await s.exited()).toBe(0);

		// Back on the normal screen: the summary paragraph, not the wizard.
		const after = s.screen();
		expect(after).toContain('openclaw: Qwen is set up.');
		expect(after).not.toContain('Step 5 of 5');

		const config = home.readConfig() as any;
		expect(config.agents.defaults.model.primary).toBe('qwen-portal/qwen3-max');
		expect(config.models.providers['qwen-portal'].baseUrl).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
		expect((home.readCredentials() as any).profiles['qwen-portal:default'].key).toBe(TEST_KEYS.intl);
		expect(mode(home.paths.configPath)).toBe(0o600);
		expect(mode(home.credentialsPath)).toBe(0o600);
		expect(mode(path.dirname(home.credentialsPath))).toBe(0o700);
		expect(fs.existsSync(home.paths.authProfilesPath), 'nothing that would stop OpenClaw 2026.9').toBe(false);
		expect(s.output()).not.toContain(TEST_KEYS.intl);
		expect(s.output()).not.toContain(TEST_KEYS.intl.slice(3, -4));
	});

	test('adapts to a resize while running', async () => {
		const s = login(['--region', 'intl', '--method', 'api-key']);
		await s.waitFor('Step 3 of 5 · API key');
		await s.paste(TEST_KEYS.intl);
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Default model');
		await s.resize(60, 24);
		const narrow = await s.waitFor(/ID\s+Alias\s+Best for/);
		expect(narrow).not.toMatch(/\bName\b/);
		// Nothing of the wider frame is left behind.
		expect(narrow.split('\n')[0]?.trimEnd()).toMatch(/Step 5 of 5 · Default model$/);
		await s.resize(100, 30);
		await s.waitFor(/ID\s+Name\s+Alias\s+Best for\s+Context/);
	});

	describe('Ctrl+C at each step leaves the files exactly as they were', () => {
		const steps: Array<[string, (s: PtySession) => Promise<void>]> = [
			['method', async s => void (await s.waitFor('Sign-in method'))],
			['region', async s => {
				await s.waitFor('Sign-in method');
				await s.press(PTY_KEYS.enter);
				await s.waitFor('Step 2 of 5');
			}],
			['key', async s => {
				await pastMethod(s);
				await s.paste(TEST_KEYS.intl);
				await s.waitFor('Looks like a key');
			}],
			['check', async s => {
				fake.enqueueModels({kind: 'hang'});
				await pastMethod(s);
				await s.paste(TEST_KEYS.intl);
				await s.press(PTY_KEYS.enter);
				await s.waitFor('Checking');
			}],
			['model', async s => {
				await pastMethod(s);
				await s.paste(TEST_KEYS.intl);
				await s.press(PTY_KEYS.enter);
				await s.waitFor('Default model');
			}],
		];

		test('a SIGINT (Ctrl+C before raw mode, or kill -INT) is handled like the key', async () => {
			const before = '{\n  // mine\n  gateway: {port: 18789},\n}\n';
			home.writeConfig(before);
			const s = login([]);
			await s.waitFor('Sign-in method');
			s.signal('SIGINT');
			expect(await s.exited()).toBe(1);
			expect(s.screen()).toContain('nothing was written');
			expect(fs.readFileSync(home.paths.configPath, 'utf8')).toBe(before);
			expect(s.output().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.output().lastIndexOf('\u001B[?1049h'));
		});

		test('with stderr sent to a file, the file gets the words and no terminal sequences; the cursor comes back on the screen', async () => {
			const errors = path.join(home.home, 'errors.txt');
			session = spawnPty({
				command: '/bin/sh',
				args: ['-c', 'exec "$0" "$@" 2>"$ERRORS_FILE"', process.execPath, ...LOGIN],
				env: {...home.env, TERM: 'xterm-256color', ERRORS_FILE: errors},
			});
			const s = session;
			await s.waitFor('Sign-in method');
			s.write(PTY_KEYS.ctrlC);
			expect(await s.exited()).toBe(1);
			const written = fs.readFileSync(errors, 'utf8');
			expect(written).not.toContain('\u001B');
			expect(s.output().lastIndexOf('\u001B[?25h')).toBeGreaterThan(s.output().lastIndexOf('\u001B[?25l'));
		});

		for (const [name, number] of [['SIGTERM', 15], ['SIGHUP', 1]] as const) {
			test(`a ${name} ends it with ${128 + number}, the terminal restored and the cancel summary printed`, async () => {
				const before = '{\n  // mine\n  gateway: {port: 18789},\n}\n';
				home.writeConfig(before);
				const s = login(['--region', 'intl']);
				await pastMethod(s);
				s.signal(name);
				expect(await s.exited()).toBe(128 + number);
				expect(s.screen()).toContain('setup cancelled; nothing was written');
				expect(fs.readFileSync(home.paths.configPath, 'utf8')).toBe(before);
				expect(s.output().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.output().lastIndexOf('\u001B[?1049h'));
			});
		}

		for (const [step, reach] of steps) {
			test(`at the ${step} step`, async () => {
				const before = '{\n  // mine\n  gateway: {port: 18789},\n}\n';
				home.writeConfig(before);
				const s = login(step === 'method' || step === 'region' ? [] : ['--region', 'intl']);
				await reach(s);
				s.write(PTY_KEYS.ctrlC);
				expect(await s.exited()).not.toBe(0);
				expect(s.screen()).toContain('nothing was');
				expect(fs.readFileSync(home.paths.configPath, 'utf8')).toBe(before);
				expect(fs.existsSync(home.credentialsPath)).toBe(false);
				// The terminal is handed back: alternate screen left, cursor shown.
				expect(s.output().lastIndexOf('\u001B[?1049l')).toBeGreaterThan(s.output().lastIndexOf('\u001B[?1049h'));
			});
		}
	});

	describe('keys that arrive in one write all count', () => {
		test('Enters typed ahead of the next screen reach it: API key and the first region, then the key field', async () => {
			const s = login();
			await s.waitFor('Step 1 of 5 · Sign-in method');
			s.write(`${PTY_KEYS.enter}${PTY_KEYS.enter}abc`);
			const screen = await s.waitFor('Step 3 of 5 · API key');
			await s.waitFor('API key: •••');
			expect(screen).toContain('International (Singapore)');
		});

		test('two Downs on the region screen move two rows', async () => {
			const s = login();
			await s.waitFor('Step 1 of 5 · Sign-in method');
			await s.press(PTY_KEYS.enter);
			await s.waitFor('Step 2 of 5 · Region');
			s.write(`${PTY_KEYS.down}${PTY_KEYS.down}`);
			const screen = await s.waitFor(/❯ US \(Virginia\)/);
			expect(cursorRow(screen)).toMatch(/^❯ US \(Virginia\)\s+dashscope-us\.aliyuncs\.com$/);
		});

		test('three Backspaces after typing leave three characters; Ctrl+U empties the field', async () => {
			const s = login(['--region', 'intl']);
			await pastMethod(s);
			s.write('abcdef');
			await s.waitFor('API key: ••••••');
			s.write('\u007F\u007F\u007F');
			const screen = await s.waitFor(/API key: •••(?!•)/);
			expect(keyRow(screen)).toBe('API key: •••');
			expect(screen).toContain('DashScope API keys start with "sk-"');
			s.write('\u0015');
			const cleared = await s.waitFor('Keys start with “sk-”');
			expect(keyRow(cleared)).toBe('API key:');
			expect(cleared).not.toContain('•');
		});

		test('"jj" in the model table moves down twice instead of filtering', async () => {
			const s = login(['--region', 'intl', '--method', 'api-key']);
			await s.waitFor('Step 3 of 5 · API key');
			await s.paste(TEST_KEYS.intl);
			await s.press(PTY_KEYS.enter);
			await s.waitFor('Step 5 of 5 · Default model');
			s.write('jj');
			const screen = await s.waitFor(/❯\s+qwen3-coder-flash/);
			expect(cursorRow(screen)).toMatch(/^❯\s+qwen3-coder-flash\s/);
			expect(screen).toContain('Filter: type to filter');
		});
	});

	describe('a small terminal', () => {
		test('at 40x12 the method and region choices keep their titles and the cursor', async () => {
			const s = login([], {cols: 40, rows: 12});
			const method = await s.waitFor('Sign-in method');
			expect(cursorRow(method)).toBe('❯ Qwen API Key — DashScope, paid');
			expect(method).toContain('Qwen OAuth — portal.qwen.ai');
			await s.press(PTY_KEYS.enter);
			const region = await s.waitFor('Region');
			expect(cursorRow(region)).toMatch(/^❯ International \(Singapore\)/);
			for (const label of ['China (Beijing)', 'US (Virginia)', 'China (Hong Kong)']) expect(region).toContain(label);
		});

		test('below the smallest size it asks for a larger window, and comes back when there is room', async () => {
			const s = login([], {cols: 40, rows: 12});
			await s.waitFor('Sign-in method');
			await s.resize(26, 6);
			await s.waitFor('Enlarge the window');
			await s.resize(40, 12);
			const screen = await s.waitFor('Sign-in method');
			expect(screen).not.toContain('Enlarge');
			expect(cursorRow(screen)).toBe('❯ Qwen API Key — DashScope, paid');
		});
	});

	test('with another key exported, the Saved screen and the summary say the variable wins and how to change that', async () => {
		const s = login(['--region', 'intl', '--method', 'api-key'], undefined, {QWEN_API_KEY: TEST_KEYS.cn});
		await s.waitFor('Step 3 of 5 · API key');
		await s.paste(TEST_KEYS.intl);
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Step 5 of 5 · Default model');
		await s.press(PTY_KEYS.enter);
		const saved = await s.waitFor(/takes\s+precedence/);
		const warning = 'QWEN_API_KEY is set in this environment and takes precedence over the saved key; unset it to use the saved one, or export the new key (export QWEN_API_KEY="sk-…").';
		expect(flat(saved)).toContain(warning);
		await s.press(PTY_KEYS.down, PTY_KEYS.enter);
		expect(await s.exited()).toBe(0);
		expect(flat(s.screen())).toContain(warning);
		expect((home.readCredentials() as any).profiles['qwen-portal:default'].key).toBe(TEST_KEYS.intl);
		expect(s.output()).not.toContain(TEST_KEYS.cn.slice(3));
	});

	test('--model starts the model table on that model; Enter saves it', async () => {
		const s = login(['--region', 'intl', '--method', 'api-key', '--model', 'qwen3-max']);
		await s.waitFor('Step 3 of 5 · API key');
		await s.paste(TEST_KEYS.intl);
		await s.press(PTY_KEYS.enter);
		const table = await s.waitFor(/❯\s+qwen3-max/);
		expect(table).toContain('Step 5 of 5 · Default model');
		expect(cursorRow(table)).toMatch(/^❯\s+qwen3-max\s/);
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Qwen is set up');
		await s.press(PTY_KEYS.down, PTY_KEYS.enter);
		expect(await s.exited()).toBe(0);
		expect((home.readConfig() as any).agents.defaults.model.primary).toBe('qwen-portal/qwen3-max');
	});

	test('--model takes an alias of the user\'s own from openclaw.json', async () => {
		home.writeConfig({agents: {defaults: {models: {'qwen-portal/qwen-max': {alias: 'Steady'}}}}});
		const s = login(['--region', 'intl', '--method', 'api-key', '--model', 'steady']);
		await s.waitFor('Step 3 of 5 · API key');
		await s.paste(TEST_KEYS.intl);
		await s.press(PTY_KEYS.enter);
		const table = await s.waitFor(/❯\s+qwen-max\s/);
		expect(cursorRow(table)).toMatch(/^❯\s+qwen-max\s/);
	});

	for (const [args, message] of [
		[['--model', 'no-such-model!!'], 'Model ids use only letters, digits and . _ : / -'],
		[['--model', 'qwen3.5-plus'], "qwen3.5-plus is not in the setup wizard's model table, so the wizard cannot start on it."],
		[['--model', 'qwen3-max', '--method', 'oauth'], "--model sets the API-key login's default model; the Qwen OAuth login sets coder-model."],
	] as const) {
		test(`${args.join(' ')} is refused as a usage error before any screen opens`, async () => {
			const s = login(['--region', 'intl', ...args]);
			expect(await s.exited()).toBe(2);
			expect((await s.lines()).join(' ')).toContain(`error: ${message}`);
			expect(s.output()).not.toContain('Sign-in method');
			expect(s.output()).not.toContain('\u001B[?1049h');
		});
	}

	test('--no-check saves without the key check and says the key was not checked', async () => {
		const s = login(['--region', 'intl', '--method', 'api-key', '--no-check']);
		await s.waitFor('Step 3 of 5 · API key');
		await s.paste(TEST_KEYS.intl);
		await s.waitFor('without checking it (--no-check)');
		await s.press(PTY_KEYS.enter);
		await s.waitFor('Not checked (--no-check)');
		// No GET /models went out: the key was never sent.
		expect(fake.requests.filter(request => request.path.endsWith('/models'))).toEqual([]);
		await s.press(PTY_KEYS.enter);
		const saved = await s.waitFor('Qwen is set up');
		expect(saved.replaceAll(/\s+/g, ' ')).toContain('The key was not checked');
		await s.press(PTY_KEYS.down, PTY_KEYS.enter);
		expect(await s.exited()).toBe(0);
		expect((home.readCredentials() as any).profiles['qwen-portal:default'].key).toBe(TEST_KEYS.intl);
	});
});
