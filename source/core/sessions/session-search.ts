/**
 * Searching prompts and answers. With FTS5 every word of three characters or
 * more is looked up in the trigram index (any substring, any script); shorter
 * words, and every word where FTS5 is missing, are found by scanning.
 */
import type {SQLInputValue} from 'node:sqlite';
import type {DatabaseSync} from '../openclaw/sqlite.js';
import {listSessions} from './session-reads.js';
import type {SearchHit, SessionSummary} from './session-types.js';
import {SESSION_COLUMNS, sessionFromColumns, sessionFromRow, TURN_COLUMNS, turnFromRow} from './turn-rows.js';

/** The shortest word the trigram index can find. */
const INDEXED_LENGTH = 3;

type Condition = {readonly sql: string; readonly params: SQLInputValue[]};

/** Turns whose prompt or answer holds every word of `query`, newest first. */
export function searchTurns(db: DatabaseSync, fullText: boolean, query: string, limit = 50): SearchHit[] {
	const condition = matchCondition(fullText, query);
	if (!condition) return [];
	const columns = TURN_COLUMNS.split(', ')
		.map(column => `t.${column}`)
		.join(', ');
	const rows = db
		.prepare(
			`SELECT ${columns}, s.title AS session_title, s.model AS session_model, s.created_at AS session_created_at,
				s.updated_at AS session_updated_at,
				(SELECT count(*) FROM turns c WHERE c.session_id = s.id AND c.status = 'current') AS session_turns
			FROM turns t JOIN sessions s ON s.id = t.session_id
			WHERE ${condition.sql} ORDER BY t.id DESC LIMIT ?`,
		)
		.all(...condition.params, limit);
	return rows.map(row => ({
		turn: turnFromRow(row),
		session: sessionFromColumns(row, 'session_'),
	}));
}

/** Sessions whose title or turns hold every word of `query`, newest first (the picker's filter). */
export function matchingSessions(db: DatabaseSync, fullText: boolean, query: string, limit = -1): SessionSummary[] {
	const condition = matchCondition(fullText, query);
	// Nothing to match: every session, read as the list reads them (around damaged pages too).
	if (!condition) return listSessions(db, limit);
	const rows = db
		.prepare(
			`SELECT ${SESSION_COLUMNS} FROM sessions s
			WHERE instr(lower(s.title), lower(?)) > 0 OR s.id IN (SELECT t.session_id FROM turns t WHERE ${condition.sql})
			ORDER BY s.updated_at DESC LIMIT ?`,
		)
		.all(query.trim(), ...condition.params, limit);
	return rows.map(sessionFromRow);
}

/** The WHERE clause that holds for a turn (table alias `t`) containing every word; undefined for an empty query. */
function matchCondition(fullText: boolean, query: string): Condition | undefined {
	const words = query.split(/\s+/).filter(word => word !== '');
	if (words.length === 0) return undefined;
	const indexed = fullText ? words.filter(word => [...word].length >= INDEXED_LENGTH) : [];
	const scanned = words.filter(word => !indexed.includes(word));
	const parts: string[] = [];
	const params: SQLInputValue[] = [];
	if (indexed.length > 0) {
		parts.push(`t.id IN (SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?)`);
		params.push(indexed.map(word => `"${word.replaceAll('"', '""')}"`).join(' AND '));
	}

	for (const word of scanned) {
		parts.push(`(instr(lower(t.prompt), lower(?)) > 0 OR instr(lower(t.answer), lower(?)) > 0)`);
		params.push(word, word);
	}

	return {sql: parts.join(' AND '), params};
}

/** The part of `text` around the first place it holds `query`'s first word, on one line. */
export function snippetAround(text: string, query: string, width = 72): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const word = query.split(/\s+/).find(part => part !== '') ?? '';
	const at = word === '' ? -1 : flat.toLowerCase().indexOf(word.toLowerCase());
	if (at < 0) return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
	const start = Math.max(0, at - Math.floor((width - word.length) / 2));
	const end = Math.min(flat.length, start + width);
	return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
