/**
 * Reading the store: sessions newest first, one conversation's turns, the
 * prompts typed lately. A damaged file may still hold readable sessions: the
 * list then reads them one by one and leaves out the ones it cannot.
 */
import type {SessionSummary, StoredCompaction, StoredTurn, UsageRecord} from './session-types.js';
import {SQLITE_CODES, sqliteCode, type DatabaseSync} from '../openclaw/sqlite.js';
import {meteredFromRow, SESSION_COLUMNS, sessionFromRow, turnColumns, turnFromRow, USAGE_COLUMN_NAMES} from './turn-rows.js';

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

/** The conversation as it stands: one turn per position, the latest answer to each prompt. `withUsage`: the store has it. */
export function conversationTurns(db: DatabaseSync, sessionId: string, withUsage: boolean): StoredTurn[] {
	const rows = db.prepare(`SELECT ${turnColumns(withUsage)} FROM turns WHERE session_id = ? AND status = 'current' ORDER BY position, id`).all(sessionId);
	return rows.map(turnFromRow);
}

/** Every turn, alternatives and replaced prompts included, in the order they were asked. */
export function allTurns(db: DatabaseSync, sessionId: string, withUsage: boolean): StoredTurn[] {
	return db.prepare(`SELECT ${turnColumns(withUsage)} FROM turns WHERE session_id = ? ORDER BY position, id`).all(sessionId).map(turnFromRow);
}

const COMPACTION_COLUMNS = `id, session_id, turns, summary, model, tokens_before, tokens_after, ${USAGE_COLUMN_NAMES}, created_at`;

/** A session's compactions, oldest first; the last one's summary is what is sent. */
export function compactions(db: DatabaseSync, sessionId: string): StoredCompaction[] {
	return db.prepare(`SELECT ${COMPACTION_COLUMNS} FROM compactions WHERE session_id = ? ORDER BY id`).all(sessionId).map(row => {
		const model = String(row['model']);
		return {
			id: Number(row['id']),
			sessionId: String(row['session_id']),
			turns: Number(row['turns']),
			summary: String(row['summary']),
			tokensBefore: Number(row['tokens_before']),
			tokensAfter: Number(row['tokens_after']),
			metered: meteredFromRow(row, model) ?? {model, thinking: false},
			createdAt: Number(row['created_at']),
		};
	});
}

/** Every request with usage figures made since `since` (ms), turns and compactions alike, oldest first. */
export function usageRecords(db: DatabaseSync, since: number): UsageRecord[] {
	const rows = db
		.prepare(
			`SELECT model, ${USAGE_COLUMN_NAMES}, created_at FROM turns WHERE prompt_tokens IS NOT NULL AND created_at >= ?
			UNION ALL
			SELECT model, ${USAGE_COLUMN_NAMES}, created_at FROM compactions WHERE prompt_tokens IS NOT NULL AND created_at >= ?
			ORDER BY created_at`,
		)
		.all(since, since);
	const records: UsageRecord[] = [];
	for (const row of rows) {
		const request = meteredFromRow(row, String(row['model']));
		if (request?.usage) records.push({at: Number(row['created_at']), request});
	}

	return records;
}

/** Answers saved without usage figures since `since` (before version 2, or from a service that sent none). */
export function answersWithoutUsage(db: DatabaseSync, since: number, withUsage: boolean): number {
	const condition = withUsage ? ' AND prompt_tokens IS NULL' : '';
	return Number(db.prepare(`SELECT count(*) AS count FROM turns WHERE outcome = 'done' AND created_at >= ?${condition}`).get(since)?.['count'] ?? 0);
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

function isDamage(error: unknown): boolean {
	const code = sqliteCode(error);
	return code === SQLITE_CODES.corrupt || code === SQLITE_CODES.notADatabase;
}
