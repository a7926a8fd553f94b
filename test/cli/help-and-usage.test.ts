import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {ownCredentialsPath} from '../../source/core/openclaw/key-store.js';
import {stateDbPath} from '../../source/core/openclaw/state-db.js';
import {relativeToStateDir} from '../../source/core/paths.js';
import {sessionStorePath} from '../../source/core/sessions/session-store.js';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {allOutputs, leakedSecrets} from '../support/run-cli.js';
import {ESC, freshCliWorld} from '../support/cli-world.js';

const packageJson = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {version: string};

describe('help, version and usage errors', () => {
	const world = freshCliWorld();

	test('--version prints the package version', async () => {
		const result = await world.run(['--version']);
		expect(result.code).toBe(0);
		expect(result.stdout.trim()).toBe(packageJson.version);
	});

	test('--help lists the commands, env vars and the guide\'s troubleshooting', async () => {
		const result = await world.run(['--help']);
		expect(result.code).toBe(0);
		for (const text of ['models', 'chat', 'restart', 'Examples:', 'QWEN_API_KEY', 'DASHSCOPE_API_KEY', 'OPENCLAW_STATE_DIR', 'QWEN_INTL_BASE_URL', '401 Unauthorized', 'qwen.qwen-plus', 'echo $QWEN_API_KEY']) {
			expect(result.stdout).toContain(text);
		}
	});

	test('help names the files where the key, OpenClaw\'s database and the conversations really are', async () => {
		const {paths} = world.home;
		const inStateDir = (file: string) => relativeToStateDir(paths, file);
		const root = await world.run(['--help'], {extraEnv: {COLUMNS: '400'}});
		for (const file of [ownCredentialsPath(paths), stateDbPath(paths.stateDir), sessionStorePath(paths)]) {
			expect(root.stdout).toContain(inStateDir(file));
		}
		for (const command of [['usage'], ['sessions']]) {
			const result = await world.run([...command, '--help'], {extraEnv: {COLUMNS: '400'}});
			expect(result.stdout).toContain(`<state dir>/${inStateDir(sessionStorePath(paths))}`);
		}
	});

	test.each([
		[['models']],
		[['models', 'list']],
		[['models', 'status']],
		[['models', 'set']],
		[['models', 'auth']],
		[['models', 'auth', 'login']],
		[['chat']],
		[['restart']],
		[['doctor']],
	])('%j --help has examples', async args => {
		const result = await world.run([...args, '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Examples:');
		expect(result.stdout).toContain(`$ openclaw ${args.join(' ')}`);
	});

	test('an unknown flag is a usage error (exit 2) with commander\'s message', async () => {
		const result = await world.run(['chat', '--frobnicate', 'hi']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("unknown option '--frobnicate'");
		expect(world.server.requests).toHaveLength(0);
	});

	test('a flag missing its value is a usage error (exit 2)', async () => {
		const result = await world.run(['chat', 'hi', '--model']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("'-m, --model <id|alias>' argument missing");
	});

	test('an unknown command is a usage error with a suggestion', async () => {
		const result = await world.run(['chta', 'hi']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain("unknown command 'chta'");
		expect(result.stderr).toContain('chat');
	});

	test('plain openclaw without a terminal prints help and exits 2', async () => {
		const result = await world.run([]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Usage: openclaw');
		expect(result.stderr).toContain('no terminal');
	});

	test('non-TTY output has no escape codes; NO_COLOR wins over FORCE_COLOR', async () => {
		world.saveLogin();
		const runs = [
			await world.run(['models', 'list']),
			await world.run(['models', 'status', '--probe']),
			await world.run(['models', 'set', 'nope.qwen']),
			await world.run(['chat', '--bogus']),
			await world.run(['models', 'list'], {extraEnv: {FORCE_COLOR: '1', NO_COLOR: '1'}, keepForceColor: true}),
		];
		for (const run of runs) expect(run.stdout + run.stderr).not.toContain(ESC);
		// And colour does appear when forced, so the check above can fail.
		const forced = await world.run(['models', 'list'], {extraEnv: {FORCE_COLOR: '1'}, keepForceColor: true});
		expect(forced.stdout).toContain(ESC);
	});
});

describe('keys never leak', () => {
	const world = freshCliWorld();

	test('no test key appears in the output of a session using every command', async () => {
		await world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'], {input: TEST_KEYS.intl});
		await world.run(['models', 'status', '--probe', '--json']);
		await world.run(['models', 'status'], {extraEnv: {QWEN_API_KEY: TEST_KEYS.cn}});
		await world.run(['chat', '--verbose', 'hi'], {extraEnv: {QWEN_API_KEY: TEST_KEYS.cn}});
		await world.run(['restart'], {extraEnv: {DASHSCOPE_API_KEY: ` ${TEST_KEYS.hk} `}});
		// Every run in this file (run-cli also checks each run as it ends).
		expect(allOutputs.length).toBeGreaterThan(10);
		expect(allOutputs.flatMap(text => leakedSecrets(text))).toEqual([]);
	});
});
