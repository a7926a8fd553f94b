import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli} from '../support/run-cli.js';

// `openclaw help [command]` is commander's help command: printing help is success.
describe('openclaw help', () => {
	let home: string;

	beforeAll(() => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-help-'));
	});

	afterAll(() => {
		fs.rmSync(home, {recursive: true, force: true});
	});

	const env = () => ({PATH: process.env['PATH'] ?? '', HOME: home, NO_COLOR: '1'});

	test('`openclaw help` prints the help and exits 0', async () => {
		const result = await runCli(['help'], {env: env()});
		expect(result.stdout).toContain('Examples:');
		expect(result.code).toBe(0);
	});

	test('`openclaw help chat` prints the chat help and exits 0', async () => {
		const result = await runCli(['help', 'chat'], {env: env()});
		expect(result.stdout).toContain('openclaw chat');
		expect(result.code).toBe(0);
	});

	test('--help names every environment variable openclaw reads', async () => {
		const result = await runCli(['--help'], {env: env()});
		for (const name of ['QWEN_API_KEY', 'DASHSCOPE_API_KEY', 'QWEN_OAUTH_BASE_URL', 'OPENCLAW_NO_BROWSER', 'OPENCLAW_TERMINAL_REFLOW', 'OPENCLAW_DEBUG', 'NO_COLOR']) {
			expect(result.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
		}
		expect(result.stdout).toContain('print stack traces for unexpected errors');
	});

	test('`models set --help` says a backup is kept before each change', async () => {
		const result = await runCli(['models', 'set', '--help'], {env: env()});
		expect(result.stdout.replaceAll(/\s+/g, ' ')).toContain('openclaw.json.bak is kept before each change');
	});

	test('an unknown option still exits 2', async () => {
		const result = await runCli(['--no-such-option'], {env: env()});
		expect(result.code).toBe(2);
	});
});
