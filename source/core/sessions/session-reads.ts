/**
 * Reading the store: sessions newest first, one conversation's turns, the
 * prompts typed lately. A damaged file may still hold readable sessions: the
 * list then reads them one by one and leaves out the ones it cannot.
 */
import type {DatabaseSync} from '../openclaw/sqlite.js';
import type {SessionSummary, StoredTurn} from './session-types.js';
import {sqliteCode} from './store-errors.js';
import {SESSION_COLUMNS, sessionFromRow, TURN_COLUMNS, turnFromRow} from './turn-rows.js';

export function listSessions(db: DatabaseSync, limit = -1): SessionSummary[] {
	try {
		return db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s ORDER BY s.updated_at DESC LIMIT ?`).all(limit).map(sessionFromRow);
	} catch (error) {
		if (!isDamage(error)) throw error;
		return listAroundDamage(db, limit);
	}
}

/** Sessions read one row at a time, skipping rows on damaged pages. */
function listAroundDamage(db: DatabaseSync, limit: number): SessionSummary[] {
	const last = Number(db.prepare('SELECT max(rowid) AS last FROM sessions').get()?.['last'] ?? 0);
	const one = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.rowid = ?`);
	const found: SessionSummary[] = [];
	for (let rowid = 1; rowid <= last; rowid++) {
		try {
			const row = one.get(rowid);
			if (row) found.push(sessionFromRow(row));
		} catch (error) {
			if (!isDamage(error)) throw error;
		}
	}

	found.sort((a, b) => b.updatedAt - a.updatedAt);
	return limit < 0 ? found : found.slice(0, limit);
}

export function latestSession(db: DatabaseSync): SessionSummary | undefined {
	return listSessions(db, 1)[0];
}

export function sessionById(db: DatabaseSync, id: string): SessionSummary | undefined {
	const row = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.id = ?`).get(id);
	return row ? sessionFromRow(row) : undefined;
}

export function sessionsByIdPrefix(db: DatabaseSync, prefix: string): SessionSummary[] {
	const rows = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE substr(s.id, 1, ?) = ? ORDER BY s.updated_at DESC`).all(prefix.length, prefix.toLowerCase());
	return rows.map(sessionFromRow);
}

/** Sessions whose title holds `text`, ignoring case. */
export function sessionsByTitle(db: DatabaseSync, text: string): SessionSummary[] {
	const rows = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE instr(lower(s.title), lower(?)) > 0 ORDER BY s.updated_at DESC`).all(text);
	return rows.map(sessionFromRow);
}

/** The conversation as it stands: one turn per position, the latest answer to each prompt. */
export function conversationTurns(db: DatabaseSync, sessionId: string): StoredTurn[] {
	const rows = db.prepare(`SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? AND status = 'current' ORDER BY position, id`).all(sessionId);
	return rows.map(turnFromRow);
}

/** Every turn, alternatives and replaced prompts included, in the order they were asked. */
export function allTurns(db: DatabaseSync, sessionId: string): StoredTurn[] {
	return db.prepare(`SELECT ${TURN_COLUMNS} FROM turns WHERE session_id = ? ORDER BY position, id`).all(sessionId).map(turnFromRow);
}

/** The prompts typed lately, across sessions, oldest first (what ↑ walks back through). */
export function recentPrompts(db: DatabaseSync, limit: number): string[] {
	const rows = db.prepare('SELECT prompt FROM turns WHERE prompt != \'\' ORDER BY id DESC LIMIT ?').all(limit);
	const prompts: string[] = [];
	for (let index = rows.length - 1; index >= 0; index--) {
		const prompt = String(rows[index]!['prompt']);
		if (prompts.at(-1) !== prompt) prompts.push(prompt);
	}

	return prompts;
}

export function isDamage(error: unknown): boolean {
	const code = sqliteCode(error);
	return code === 11 || code === 26;
}
