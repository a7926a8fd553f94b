import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openSessionStore, type SessionStore} from '../../../source/core/sessions/session-store.js';
import {openDatabase} from '../../../source/core/openclaw/sqlite.js';
import {storeError} from '../../../source/core/sessions/store-errors.js';
import {SCHEMA_VERSION} from '../../../source/core/sessions/store-schema.js';
import {writeVersion1Store} from '../../support/session-store-v1.js';

let dir: string;
let file: string;
const opened: SessionStore[] = [];
const open = (mode: 'write' | 'read' | 'unchanged' = 'write') => {
	const store = openSessionStore(file, {mode});
	if (store) opened.push(store);
	return store;
};

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-sessions-'));
	file = path.join(dir, 'app', 'sessions.sqlite');
});
afterEach(() => {
	for (const store of opened.splice(0)) store.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

function saveExchange(store: SessionStore, sessionId: string, prompt: string, answer: string, now = 1000) {
	const turn = store.addTurn({sessionId, prompt, images: [], model: 'qwen-plus', now});
	store.finishTurn(turn.id, {answer, reasoning: '', outcome: 'done', now: now + 1});
	return turn;
}

describe('the session store', () => {
	it('is created 0600 in a 0700 folder, in WAL mode, with full-text search', () => {
		const store = open()!;
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
		expect(store.search).toBe('fts5');
		const db = openDatabase(file, {readOnly: true});
		expect(db.prepare('PRAGMA journal_mode').get()).toEqual({journal_mode: 'wal'});
		db.close();
	});

	it('makes an existing folder of ours private again when saving, but leaves a folder a link leads to', () => {
		fs.mkdirSync(path.dirname(file), {mode: 0o755});
		fs.chmodSync(path.dirname(file), 0o755);
		open();
		expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);

		const elsewhere = path.join(dir, 'elsewhere');
		fs.mkdirSync(elsewhere, {mode: 0o755});
		fs.chmodSync(elsewhere, 0o755);
		file = path.join(dir, 'linked', 'sessions.sqlite');
		fs.symlinkSync(elsewhere, path.dirname(file));
		open();
		expect(fs.statSync(elsewhere).mode & 0o777).toBe(0o755);
	});

	it('keeps the conversation in order; a retry keeps the earlier answer as an alternative', () => {
		const store = open()!;
		const id = store.createSession({title: 'first', model: 'qwen-plus', now: 1});
		saveExchange(store, id, 'one', 'answer one');
		const second = saveExchange(store, id, 'two', 'answer two');
		const retry = store.addTurn({sessionId: id, prompt: 'two', images: [], model: 'qwen-max', now: 2000, replacing: {turnId: second.id, status: 'retried'}});
		store.finishTurn(retry.id, {answer: 'better two', reasoning: '', outcome: 'done', now: 2001});
		expect(retry.position).toBe(1);
		expect(store.conversation(id).map(turn => turn.answer)).toEqual(['answer one', 'better two']);
		expect(store.allTurns(id).map(turn => [turn.answer, turn.status])).toEqual([
			['answer one', 'current'],
			['answer two', 'retried'],
			['better two', 'current'],
		]);
		expect(store.sessionById(id)).toMatchObject({turns: 2, model: 'qwen-max'});
	});

	it('finds turns by any part of a word, in any script, and short words by scanning', () => {
		const store = open()!;
		const id = store.createSession({title: 'sorting', model: 'qwen-plus', now: 1});
		saveExchange(store, id, 'write quicksort in Python', 'def quicksort(items): ...');
		saveExchange(store, id, '用中文解释快速排序', '快速排序是一种分治算法');
		saveExchange(store, id, 'go on', 'ok');
		expect(store.searchTurns('icksor').map(hit => hit.turn.prompt)).toEqual(['write quicksort in Python']);
		expect(store.searchTurns('分治算').map(hit => hit.turn.prompt)).toEqual(['用中文解释快速排序']);
		expect(store.searchTurns('QUICKSORT python').map(hit => hit.turn.prompt)).toEqual(['write quicksort in Python']);
		expect(store.searchTurns('ok').map(hit => hit.turn.prompt)).toEqual(['go on']);
		expect(store.matchingSessions('排序').map(session => session.id)).toEqual([id]);
	});

	it('a turn whose writer died is read as interrupted, and marked so by the next writer', () => {
		const store = open()!;
		const id = store.createSession({title: 't', model: 'qwen-plus', now: 1});
		const turn = store.addTurn({sessionId: id, prompt: 'long one', images: [], model: 'qwen-plus', now: 5});
		store.saveProgress(turn.id, 'partial', '', 6);
		expect(store.conversation(id)[0]!.outcome).toBe('streaming');
		store.close();
		// A process id that cannot be running.
		const db = openDatabase(file, {readOnly: false});
		db.prepare('UPDATE turns SET writer_pid = 2147483646').run();
		db.close();
		const reader = open('unchanged')!;
		expect(reader.conversation(id)[0]).toMatchObject({outcome: 'interrupted', answer: 'partial'});
		const writer = open()!;
		expect(writer.searchTurns('partial')).toHaveLength(1);
	});

	it('reads the prompts typed lately across sessions, oldest first', () => {
		const store = open()!;
		const a = store.createSession({title: 'a', model: 'm', now: 1});
		const b = store.createSession({title: 'b', model: 'm', now: 2});
		saveExchange(store, a, 'first', 'x');
		saveExchange(store, b, 'second', 'x');
		saveExchange(store, b, 'second', 'x');
		expect(store.recentPrompts(10)).toEqual(['first', 'second']);
	});

	it('refuses a file that is not a database by name, and leaves it as it was', () => {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, 'not a database '.repeat(500));
		const before = fs.readFileSync(file);
		expect(() => open()).toThrow(/sessions\.sqlite is damaged/);
		expect(fs.readFileSync(file)).toEqual(before);
	});

	it('a damaged page costs only the sessions on it: the others are still listed', () => {
		const store = open()!;
		for (let index = 0; index < 300; index++) store.createSession({title: `session ${index} ${'x'.repeat(200)}`, model: 'm', now: index});
		store.close();
		opened.length = 0;
		// The sessions table's root is an interior page; overwrite the first leaf it points to.
		const db = openDatabase(file, {readOnly: true});
		const root = Number(db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").get()!['rootpage']);
		const pageSize = Number(db.prepare('PRAGMA page_size').get()!['page_size']);
		db.close();
		const bytes = fs.readFileSync(file);
		const rootPage = bytes.subarray((root - 1) * pageSize, root * pageSize);
		expect(rootPage[0]).toBe(0x05);
		const firstCell = rootPage.readUInt16BE(12);
		const leaf = rootPage.readUInt32BE(firstCell);
		bytes.fill(0xff, (leaf - 1) * pageSize, leaf * pageSize);
		fs.writeFileSync(file, bytes);

		const damaged = open('read')!;
		const listed = damaged.listSessions();
		expect(listed.length).toBeGreaterThan(200);
		expect(listed.length).toBeLessThan(300);
		expect(listed[0]!.title).toMatch(/^session 299 /);
	});

	it('reads a store a newer openclaw wrote if it says this one can, and never writes it', () => {
		open()!.close();
		const db = openDatabase(file, {readOnly: false});
		db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
		db.close();
		const store = open()!;
		expect(store.readOnly).toBe(true);
		expect(store.listSessions()).toEqual([]);
		expect(() => store.createSession({title: 'x', model: 'm', now: 1})).toThrow(/from a newer openclaw/);
		store.close();
		const newer = openDatabase(file, {readOnly: false});
		newer.exec(`UPDATE meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'oldest_reader'`);
		newer.close();
		expect(() => open()).toThrow(/written by a newer openclaw/);
	});

	it('a full disk and a held lock are named as such, with the file', () => {
		open()!.close();
		const limited = openDatabase(file, {readOnly: false});
		limited.exec(`PRAGMA max_page_count = ${Number(limited.prepare('PRAGMA page_count').get()!['page_count'])}`);
		let full: unknown;
		try {
			limited.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('padding', 'x'.repeat(200_000));
		} catch (error) {
			full = error;
		}

		limited.close();
		expect(storeError(file, full)).toMatchObject({kind: 'disk_full', message: expect.stringContaining(file)});

		const holder = openDatabase(file, {readOnly: false});
		holder.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO meta (key, value) VALUES (\'held\', \'1\')');
		try {
			expect(() => openSessionStore(file, {mode: 'write', busyTimeoutMs: 50})).toThrow(/sessions\.sqlite is locked/);
		} finally {
			holder.exec('ROLLBACK');
			holder.close();
		}
	});
});

describe('usage in the store', () => {
	const usage = {promptTokens: 40_000, completionTokens: 500, totalTokens: 40_500, cachedTokens: 20_000, reasoningTokens: 120};

	it('keeps every usage field of a turn, its region, thinking and finish_reason; a turn without them has none', () => {
		const store = open()!;
		const id = store.createSession({title: 't', model: 'qwen-plus', now: 1});
		const measured = store.addTurn({sessionId: id, prompt: 'one', images: [], model: 'qwen-plus', now: 2});
		store.finishTurn(measured.id, {answer: 'a', reasoning: 'r', outcome: 'done', metered: {region: 'cn', thinking: true, finishReason: 'length', usage}, now: 3});
		saveExchange(store, id, 'two', 'b', 4);
		expect(store.conversation(id).map(turn => turn.metered)).toEqual([
			{model: 'qwen-plus', region: 'cn', thinking: true, finishReason: 'length', usage},
			undefined,
		]);
		expect(store.answersWithoutUsage()).toBe(1);
	});

	it('keeps compactions apart from the turns; their requests count as usage, and go with the session', () => {
		const store = open()!;
		const id = store.createSession({title: 't', model: 'qwen-plus', now: 1});
		const turn = store.addTurn({sessionId: id, prompt: 'one', images: [], model: 'qwen-plus', now: 2});
		store.finishTurn(turn.id, {answer: 'a', reasoning: '', outcome: 'done', metered: {region: 'intl', thinking: false, usage}, now: 3});
		const metered = {model: 'qwen-max', region: 'intl' as const, thinking: false, finishReason: 'stop', usage: {promptTokens: 40_500, completionTokens: 800, totalTokens: 41_300}};
		store.addCompaction({sessionId: id, turns: 1, summary: 'S', tokensBefore: 40_500, tokensAfter: 820, metered, now: 10});
		expect(store.compactions(id)).toEqual([{id: expect.any(Number), sessionId: id, turns: 1, summary: 'S', tokensBefore: 40_500, tokensAfter: 820, metered, createdAt: 10}]);
		expect(store.usageRecords().map(record => [record.at, record.request.model])).toEqual([
			[2, 'qwen-plus'],
			[10, 'qwen-max'],
		]);
		expect(store.usageRecords(5).map(record => record.at)).toEqual([10]);
		store.deleteSession(id);
		expect(store.usageRecords()).toEqual([]);
	});

	it('brings a store from before usage was saved up to this version once written to, its turns kept without usage', () => {
		writeVersion1Store(file, {sessionId: 'a1b2c3d4e5f60718', title: 'old times', model: 'qwen-plus', turns: ['first', 'second'], at: 1000});
		const reader = open('unchanged')!;
		expect(reader.conversation('a1b2c3d4e5f60718').map(turn => [turn.prompt, turn.metered])).toEqual([
			['first', undefined],
			['second', undefined],
		]);
		expect(reader.compactions('a1b2c3d4e5f60718')).toEqual([]);
		expect(reader.usageRecords()).toEqual([]);
		expect(reader.answersWithoutUsage()).toBe(2);
		reader.close();
		const version = () => {
			const db = openDatabase(file, {readOnly: true});
			const found = db.prepare('PRAGMA user_version').get()!['user_version'];
			const oldest = db.prepare("SELECT value FROM meta WHERE key = 'oldest_reader'").get()!['value'];
			db.close();
			return [found, oldest];
		};

		expect(version()).toEqual([1, '1']);
		const writer = open()!;
		expect(version()).toEqual([SCHEMA_VERSION, '1']);
		const turn = writer.addTurn({sessionId: 'a1b2c3d4e5f60718', prompt: 'third', images: [], model: 'qwen-plus', now: 2000});
		writer.finishTurn(turn.id, {answer: 'c', reasoning: '', outcome: 'done', metered: {region: 'intl', thinking: false, usage}, now: 2001});
		expect(writer.conversation('a1b2c3d4e5f60718').map(saved => saved.metered?.usage?.promptTokens)).toEqual([undefined, undefined, 40_000]);
		expect(writer.searchTurns('second').map(hit => hit.turn.prompt)).toEqual(['second']);
	});
});
