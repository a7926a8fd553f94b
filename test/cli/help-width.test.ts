/**
 * Every help screen fits the terminal: never wider than 80 columns, and
 * wrapped to a narrower one (COLUMNS, for piped output). Only a line holding a
 * single word that is itself wider (a URL, a path, one quoted argument) may
 * stick out, since breaking it would make it impossible to copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runCli} from '../support/run-cli.js';

const COMMANDS = [
	[],
	['chat'],
	['models'],
	['models', 'list'],
	['models', 'status'],
	['models', 'set'],
	['models', 'auth'],
	['models', 'auth', 'login'],
	['doctor'],
	['sessions'],
	['sessions', 'list'],
	['sessions', 'show'],
	['sessions', 'search'],
	['sessions', 'export'],
	['sessions', 'rm'],
	['usage'],
	['restart'],
].map(args => [args] as const);

// One shell word: quoted text, a <placeholder> and anything without spaces, optionally ending a continued line.
const ONE_WORD = /^(?:"[^"]*"|'[^']*'|<[^<>]*>|[^\s"'<])+(?: \\)?$/;

function tooWide(text: string, columns: number): string[] {
	return text.split('\n').filter(line => stringWidth(line) > columns);
}

describe('help fits the terminal', () => {
	let home: string;

	beforeAll(() => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-help-width-'));
	});

	afterAll(() => {
		fs.rmSync(home, {recursive: true, force: true});
	});

	const run = (args: readonly string[], columns?: number) =>
		runCli([...args, '--help'], {env: {PATH: process.env['PATH'] ?? '', HOME: home, NO_COLOR: '1', ...(columns === undefined ? {} : {COLUMNS: String(columns)})}});

	test.each(COMMANDS)('%j --help: no line over 80 columns, piped with COLUMNS=80', async args => {
		const result = await run(args, 80);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Examples:');
		expect(tooWide(result.stdout, 80)).toEqual([]);
	});

	test.each(COMMANDS)('%j --help: no line over 80 columns when COLUMNS is wider or unset', async args => {
		for (const columns of [200, undefined]) {
			const result = await run(args, columns);
			expect(tooWide(result.stdout, 80)).toEqual([]);
		}
	});

	test.each(COMMANDS)('%j --help at 40 columns: only single words stick out', async args => {
		const result = await run(args, 40);
		expect(result.code).toBe(0);
		const wide = tooWide(result.stdout, 40).map(line => line.trim());
		expect(wide.filter(line => !ONE_WORD.test(line))).toEqual([]);
	});

	test('a comment that does not fit beside its example goes on its own line under it', async () => {
		const result = await run(['chat'], 80);
		expect(result.stdout).toContain('  $ openclaw chat -c                 # the last conversation, in the pane\n');
		expect(result.stdout).toContain('  $ openclaw chat --session 3f2a9c1e "Shorter, please"\n      # follow up on that one (scripts)\n');
	});

	test('a command wider than the terminal is continued with a backslash, never cut inside quotes', async () => {
		const result = await run(['chat'], 40);
		expect(result.stdout).toContain('  $ openclaw chat --verbose --think \\\n');
		expect(result.stdout).toContain('      "Prove that sqrt(2) is irrational"\n');
	});
});
