/**
 * The session store: conversations saved as they happen in
 * `<appDir>/sessions.sqlite`, through Node's built-in SQLite. WAL lets
 * readers (another pane, `sessions list`) go on while one process writes,
 * and the busy timeout makes two writers queue instead of failing.
 *
 * Every method throws an AppError naming the file (store-errors.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {PRIVATE_DIR_MODE, PRIVATE_FILE_MODE} from '../files/modes.js';
import {ensurePrivateDir, tightenOwnMode} from '../files/safe-file.js';
import {openDatabase, type DatabaseSync} from '../openclaw/sqlite.js';
import type {Env} from '../env.js';
import {resolvePaths, SESSIONS_FILE_NAME, type OpenClawPaths} from '../paths.js';
import * as reads from './session-reads.js';
import {matchingSessions, searchTurns} from './session-search.js';
import type {SearchHit, SessionSummary, StoredCompaction, StoredTurn, UsageRecord} from './session-types.js';
import * as writes from './session-writes.js';
import {prepareSchema, type SchemaState} from './store-schema.js';
import {readOnlyNewerStore, sqliteUnavailable, storeError} from './store-errors.js';

export function sessionStorePath(paths: Pick<OpenClawPaths, 'appDir'>): string {
	return path.join(paths.appDir, SESSIONS_FILE_NAME);
}

/** Where the sessions of this environment's state dir are kept. */
export function sessionStoreFile(env: Env): string {
	return sessionStorePath(resolvePaths(env));
}

/**
 * 'write': creates the folder (0700) and file (0600) when missing, and marks
 * turns cut off by a dead process as interrupted. 'read': an existing store
 * only. 'unchanged' (--no-save): an existing store, read without writing a
 * byte or creating a file.
 */
export type StoreMode = 'write' | 'read' | 'unchanged';

export type SessionStore = {
	readonly file: string;
	/** Written by a newer openclaw: its sessions are read, nothing is added. */
	readonly readOnly: boolean;
	/** 'fts5' or, where SQLite lacks it, 'scan'. */
	readonly search: 'fts5' | 'scan';
	listSessions(limit?: number): SessionSummary[];
	latestSession(): SessionSummary | undefined;
	sessionById(id: string): SessionSummary | undefined;
	sessionsByIdPrefix(prefix: string): SessionSummary[];
	sessionsByTitle(text: string): SessionSummary[];
	matchingSessions(query: string, limit?: number): SessionSummary[];
	conversation(sessionId: string): StoredTurn[];
	allTurns(sessionId: string): StoredTurn[];
	/** A session's compactions, oldest first; the last one's summary stands in for its turns. */
	compactions(sessionId: string): StoredCompaction[];
	/** Requests with usage figures since `since` (ms since the epoch), turns and compactions alike. */
	usageRecords(since?: number): UsageRecord[];
	/** Answers saved without usage figures since `since`. */
	answersWithoutUsage(since?: number): number;
	searchTurns(query: string, limit?: number): SearchHit[];
	recentPrompts(limit: number): string[];
	createSession(input: {title: string; model: string; now: number; titled?: boolean}): string;
	addTurn(turn: writes.NewTurn): {id: number; position: number};
	saveProgress(turnId: number, answer: string, reasoning: string, now: number): void;
	finishTurn(turnId: number, turn: writes.FinishedTurn): void;
	addCompaction(compaction: writes.NewCompaction): number;
	renameSession(sessionId: string, title: string, now: number): boolean;
	deleteSession(sessionId: string): boolean;
	close(): void;
};

export type OpenOptions = {
	readonly mode: StoreMode;
	/** How long a write waits for another process's; the pane waits less than a command. */
	readonly busyTimeoutMs?: number;
	readonly now?: () => number;
};

/** The store at `file`; undefined when there is none and `mode` does not create one. */
export function openSessionStore(file: string, options: OpenOptions): SessionStore | undefined {
	const {mode, now = Date.now} = options;
	if (mode === 'write') prepareFile(file);
	else if (!fs.existsSync(file)) return undefined;

	let db: DatabaseSync;
	try {
		db = openDatabase(mode === 'unchanged' ? unchangedUri(file) : file, {readOnly: mode === 'unchanged'});
	} catch (error) {
		if (error instanceof TypeError) throw sqliteUnavailable(error);
		throw storeError(file, error);
	}

	try {
		if (options.busyTimeoutMs !== undefined) db.exec(`PRAGMA busy_timeout = ${Math.round(options.busyTimeoutMs)}`);
		if (mode !== 'unchanged') {
			// WAL: readers never wait for the writer. NORMAL: a commit reaches the disk at checkpoints, so a kill -9
			// loses nothing (the WAL is in the OS's cache); only a power cut may lose the last commits.
			db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON');
		}

		const schema = prepareSchema(db, file, {create: mode === 'write'});
		const store = createStore(db, file, schema);
		if (mode !== 'unchanged' && !schema.readOnly && !schema.empty) writes.sweepInterrupted(db, now());
		return store;
	} catch (error) {
		db.close();
		throw storeError(file, error);
	}
}

/** The folder is private and the file is created 0600 before SQLite opens it (its -wal and -shm take the file's mode). */
function prepareFile(file: string): void {
	const dir = path.dirname(file);
	// Our own folder stays private even when something loosened it; a folder a symlink leads to is not ours.
	if (!ensurePrivateDir(dir)) tightenOwnMode(dir, PRIVATE_DIR_MODE);
	try {
		fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, PRIVATE_FILE_MODE));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw storeError(file, error);
	}

	tightenOwnMode(file, PRIVATE_FILE_MODE);
}

/**
 * Read-only and immutable: SQLite creates no -wal or -shm beside it. Answers
 * still in a -wal (a pane that is open, or was killed) are then read too:
 * a plain read-only open sees them.
 */
function unchangedUri(file: string): string {
	if (fs.existsSync(`${file}-wal`)) return file;
	return `${pathToFileURL(file).href}?immutable=1`;
}

function createStore(db: DatabaseSync, file: string, schema: SchemaState): SessionStore {
	const read = <T>(work: () => T, whenEmpty: T): T => {
		if (schema.empty) return whenEmpty;
		try {
			return work();
		} catch (error) {
			throw storeError(file, error);
		}
	};

	const write = <T>(work: () => T): T => {
		if (schema.readOnly) throw readOnlyNewerStore(file);
		try {
			return work();
		} catch (error) {
			throw storeError(file, error);
		}
	};

	return {
		file,
		readOnly: schema.readOnly,
		search: schema.fullText ? 'fts5' : 'scan',
		listSessions: limit => read(() => reads.listSessions(db, limit), []),
		latestSession: () => read(() => reads.latestSession(db), undefined),
		sessionById: id => read(() => reads.sessionById(db, id), undefined),
		sessionsByIdPrefix: prefix => read(() => reads.sessionsByIdPrefix(db, prefix), []),
		sessionsByTitle: text => read(() => reads.sessionsByTitle(db, text), []),
		matchingSessions: (query, limit) => read(() => matchingSessions(db, schema.fullText, query, limit), []),
		conversation: sessionId => read(() => reads.conversationTurns(db, sessionId, schema.usage), []),
		allTurns: sessionId => read(() => reads.allTurns(db, sessionId, schema.usage), []),
		compactions: sessionId => read(() => (schema.usage ? reads.compactions(db, sessionId) : []), []),
		usageRecords: (since = 0) => read(() => (schema.usage ? reads.usageRecords(db, since) : []), []),
		answersWithoutUsage: (since = 0) => read(() => reads.answersWithoutUsage(db, since, schema.usage), 0),
		searchTurns: (query, limit) => read(() => searchTurns(db, schema.fullText, query, limit), []),
		recentPrompts: limit => read(() => reads.recentPrompts(db, limit), []),
		createSession: input => write(() => writes.createSession(db, input)),
		addTurn: turn => write(() => writes.addTurn(db, turn)),
		saveProgress: (turnId, answer, reasoning, now) => write(() => writes.saveProgress(db, turnId, answer, reasoning, now)),
		finishTurn: (turnId, turn) => write(() => writes.finishTurn(db, turnId, turn)),
		addCompaction: compaction => write(() => writes.addCompaction(db, compaction)),
		renameSession: (sessionId, title, now) => write(() => writes.renameSession(db, sessionId, title, now)),
		deleteSession: sessionId => write(() => writes.deleteSession(db, sessionId)),
		close() {
			if (db.isOpen !== false) db.close();
		},
	};
}
