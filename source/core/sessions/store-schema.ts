/**
 * The session store's tables and how a file becomes one. The version lives
 * in PRAGMA user_version; `oldest_reader` in the meta table says which older
 * openclaw can still read a store a newer one wrote (new columns and tables
 * keep it readable; a changed meaning does not).
 *
 * Version 2 adds each request's usage to its turn (every usage field, the
 * region, thinking, finish_reason) and the compactions table. Both only add,
 * so a version 1 openclaw still reads the store (oldest_reader stays 1); a
 * version 1 store is brought up to 2 by the first openclaw that writes it,
 * its earlier turns simply without usage.
 */
import type {DatabaseSync} from '../openclaw/sqlite.js';
import {rollback} from './session-writes.js';
import {newerStoreError, notASessionStore} from './store-errors.js';

export const SCHEMA_VERSION = 2;
/** The oldest openclaw that can read what this one writes. */
const OLDEST_READER = 1;
/** 'OCQS' in PRAGMA application_id: this file is ours. */
const APPLICATION_ID = 0x4f_43_51_53;

const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	-- 1 once the user named it (/rename); until then the title follows the first prompt.
	titled INTEGER NOT NULL DEFAULT 0,
	model TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_update ON sessions (updated_at DESC);
CREATE TABLE turns (
	id INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	prompt TEXT NOT NULL,
	images TEXT NOT NULL DEFAULT '[]',
	model TEXT NOT NULL,
	answer TEXT NOT NULL DEFAULT '',
	reasoning TEXT NOT NULL DEFAULT '',
	outcome TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'current',
	error TEXT,
	-- The process streaming the answer: once it is gone, a 'streaming' turn was interrupted.
	writer_pid INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX turns_by_session ON turns (session_id, status, position);
`;

/** A request's usage, as columns of turns and of compactions; NULL where the service sent none. */
const USAGE_COLUMNS = [
	'region TEXT',
	'thinking INTEGER',
	'finish_reason TEXT',
	'prompt_tokens INTEGER',
	'completion_tokens INTEGER',
	'total_tokens INTEGER',
	'cached_tokens INTEGER',
	'cache_creation_tokens INTEGER',
	'cache_type TEXT',
	'reasoning_tokens INTEGER',
];

// A summary stands in for the first `turns` positions of its session's conversation in what is sent; the latest counts.
const COMPACTIONS = `
CREATE TABLE compactions (
	id INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	turns INTEGER NOT NULL,
	summary TEXT NOT NULL,
	model TEXT NOT NULL,
	tokens_before INTEGER NOT NULL,
	tokens_after INTEGER NOT NULL,
	${USAGE_COLUMNS.join(',\n\t')},
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX compactions_by_session ON compactions (session_id, id);
`;

/** Version 1 to 2: usage on turns, and compactions. */
const TO_VERSION_2 = `${USAGE_COLUMNS.map(column => `ALTER TABLE turns ADD COLUMN ${column};`).join('\n')}\n${COMPACTIONS}`;

// Trigrams match any substring of three characters or more, in any script (Chinese has no spaces to split
// words at). A streaming answer is indexed once it ends, not on each save: its partial text would
// otherwise be re-indexed every second.
const FULL_TEXT = `
CREATE VIRTUAL TABLE turns_fts USING fts5 (prompt, answer, content = 'turns', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER turns_fts_insert AFTER INSERT ON turns WHEN new.outcome != 'streaming' BEGIN
	INSERT INTO turns_fts (rowid, prompt, answer) VALUES (new.id, new.prompt, new.answer);
END;
CREATE TRIGGER turns_fts_delete AFTER DELETE ON turns WHEN old.outcome != 'streaming' BEGIN
	INSERT INTO turns_fts (turns_fts, rowid, prompt, answer) VALUES ('delete', old.id, old.prompt, old.answer);
END;
CREATE TRIGGER turns_fts_unindex AFTER UPDATE OF prompt, answer, outcome ON turns WHEN old.outcome != 'streaming' BEGIN
	INSERT INTO turns_fts (turns_fts, rowid, prompt, answer) VALUES ('delete', old.id, old.prompt, old.answer);
END;
CREATE TRIGGER turns_fts_index AFTER UPDATE OF prompt, answer, outcome ON turns WHEN new.outcome != 'streaming' BEGIN
	INSERT INTO turns_fts (rowid, prompt, answer) VALUES (new.id, new.prompt, new.answer);
END;
`;

export type SchemaState = {
	/** Written by a newer openclaw that keeps it readable: read, never written. */
	readonly readOnly: boolean;
	/** Full-text search (FTS5) is there; otherwise search scans with LIKE. */
	readonly fullText: boolean;
	/** An empty file (a store whose creation never finished): no sessions, nothing to read. */
	readonly empty: boolean;
	/** Turns carry usage and there is a compactions table (version 2 and later). */
	readonly usage: boolean;
};

/** Creates the tables in an empty file, or checks that the file holds a store this version can use. */
export function prepareSchema(db: DatabaseSync, file: string, options: {create: boolean}): SchemaState {
	let version = userVersion(db);
	if (version === 0 && options.create) {
		db.exec('BEGIN IMMEDIATE');
		try {
			// Another process may have created it while this one waited for the lock.
			version = userVersion(db);
			if (version === 0) {
				if (hasTables(db) || applicationId(db) !== 0) throw notASessionStore(file);
				createTables(db);
				version = SCHEMA_VERSION;
			}

			db.exec('COMMIT');
		} catch (error) {
			rollback(db);
			throw error;
		}
	}

	if (applicationId(db) !== APPLICATION_ID && (version !== 0 || hasTables(db))) throw notASessionStore(file);
	if (version > SCHEMA_VERSION && oldestReader(db) > SCHEMA_VERSION) throw newerStoreError(file, version, SCHEMA_VERSION);
	if (version > 0 && version < SCHEMA_VERSION && options.create) version = upgrade(db);
	return {readOnly: version > SCHEMA_VERSION, fullText: hasTable(db, 'turns_fts'), empty: version === 0, usage: hasTable(db, 'compactions')};
}

function createTables(db: DatabaseSync): void {
	db.exec(TABLES);
	db.exec(TO_VERSION_2);
	if (fullTextAvailable(db)) db.exec(FULL_TEXT);
	db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('oldest_reader', String(OLDEST_READER));
	db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
	db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}

/** Brings an older store up to this version in one transaction; another process may have done it meanwhile. */
function upgrade(db: DatabaseSync): number {
	db.exec('BEGIN IMMEDIATE');
	try {
		const version = userVersion(db);
		if (version === 1) {
			db.exec(TO_VERSION_2);
			db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
		}

		db.exec('COMMIT');
		return userVersion(db);
	} catch (error) {
		rollback(db);
		throw error;
	}
}

/** Whether this SQLite has FTS5 with the trigram tokenizer (both are compiled in Node's; checked, not assumed). */
function fullTextAvailable(db: DatabaseSync): boolean {
	try {
		db.exec("CREATE VIRTUAL TABLE temp.fts_probe USING fts5 (text, tokenize = 'trigram'); DROP TABLE temp.fts_probe;");
		return true;
	} catch {
		return false;
	}
}

function userVersion(db: DatabaseSync): number {
	return Number(db.prepare('PRAGMA user_version').get()?.['user_version'] ?? 0);
}

function applicationId(db: DatabaseSync): number {
	return Number(db.prepare('PRAGMA application_id').get()?.['application_id'] ?? 0);
}

function hasTables(db: DatabaseSync): boolean {
	return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
}

function hasTable(db: DatabaseSync, name: string): boolean {
	return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function oldestReader(db: DatabaseSync): number {
	try {
		const row = db.prepare("SELECT value FROM meta WHERE key = 'oldest_reader'").get();
		return row ? Number(row['value']) : Number.POSITIVE_INFINITY;
	} catch {
		return Number.POSITIVE_INFINITY;
	}
}
