/**
 * Writing the store. Each change is one short transaction, so two panes
 * saving at once wait for each other for milliseconds, never for an answer.
 */
import {randomBytes} from 'node:crypto';
import type {DatabaseSync} from '../openclaw/sqlite.js';
import type {MeteredRequest} from '../usage/metered-request.js';
import type {ImageReference, StoredCompaction, StoredError, TurnOutcome} from './session-types.js';
import {USAGE_COLUMN_NAMES, usageValues, writerIsAlive} from './turn-rows.js';
import {titleFromPrompt} from './session-title.js';

export type NewTurn = {
	readonly sessionId: string;
	readonly prompt: string;
	readonly images: readonly ImageReference[];
	readonly model: string;
	readonly now: number;
	/** The turn this one takes the place of: 'retried' keeps its answer as an alternative, 'replaced' marks an edited prompt. */
	readonly replacing?: {readonly turnId: number; readonly status: 'retried' | 'replaced'};
};

export type FinishedTurn = {
	readonly answer: string;
	readonly reasoning: string;
	readonly outcome: Exclude<TurnOutcome, 'streaming'>;
	readonly error?: StoredError;
	/** The request as billed (the model is the turn's). */
	readonly metered?: Omit<MeteredRequest, 'model'>;
	readonly now: number;
};

/** A compaction as it is stored, before the store gives it an id; `now` becomes its createdAt. */
export type NewCompaction = Omit<StoredCompaction, 'id' | 'createdAt'> & {readonly now: number};

function newSessionId(): string {
	return randomBytes(8).toString('hex');
}

export function createSession(db: DatabaseSync, input: {title: string; model: string; now: number; titled?: boolean}): string {
	const id = newSessionId();
	db.prepare('INSERT INTO sessions (id, title, titled, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
		id,
		input.title,
		input.titled ? 1 : 0,
		input.model,
		input.now,
		input.now,
	);
	return id;
}

/** Adds a turn whose answer is on its way; returns its id and place in the conversation. */
export function addTurn(db: DatabaseSync, turn: NewTurn): {id: number; position: number} {
	return inTransaction(db, () => {
		let position: number;
		if (turn.replacing) {
			position = Number(db.prepare('SELECT position FROM turns WHERE id = ?').get(turn.replacing.turnId)?.['position'] ?? 0);
			db.prepare('UPDATE turns SET status = ? WHERE id = ?').run(turn.replacing.status, turn.replacing.turnId);
		} else {
			const row = db.prepare("SELECT max(position) AS last FROM turns WHERE session_id = ? AND status = 'current'").get(turn.sessionId);
			position = row?.['last'] === null || row?.['last'] === undefined ? 0 : Number(row['last']) + 1;
		}

		const inserted = db
			.prepare(
				`INSERT INTO turns (session_id, position, prompt, images, model, outcome, writer_pid, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'streaming', ?, ?, ?)`,
			)
			.run(turn.sessionId, position, turn.prompt, JSON.stringify(turn.images), turn.model, process.pid, turn.now, turn.now);
		db.prepare('UPDATE sessions SET model = ?, updated_at = ? WHERE id = ?').run(turn.model, turn.now, turn.sessionId);
		// The title follows the first prompt until the user names the session, an edited first prompt included.
		if (position === 0) {
			db.prepare('UPDATE sessions SET title = ? WHERE id = ? AND titled = 0').run(titleFromPrompt(turn.prompt), turn.sessionId);
		}

		return {id: Number(inserted.lastInsertRowid), position};
	});
}

/** The answer so far, while it streams. */
export function saveProgress(db: DatabaseSync, turnId: number, answer: string, reasoning: string, now: number): void {
	db.prepare("UPDATE turns SET answer = ?, reasoning = ?, updated_at = ? WHERE id = ? AND outcome = 'streaming'").run(answer, reasoning, now, turnId);
}

export function finishTurn(db: DatabaseSync, turnId: number, turn: FinishedTurn): void {
	inTransaction(db, () => {
		db.prepare('UPDATE turns SET answer = ?, reasoning = ?, outcome = ?, error = ?, writer_pid = NULL, updated_at = ? WHERE id = ?').run(
			turn.answer,
			turn.reasoning,
			turn.outcome,
			turn.error ? JSON.stringify(turn.error) : null,
			turn.now,
			turnId,
		);
		if (turn.metered) {
			const columns = USAGE_COLUMN_NAMES.split(', ');
			db.prepare(`UPDATE turns SET ${columns.map(column => `${column} = ?`).join(', ')} WHERE id = ?`).run(...usageValues(turn.metered), turnId);
		}

		db.prepare('UPDATE sessions SET updated_at = ? WHERE id = (SELECT session_id FROM turns WHERE id = ?)').run(turn.now, turnId);
	});
}

export function addCompaction(db: DatabaseSync, compaction: NewCompaction): number {
	return inTransaction(db, () => {
		const inserted = db
			.prepare(
				`INSERT INTO compactions (session_id, turns, summary, model, tokens_before, tokens_after, ${USAGE_COLUMN_NAMES}, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ${USAGE_COLUMN_NAMES.split(', ').map(() => '?').join(', ')}, ?)`,
			)
			.run(
				compaction.sessionId,
				compaction.turns,
				compaction.summary,
				compaction.metered.model,
				Math.round(compaction.tokensBefore),
				Math.round(compaction.tokensAfter),
				...usageValues(compaction.metered),
				compaction.now,
			);
		db.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?').run(compaction.now, compaction.sessionId);
		return Number(inserted.lastInsertRowid);
	});
}

export function renameSession(db: DatabaseSync, sessionId: string, title: string, now: number): boolean {
	return db.prepare('UPDATE sessions SET title = ?, titled = 1, updated_at = ? WHERE id = ?').run(title, now, sessionId).changes > 0;
}

export function deleteSession(db: DatabaseSync, sessionId: string): boolean {
	return inTransaction(db, () => {
		db.prepare('DELETE FROM turns WHERE session_id = ?').run(sessionId);
		db.prepare('DELETE FROM compactions WHERE session_id = ?').run(sessionId);
		return db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId).changes > 0;
	});
}

/** Marks turns whose writer died mid-answer as interrupted (which also indexes them for search). */
export function sweepInterrupted(db: DatabaseSync, now: number): number {
	const writers = db.prepare("SELECT DISTINCT writer_pid FROM turns WHERE outcome = 'streaming'").all();
	let swept = 0;
	for (const row of writers) {
		const pid = row['writer_pid'] ?? null;
		if (writerIsAlive(pid)) continue;
		const update =
			pid === null
				? db.prepare("UPDATE turns SET outcome = 'interrupted', updated_at = ? WHERE outcome = 'streaming' AND writer_pid IS NULL").run(now)
				: db.prepare("UPDATE turns SET outcome = 'interrupted', writer_pid = NULL, updated_at = ? WHERE outcome = 'streaming' AND writer_pid = ?").run(now, Number(pid));
		swept += Number(update.changes);
	}

	return swept;
}

function inTransaction<T>(db: DatabaseSync, work: () => T): T {
	// IMMEDIATE takes the write lock up front, so two writers queue instead of failing halfway.
	db.exec('BEGIN IMMEDIATE');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		rollback(db);
		throw error;
	}
}

/** Ends a failed transaction; SQLite may already have rolled it back (a full disk does). */
export function rollback(db: DatabaseSync): void {
	try {
		db.exec('ROLLBACK');
	} catch {
		// No transaction was open any more.
	}
}
