/**
 * A session store as openclaw wrote it before usage was saved (schema
 * version 1, the tables of that release verbatim), with one conversation in
 * it: what an upgrade finds on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import {openDatabase} from '../../source/core/openclaw/sqlite.js';

const VERSION_1 = `
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
INSERT INTO meta (key, value) VALUES ('oldest_reader', '1');
PRAGMA application_id = 1329811795;
PRAGMA user_version = 1;
`;

/** Writes a version 1 store at `file` with one session of `turns` answered prompts, made at `at` (ms). */
export function writeVersion1Store(file: string, options: {sessionId: string; title: string; model: string; turns: readonly string[]; at: number}): void {
	fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const db = openDatabase(file, {readOnly: false});
	try {
		db.exec(VERSION_1);
		db.prepare('INSERT INTO sessions (id, title, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(options.sessionId, options.title, options.model, options.at, options.at);
		for (const [position, prompt] of options.turns.entries()) {
			db.prepare(
				"INSERT INTO turns (session_id, position, prompt, model, answer, outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)",
			).run(options.sessionId, position, prompt, options.model, `Echo: ${prompt}`, options.at, options.at);
		}
	} finally {
		db.close();
	}

	fs.chmodSync(file, 0o600);
}
