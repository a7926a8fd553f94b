/**
 * A recognisable key goes through every CLI scenario; afterwards it must be in
 * no output, no process argv, no saved transcript and no file but
 * auth-profiles.json. run-cli.ts also fails any run whose output holds it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {serviceError} from '../support/fake-dashscope.js';
import {spawnPty} from '../support/pty-driver.js';
import {CLI_PATH, registerSecret} from '../support/run-cli.js';
import {freshCliWorld} from '../support/cli-world.js';
import {filesContaining} from '../support/file-tree.js';

const CANARY = 'sk-LEAKCANARY0000intl000000000000000';
registerSecret(CANARY);

const world = freshCliWorld({keys: {intl: [CANARY]}});

const CREDENTIALS = path.join('.openclaw', 'openclaw-qwen', 'credentials.json');

async function login() {
	const result = await world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'], {input: `${CANARY}\n`});
	expect(result.code).toBe(0);
}

/** The argv of a running process, from /proc (Linux). */
function argvOf(pid: number | string): string {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return ''; // gone meanwhile
	}
}

/** Every process on the machine whose argv holds `needle` (children the CLI might spawn included). */
function processesWithArgv(needle: string): string[] {
	return fs.readdirSync('/proc').filter(name => /^\d+$/.test(name) && argvOf(name).includes(needle));
}

describe('the key never leaks', () => {
	it('through every CLI scenario with a saved key, it is only in the credentials file', async () => {
		await login();
		const scenarios: Array<{args: string[]; env?: Record<string, string>; before?: () => void}> = [
			{args: ['models', 'status']},
			{args: ['models', 'status', '--json']},
			{args: ['models', 'status', '--probe']},
			{args: ['models', 'list']},
			{args: ['models', 'set', 'qwen-plus']},
			{args: ['restart']},
			{args: ['chat', 'hello']},
			{args: ['chat', '--verbose', '--model', 'qwen', 'hello']},
			{args: ['chat', 'hello'], before: () => world.server.enqueue(serviceError('internal'))},
			{args: ['chat', 'hello'], before: () => world.server.enqueue({kind: 'reset', afterChunks: 1})},
			{args: ['chat', 'hello'], before: () => world.server.enqueue(serviceError('rateLimit'), serviceError('rateLimit'), serviceError('rateLimit'))},
			{args: ['chat', '--model', 'qwen-nope', 'hello']},
			{args: ['chat', 'hello'], env: {QWEN_CN_BASE_URL: world.server.baseUrls.cn}, before: () => moveToRegion('cn')},
			{args: ['doctor']},
			{args: ['doctor', '--json']},
			{args: ['models', 'status', '--probe'], env: {OPENCLAW_DEBUG: '1'}},
			{args: ['chat', 'hello'], env: {OPENCLAW_DEBUG: '1'}, before: () => world.server.enqueue({kind: 'reset', afterChunks: 1})},
			{args: ['doctor', '--fix'], before: () => fs.chmodSync(world.home.credentialsPath, 0o644)},
		];
		for (const scenario of scenarios) {
			scenario.before?.();
			// runCli rejects when the output holds the key, naming the command.
			await world.run(scenario.args, scenario.env ? {extraEnv: scenario.env} : {});
		}

		expect(filesContaining(world.home.home, CANARY)).toEqual([CREDENTIALS]);
	});

	it('from QWEN_API_KEY, it is in no file at all, and not in the output of any command', async () => {
		world.saveLogin();
		const env = {QWEN_API_KEY: CANARY};
		for (const args of [['models', 'status', '--probe'], ['chat', 'hello'], ['doctor'], ['doctor', '--json'], ['models', 'set', 'qwen3-max'], ['restart']]) {
			await world.run(args, {extraEnv: env});
		}

		// Padded with whitespace it is still masked everywhere.
		await world.run(['doctor'], {extraEnv: {QWEN_API_KEY: `  ${CANARY}\n`}});
		await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: `"${CANARY}"`}});
		expect(filesContaining(world.home.home, CANARY)).toEqual([]);
	});

	it('a key written into openclaw.json by hand is masked by status, chat errors and doctor', async () => {
		world.saveLogin();
		const config = world.home.readConfig() as Record<string, any>;
		config.models.providers['qwen-portal'].apiKey = CANARY;
		world.home.writeConfig(config);
		for (const args of [['models', 'status', '--json'], ['chat', '--model', 'qwen-nope', 'hi'], ['doctor'], ['doctor', '--json']]) {
			await world.run(args);
		}

		expect(filesContaining(world.home.home, CANARY)).toEqual([path.join('.openclaw', 'openclaw.json')]);
	});

	it('is in no process argv while a chat is in flight', async () => {
		await login();
		world.server.enqueue({kind: 'hang'});
		const chat = world.start(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: CANARY, OPENCLAW_TIMEOUT_MS: '3000'}});
		await waitUntil(() => world.server.chatRequests().length > 0);
		expect(argvOf(chat.child.pid!)).toContain(CLI_PATH);
		expect(processesWithArgv(CANARY)).toEqual([]);
		chat.child.kill('SIGINT');
		await chat.result;
	});

	it('is not in a transcript saved from the chat pane', async () => {
		await login();
		const transcript = path.join(world.home.home, 'chat.md');
		const session = spawnPty({
			command: process.execPath,
			args: [CLI_PATH, 'chat'],
			cwd: world.home.home,
			env: {...world.env(), TERM: 'xterm-256color'},
		});
		try {
			await session.waitFor('Ask anything', 15_000);
			session.write('hello from the pane\r');
			await session.waitFor('Echo: hello from the pane', 15_000);
			session.write(`/save ${transcript}\r`);
			await session.waitFor(/Saved 1 exchange/, 15_000);
			expect(session.output()).not.toContain(CANARY);
		} finally {
			session.kill();
		}

		const saved = fs.readFileSync(transcript, 'utf8');
		expect(saved).toContain('hello from the pane');
		expect(saved).not.toContain(CANARY);
		expect(filesContaining(world.home.home, CANARY)).toEqual([CREDENTIALS]);
	});
});

function moveToRegion(region: 'cn') {
	const config = world.home.readConfig() as Record<string, any>;
	config.models.providers['qwen-portal'].baseUrl = region === 'cn' ? 'https://dashscope.aliyuncs.com/compatible-mode/v1' : '';
	world.home.writeConfig(config);
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000) {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}
