/**
 * Saved conversations in a real pseudo-terminal, as a person uses them: quit
 * and come back with -c, a pane killed mid-answer, the --resume picker,
 * /retry, editing the last message, /copy's OSC 52, ↑ and Ctrl+R across
 * sessions, two panes at once, a damaged store, --no-save, and the key kept
 * out of the store. Every wait is on what the screen (or the store) shows.
 */
import fs from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {openDatabase} from '../../source/core/openclaw/sqlite.js';
import {openSessionStore} from '../../source/core/sessions/session-store.js';
import type {StoredTurn} from '../../source/core/sessions/session-types.js';
import {startFakeDashScope, TEST_KEYS, type FakeDashScope} from '../support/fake-dashscope.js';
import {PTY_KEYS, spawnPty, type PtySession} from '../support/pty-driver.js';
import {CLI_PATH, runCli} from '../support/run-cli.js';

let fake: FakeDashScope;
let home: string;
let panes: PtySession[] = [];
beforeEach(async () => {
	fake = await startFakeDashScope();
	home = await mkdtemp(path.join(tmpdir(), 'openclaw-sessions-e2e-'));
});
afterEach(async () => {
	for (const pane of panes) pane.kill();
	panes = [];
	await fake.close();
	await rm(home, {recursive: true, force: true});
});

const appDir = () => path.join(home, '.openclaw', 'openclaw-qwen');
const storeFile = () => path.join(appDir(), 'sessions.sqlite');

function env(extra: Record<string, string> = {}): Record<string, string> {
	return {PATH: process.env['PATH'] ?? '', HOME: home, TERM: 'xterm-256color', TERM_PROGRAM: 'vscode', QWEN_API_KEY: TEST_KEYS.intl, ...fake.env, ...extra};
}

function openPane(args: string[] = [], extraEnv: Record<string, string> = {}): PtySession {
	const pane = spawnPty({command: process.execPath, args: [CLI_PATH, 'chat', ...args], cols: 100, rows: 30, scrollback: 10_000, cwd: home, env: env(extraEnv)});
	panes.push(pane);
	return pane;
}

async function ask(pane: PtySession, question: string, answer = `Echo: ${question}`): Promise<void> {
	await pane.waitFor('Ask anything');
	pane.write(question);
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor(answer, 30_000);
}

async function leave(pane: PtySession): Promise<number> {
	await pane.press(PTY_KEYS.ctrlC, PTY_KEYS.ctrlC);
	return pane.exited();
}

async function oneShot(...args: string[]): Promise<void> {
	const result = await runCli(['chat', ...args], {env: env(), cwd: home});
	expect(result.code).toBe(0);
}

/** Every turn saved, in order, read without changing the store. */
function savedTurns(): Array<StoredTurn & {title: string}> {
	const store = openSessionStore(storeFile(), {mode: 'unchanged'})!;
	try {
		return store.listSessions().reverse().flatMap(session => store.allTurns(session.id).map(turn => ({...turn, title: session.title})));
	} finally {
		store.close();
	}
}

type Body = {model: string; messages: Array<{role: string; content: unknown}>};
const sentTexts = (request = -1) => (fake.chatRequests().at(request)!.body as Body).messages.map(message => message.content);

const flat = (pane: PtySession) => pane.screen().replace(/\s+/g, ' ');

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

test('quit, then -c: the earlier turns are shown as before and sent with the next message, in the same session', async () => {
	const first = openPane();
	await ask(first, 'what is a monad?');
	await ask(first, 'shorter please');
	expect(await leave(first)).toBe(0);

	const again = openPane(['-c']);
	await again.waitFor('Resumed "what is a monad?"');
	const screen = again.screen();
	for (const text of ['› what is a monad?', 'Echo: what is a monad?', '› shorter please', 'Echo: shorter please']) expect(screen).toContain(text);
	await ask(again, 'one more');
	expect(sentTexts()).toEqual(['what is a monad?', 'Echo: what is a monad?', 'shorter please', 'Echo: shorter please', 'one more']);
	expect(await leave(again)).toBe(0);
	expect(new Set(savedTurns().map(turn => turn.sessionId)).size).toBe(1);
	expect(savedTurns().map(turn => turn.prompt)).toEqual(['what is a monad?', 'shorter please', 'one more']);
}, 60_000);

test('kill -9 mid-answer, then -c: what was saved is there, marked interrupted', async () => {
	const chunks = Array.from({length: 1500}, (_, index) => `w${index} `);
	fake.enqueue({kind: 'stream', chunks, delayMs: 10});
	const pane = openPane();
	await ask(pane, 'a long answer', 'w3 ');
	// Saved at most a second apart: wait until the store holds part of the answer.
	await until(() => fs.existsSync(storeFile()) && (savedTurns()[0]?.answer ?? '') !== '', 'the first save');
	pane.signal('SIGKILL');
	await pane.exited();
	const saved = savedTurns()[0]!;
	expect(saved.outcome).toBe('interrupted');
	expect(chunks.join('').startsWith(saved.answer)).toBe(true);

	const again = openPane(['-c']);
	await again.waitFor('Interrupted: the answer above is partial.');
	expect(again.screen()).toContain('› a long answer');
	const lastWord = saved.answer.trim().split(' ').at(-1)!;
	expect((await again.lines()).join('\n')).toContain(lastWord);
	expect(await leave(again)).toBe(0);
}, 60_000);

test('--resume without an id opens the picker, newest first; typing searches, Enter resumes', async () => {
	await oneShot('rust borrow checker');
	await oneShot('python generators');
	await oneShot('bread recipe');
	const pane = openPane(['--resume']);
	await pane.waitFor('Resume a conversation');
	const rows = pane.screen().split('\n');
	const order = ['bread recipe', 'python generators', 'rust borrow checker'].map(title => rows.findIndex(row => row.includes(title)));
	expect(order).toEqual([...order].sort((a, b) => a - b));
	expect(order[0]).toBeGreaterThan(-1);
	pane.write('generat');
	await pane.waitFor(/Search: generat[\s\S]*python generators/);
	expect(pane.screen()).not.toContain('bread recipe');
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Resumed "python generators"');
	await ask(pane, 'and yield from?');
	expect(sentTexts()).toEqual(['python generators', 'Echo: python generators', 'and yield from?']);
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('/retry with another model keeps both answers; Esc twice edits the last message, which is then replaced', async () => {
	const pane = openPane();
	await ask(pane, 'first');
	pane.write('/retry qwen-max');
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Asking qwen-max again');
	await pane.waitFor(/tokens in \d+/);
	expect(fake.chatRequests().at(-1)!.body).toMatchObject({model: 'qwen-max'});

	await ask(pane, 'secnd');
	await pane.press(PTY_KEYS.escape, PTY_KEYS.escape);
	await pane.waitFor(/^› secnd ?$/m);
	await pane.press(PTY_KEYS.backspace, PTY_KEYS.backspace);
	pane.write('ond');
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Echo: second');
	expect(sentTexts()).toEqual(['first', 'Echo: first', 'second']);
	expect(await leave(pane)).toBe(0);
	expect(savedTurns().map(turn => [turn.prompt, turn.model, turn.status])).toEqual([
		['first', 'qwen3-coder-plus', 'retried'],
		['first', 'qwen-max', 'current'],
		// /retry with a model asks that model once; the pane keeps its own.
		['secnd', 'qwen3-coder-plus', 'replaced'],
		['second', 'qwen3-coder-plus', 'current'],
	]);
}, 60_000);

test('/copy writes OSC 52 with the base64 of the answer or of code block [n]; inside tmux, wrapped for passthrough', async () => {
	const answer = 'Two ways:\n\n```js\nconst a = 1;\n```\n\nor\n\n```py\nprint("b")\n```\n';
	const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
	fake.enqueue({kind: 'stream', chunks: answer.match(/[\s\S]{1,8}/g) ?? []});
	const pane = openPane();
	await ask(pane, 'code please', 'print("b")');
	await pane.waitFor(/\[1\][\s\S]*\[2\]/);
	pane.write('/copy code 2');
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Copied code block [2]');
	expect(pane.output()).toContain(`\u001B]52;c;${base64('print("b")')}\u0007`);
	pane.write('/copy');
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Copied the last answer');
	expect(pane.output()).toContain(`\u001B]52;c;${base64(answer)}\u0007`);
	expect(flat(pane)).toContain("sent to the terminal's clipboard (OSC 52); your terminal may not confirm it");
	expect(await leave(pane)).toBe(0);

	const inTmux = openPane(['-c'], {TMUX: '/tmp/tmux-1000/default,4242,0'});
	await inTmux.waitFor('Resumed');
	inTmux.write('/copy code 1');
	await inTmux.press(PTY_KEYS.enter);
	await inTmux.waitFor('Copied code block [1]');
	expect(inTmux.output()).toContain(`\u001BPtmux;\u001B\u001B]52;c;${base64('const a = 1;')}\u0007\u001B\\`);
	expect(await leave(inTmux)).toBe(0);
}, 60_000);

test('↑ recalls prompts from earlier sessions, and Ctrl+R searches them', async () => {
	await oneShot('alpha: how do tides work?');
	await oneShot('beta: explain rainbows');
	const pane = openPane();
	await pane.waitFor('Ask anything');
	await pane.press(PTY_KEYS.up);
	await pane.waitFor(/^› beta: explain rainbows ?$/m);
	await pane.press(PTY_KEYS.up);
	await pane.waitFor(/^› alpha: how do tides work\? ?$/m);
	await pane.press('\u0015');
	await pane.waitFor('Ask anything');
	await pane.press('\u0012');
	pane.write('tide');
	await pane.waitFor("(reverse-i-search)`tide': alpha: how do tides work?");
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Echo: alpha: how do tides work?');
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('two panes on one store save at once; neither spoils the other', async () => {
	const chunks = Array.from({length: 300}, (_, index) => `c${index} `);
	fake.enqueue({kind: 'stream', chunks, delayMs: 4}, {kind: 'stream', chunks, delayMs: 4});
	const left = openPane();
	const right = openPane();
	await left.waitFor('Ask anything');
	await right.waitFor('Ask anything');
	left.write('from the left\r');
	right.write('from the right\r');
	await left.waitFor(/tokens in \d+/, 30_000);
	await right.waitFor(/tokens in \d+/, 30_000);
	await ask(left, 'left again');
	await ask(right, 'right again');
	expect(await leave(left)).toBe(0);
	expect(await leave(right)).toBe(0);

	const turns = savedTurns();
	const prompts = new Map<string, string[]>();
	for (const turn of turns) prompts.set(turn.sessionId, [...(prompts.get(turn.sessionId) ?? []), turn.prompt]);
	expect([...prompts.values()].sort()).toEqual([
		['from the left', 'left again'],
		['from the right', 'right again'],
	]);
	expect(turns.filter(turn => turn.prompt.startsWith('from')).map(turn => turn.answer)).toEqual([chunks.join(''), chunks.join('')]);
	const db = openDatabase(storeFile(), {readOnly: true});
	expect(db.prepare('PRAGMA integrity_check').get()).toEqual({integrity_check: 'ok'});
	db.close();
}, 90_000);

test('a damaged store: the pane says so in one notice, chats unsaved, and leaves the file as it was', async () => {
	fs.mkdirSync(appDir(), {recursive: true, mode: 0o700});
	fs.writeFileSync(storeFile(), Buffer.alloc(16_384, 0x5a), {mode: 0o600});
	const before = fs.readFileSync(storeFile());
	const pane = openPane();
	await pane.waitFor('is damaged');
	expect(flat(pane)).toContain(`Not saved: ${storeFile()} is damaged. The chat works as usual.`);
	await ask(pane, 'still answering?');
	pane.write('/resume');
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('There are no saved conversations to resume');
	expect(await leave(pane)).toBe(0);
	expect(fs.readFileSync(storeFile())).toEqual(before);
	expect(fs.readdirSync(appDir())).toEqual(['sessions.sqlite']);
}, 60_000);

test('--no-save: the pane writes nothing at all', async () => {
	const pane = openPane(['--no-save']);
	await pane.waitFor('Not saved: saving is off');
	await ask(pane, 'off the record');
	expect(await leave(pane)).toBe(0);
	expect(fs.existsSync(appDir())).toBe(false);
}, 60_000);

test('the key is never in the store, not even when pasted into a prompt', async () => {
	const pane = openPane();
	await pane.waitFor('Ask anything');
	await pane.paste(`is this key valid: ${TEST_KEYS.intl}`);
	await pane.press(PTY_KEYS.enter);
	await pane.waitFor('Echo: is this key valid');
	await ask(pane, 'thanks');
	expect(await leave(pane)).toBe(0);
	await oneShot('--verbose', 'a one-shot question');
	const stored = Buffer.concat(fs.readdirSync(appDir()).map(name => fs.readFileSync(path.join(appDir(), name))));
	expect(stored.length).toBeGreaterThan(0);
	for (const piece of [TEST_KEYS.intl, TEST_KEYS.intl.slice(3), TEST_KEYS.intl.slice(0, 16)]) expect(stored.includes(piece)).toBe(false);
	expect(savedTurns().map(turn => turn.prompt)).toEqual(['is this key valid: sk-…', 'thanks', 'a one-shot question']);
}, 60_000);

test('sessions rm asks on a terminal: n keeps the session, y deletes it', async () => {
	await oneShot('keep or not');
	const remove = () => {
		const pane = spawnPty({command: process.execPath, args: [CLI_PATH, 'sessions', 'rm', 'keep or not'], cols: 100, rows: 10, cwd: home, env: env()});
		panes.push(pane);
		return pane;
	};

	const declined = remove();
	await declined.waitFor(/Delete "keep or not" \([\da-f]{8}, 1 turn\)\? \[y\/N\]/);
	declined.write('n\r');
	expect(await declined.exited()).toBe(1);
	expect(declined.screen()).toContain('Nothing was deleted.');
	expect(savedTurns()).toHaveLength(1);

	const confirmed = remove();
	await confirmed.waitFor('[y/N]');
	confirmed.write('y\r');
	expect(await confirmed.exited()).toBe(0);
	expect(confirmed.screen()).toContain('Deleted "keep or not"');
	expect(savedTurns()).toHaveLength(0);
}, 60_000);

test('Ctrl+C at the sessions rm question deletes nothing and exits 130, with no bug report', async () => {
	await oneShot('keep me');
	const pane = spawnPty({command: process.execPath, args: [CLI_PATH, 'sessions', 'rm', 'keep me'], cols: 100, rows: 10, cwd: home, env: env()});
	panes.push(pane);
	await pane.waitFor('[y/N]');
	pane.write(PTY_KEYS.ctrlC);
	expect(await pane.exited()).toBe(130);
	expect(pane.screen()).toMatch(/\[y\/N\] *\nNothing was deleted\./);
	expect(pane.screen()).not.toMatch(/Unexpected error|bug in openclaw/);
	const listed = await runCli(['sessions', 'list', '--json'], {env: env(), cwd: home});
	expect((JSON.parse(listed.stdout) as {sessions: Array<{title: string}>}).sessions.map(session => session.title)).toEqual(['keep me']);
}, 60_000);
