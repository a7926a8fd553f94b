/**
 * Saved conversations from the command line: one-shot runs saved and
 * followed up (-c, --session, --resume <text>), the `sessions` commands, and
 * a store that is missing, turned off, damaged, locked or from a newer openclaw.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import {openDatabase} from '../../source/core/openclaw/sqlite.js';
import {openSessionStore} from '../../source/core/sessions/session-store.js';
import {SCHEMA_VERSION} from '../../source/core/sessions/store-schema.js';
import {freshCliWorld} from '../support/cli-world.js';

const world = freshCliWorld();
const storeFile = () => path.join(world.home.paths.appDir, 'sessions.sqlite');
type Body = {model: string; messages: Array<{role: string; content: unknown}>};
const lastBody = () => world.server.chatRequests().at(-1)!.body as Body;

async function chat(...args: string[]) {
	const result = await world.run(['chat', ...args]);
	expect(result.stderr).not.toMatch(/Unexpected error/);
	return result;
}

async function listed(): Promise<Array<{id: string; title: string; turns: number; model: string}>> {
	const result = await world.run(['sessions', 'list', '--json']);
	expect(result.code).toBe(0);
	return (JSON.parse(result.stdout) as {sessions: Array<{id: string; title: string; turns: number; model: string}>}).sessions;
}

describe('one-shot chats are saved and can be followed up', () => {
	it('-c sends the earlier turns with the question and saves it in the same session', async () => {
		world.saveLogin();
		expect((await chat('write quicksort in python')).code).toBe(0);
		const followUp = await chat('-c', '--verbose', 'and in rust?');
		expect(followUp.stdout).toBe('Echo: and in rust?\n');
		expect(lastBody().messages).toEqual([
			{role: 'user', content: 'write quicksort in python'},
			{role: 'assistant', content: 'Echo: write quicksort in python'},
			{role: 'user', content: 'and in rust?'},
		]);
		const [session] = await listed();
		expect(session).toMatchObject({title: 'write quicksort in python', turns: 2});
		expect(followUp.stderr).toContain(`session ${session!.id}, after 1 earlier turn`);
		expect(fs.statSync(storeFile()).mode & 0o777).toBe(0o600);
	});

	it('--session names the conversation by the start of its id or by its title; the model it used stays', async () => {
		world.saveLogin();
		await chat('--model', 'qwen-max', 'first topic');
		await chat('second topic');
		const sessions = await listed();
		const first = sessions.find(session => session.title === 'first topic')!;
		await chat('--session', first.id.slice(0, 6), 'more on it');
		expect(lastBody()).toMatchObject({model: 'qwen-max'});
		expect(lastBody().messages.map(message => message.content)).toEqual(['first topic', 'Echo: first topic', 'more on it']);
		await chat('--resume', 'second', 'and this');
		expect(lastBody().messages.map(message => message.content)).toEqual(['second topic', 'Echo: second topic', 'and this']);
		expect((await listed()).map(session => [session.title, session.turns])).toEqual([
			['second topic', 2],
			['first topic', 2],
		]);
	});

	it('a title that matches several sessions lists them and exits 1; none saved yet says so', async () => {
		world.saveLogin();
		const none = await chat('-c', 'anything');
		expect(none.code).toBe(1);
		expect(none.stderr).toContain('There are no saved conversations yet.');
		await chat('sorting in rust');
		await chat('sorting in go');
		const ambiguous = await chat('--resume', 'sorting', 'which one?');
		expect(ambiguous.code).toBe(1);
		expect(ambiguous.stderr).toContain('"sorting" matches 2 saved conversations.');
		for (const session of await listed()) expect(ambiguous.stderr).toContain(session.id.slice(0, 8));
		expect(world.server.chatRequests()).toHaveLength(2);
	});

	it('flags that each name a conversation are refused together, and the picker needs a terminal', async () => {
		world.saveLogin();
		expect((await chat('-c', '--session', 'abc', 'q')).code).toBe(2);
		const picker = await chat('q', '--resume');
		expect(picker.code).toBe(2);
		expect(picker.stderr).toContain('needs a terminal');
	});

	it('Ctrl+C mid-answer keeps what arrived, marked interrupted', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: Array.from({length: 400}, (_, index) => `w${index} `), delayMs: 10});
		const run = world.start(['chat', 'long one']);
		// Stopped once a few words are out, as a person reading them would.
		await vi.waitFor(() => expect(run.stdout()).toContain('w3 '), {timeout: 10_000, interval: 5});
		run.child.kill('SIGINT');
		expect((await run.result).code).toBe(130);
		const [session] = await listed();
		const shown = JSON.parse((await world.run(['sessions', 'show', session!.id, '--json'])).stdout) as {turns: Array<{outcome: string; answer: string}>};
		expect(shown.turns[0]!.outcome).toBe('interrupted');
		expect(shown.turns[0]!.answer).toMatch(/^w0 w1 w2 w3 /);
	});
});

describe('openclaw sessions', () => {
	it('list cuts a long title with "…" to the width it is given, and keeps it whole into a pipe', async () => {
		world.saveLogin();
		const prompt = `a long question about ${'sorting algorithms and their complexity '.repeat(3)}`;
		await chat(prompt);
		const narrow = await world.run(['sessions', 'list'], {extraEnv: {COLUMNS: '70'}});
		for (const line of narrow.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(70);
		expect(narrow.stdout).toMatch(/ {2}a long q.*…$/m);
		const piped = await world.run(['sessions', 'list']);
		expect(piped.stdout.split('\n')[1]!.length).toBeGreaterThan(70);
	});

	it('show and export carry each request’s usage and estimated cost, and the summaries compaction sent in place of turns', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: ['ok'], usage: {promptTokens: 40_000, cachedTokens: 10_000}});
		await chat('first question');
		const [session] = await listed();
		const store = openSessionStore(storeFile(), {mode: 'write'})!;
		try {
			const metered = {model: 'qwen3-coder-plus', region: 'intl' as const, thinking: false, usage: {promptTokens: 41_000, completionTokens: 900, totalTokens: 41_900}};
			store.addCompaction({sessionId: session!.id, turns: 1, summary: 'They asked a first question.', tokensBefore: 41_000, tokensAfter: 900, metered, now: Date.now()});
		} finally {
			store.close();
		}

		const shown = await world.run(['sessions', 'show', session!.id]);
		// 40,000 in is past 32K: the second tier.
		expect(shown.stdout).toMatch(/qwen3-coder-plus · \d{4}-\d\d-\d\d \d\d:\d\d · 40,000 in \(10,000 cached\), \d+ out · est\. \$[\d.]+ \(input 32K–128K\)/);
		expect(shown.stdout).toContain('(Compacted 1 turn: 41k → 900 tokens');
		expect(shown.stdout).toContain('They asked a first question.');

		const markdown = (await world.run(['sessions', 'export', session!.id])).stdout;
		expect(markdown).toMatch(/^## Compacted 1 turn: 41k → 900 tokens \(.*; this summary was sent in their place\)$/m);
		const json = JSON.parse((await world.run(['sessions', 'export', session!.id, '--format', 'json'])).stdout) as {
			turns: Array<{request: {usage: {prompt_tokens: number; cached_tokens: number}; estimate: {currency: string}} | null}>;
			compactions: Array<{turns: number; summary: string; request: {usage: {prompt_tokens: number}}}>;
		};
		expect(json.turns[0]!.request).toMatchObject({usage: {prompt_tokens: 40_000, cached_tokens: 10_000}, estimate: {currency: 'USD'}});
		expect(json.compactions).toMatchObject([{turns: 1, summary: 'They asked a first question.', request: {usage: {prompt_tokens: 41_000}}}]);
	});

	it('`sessions` alone lists; a mistyped sub-command is named as one, with the one meant (exit 2)', async () => {
		world.saveLogin();
		await chat('quicksort please');
		const bare = await world.run(['sessions']);
		expect(bare.code).toBe(0);
		expect(bare.stdout).toContain('quicksort please');
		const typo = await world.run(['sessions', 'shwo', 'quick']);
		expect(typo.code).toBe(2);
		expect(typo.stderr).toContain("error: unknown command 'shwo'");
		expect(typo.stderr).toContain('(Did you mean show?)');
		expect(typo.stdout).toBe('');
	});

	it('list, show, search and export read the saved conversations, as plain text when piped', async () => {
		world.saveLogin();
		await chat('quicksort please');
		await chat('用中文解释快速排序');
		const list = await world.run(['sessions', 'list']);
		expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+LAST USED\s+TURNS\s+MODEL\s+TITLE$/);
		expect(list.stdout).toMatch(/^[\da-f]{8} {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}1 turn {2}qwen3-coder-plus {2}用中文解释快速排序$/m);
		expect(list.stdout).not.toContain('\u001B');

		const search = await world.run(['sessions', 'search', '快速']);
		expect(search.stdout).toContain('用中文解释快速排序');
		expect(search.stdout).not.toContain('quicksort please');
		expect((await world.run(['sessions', 'search', 'QUICKS'])).stdout).toContain('› quicksort please');
		expect((await world.run(['sessions', 'search', 'nothing-like-this'])).stdout).toBe('Nothing saved holds "nothing-like-this".\n');

		const show = await world.run(['sessions', 'show', 'quicksort']);
		expect(show.stdout).toContain('› quicksort please\n');
		expect(show.stdout).toContain('Echo: quicksort please');
		const markdown = await world.run(['sessions', 'export', 'quicksort']);
		expect(markdown.stdout).toMatch(/^# quicksort please\n/);
		expect(markdown.stdout).toContain('## You\n\nquicksort please\n\n## qwen3-coder-plus\n\nEcho: quicksort please\n');
		const json = JSON.parse((await world.run(['sessions', 'export', 'quicksort', '--format', 'json'])).stdout) as {turns: Array<{prompt: string}>};
		expect(json.turns.map(turn => turn.prompt)).toEqual(['quicksort please']);
	});

	it('rm needs --yes without a terminal, then deletes that one session', async () => {
		world.saveLogin();
		await chat('keep me');
		await chat('delete me');
		const refused = await world.run(['sessions', 'rm', 'delete me']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('--yes');
		expect(await listed()).toHaveLength(2);
		const deleted = await world.run(['sessions', 'rm', 'delete me', '--yes']);
		expect(deleted.code).toBe(0);
		expect(deleted.stdout).toMatch(/^Deleted "delete me" \([\da-f]{8}, 1 turn\)\.\n$/);
		expect((await listed()).map(session => session.title)).toEqual(['keep me']);
		expect((await world.run(['sessions', 'search', 'delete'])).stdout).toContain('Nothing saved holds');
		expect((await world.run(['sessions', 'rm', 'delete me', '--yes'])).code).toBe(1);
	});

	it('with nothing saved yet, list says so and exits 0', async () => {
		const result = await world.run(['sessions']);
		expect(result).toMatchObject({code: 0, stdout: expect.stringContaining('No saved conversations yet.')});
		expect(fs.existsSync(world.home.paths.appDir)).toBe(false);
	});
});

describe('when nothing may or can be saved', () => {
	it('--no-save and OPENCLAW_NO_SAVE write nothing at all', async () => {
		world.saveLogin();
		expect((await world.run(['chat', '--no-save', 'secret plans'])).code).toBe(0);
		expect((await world.run(['chat', 'more plans'], {extraEnv: {OPENCLAW_NO_SAVE: '1'}})).code).toBe(0);
		expect(fs.existsSync(world.home.paths.appDir)).toBe(false);

		await chat('saved one');
		const before = fs.readFileSync(storeFile());
		const followUp = await world.run(['chat', '-c', '--no-save', 'unsaved follow-up']);
		expect(lastBody().messages.map(message => message.content)).toEqual(['saved one', 'Echo: saved one', 'unsaved follow-up']);
		expect(followUp.code).toBe(0);
		expect(fs.readFileSync(storeFile())).toEqual(before);
		expect(fs.readdirSync(world.home.paths.appDir)).toEqual(['sessions.sqlite']);
	});

	it('a damaged store is named, left byte for byte as it was, and the chat still answers', async () => {
		world.saveLogin();
		fs.mkdirSync(world.home.paths.appDir, {recursive: true, mode: 0o700});
		fs.writeFileSync(storeFile(), Buffer.alloc(8192, 'x'), {mode: 0o600});
		const before = fs.readFileSync(storeFile());
		const result = await world.run(['chat', 'still there?']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Echo: still there?\n');
		expect(result.stderr).toContain(`warning: Not saved: ${storeFile()} is damaged.`);
		const list = await world.run(['sessions', 'list']);
		expect(list.code).toBe(1);
		expect(list.stderr).toContain(`${storeFile()} is damaged`);
		expect(fs.readFileSync(storeFile())).toEqual(before);
	});

	it('a store another program holds locked: the chat answers unsaved and says why', async () => {
		world.saveLogin();
		await chat('before the lock');
		const holder = openDatabase(storeFile(), {readOnly: false});
		holder.exec("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO meta (key, value) VALUES ('held', '1')");
		try {
			const result = await world.run(['chat', 'during the lock']);
			expect(result.code).toBe(0);
			expect(result.stdout).toBe('Echo: during the lock\n');
			expect(result.stderr).toContain(`${storeFile()} is locked`);
		} finally {
			holder.exec('ROLLBACK');
			holder.close();
		}

		expect((await listed()).map(session => session.title)).toEqual(['before the lock']);
	});

	it('a store from a newer openclaw is read if it says so, else refused by name; neither is written', async () => {
		world.saveLogin();
		await chat('from today');
		const db = openDatabase(storeFile(), {readOnly: false});
		db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
		db.close();
		expect((await listed()).map(session => session.title)).toEqual(['from today']);
		const unsaved = await world.run(['chat', 'not saved']);
		expect(unsaved.stderr).toContain('is from a newer openclaw');
		expect((await listed()).map(session => session.turns)).toEqual([1]);

		const newer = openDatabase(storeFile(), {readOnly: false});
		newer.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 2}; UPDATE meta SET value = '${SCHEMA_VERSION + 2}' WHERE key = 'oldest_reader'`);
		newer.close();
		const refused = await world.run(['sessions', 'list']);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`${storeFile()} was written by a newer openclaw`);
	});
});
