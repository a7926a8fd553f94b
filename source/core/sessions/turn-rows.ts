/**
 * Rows of the store as the types the rest of the program uses. Values a newer
 * openclaw may have written that this one does not know are read as the
 * nearest it does, so its sessions stay readable.
 */
import {processIsAlive} from '../files/safe-file.js';
import type {ImageReference, SessionSummary, StoredError, StoredTurn, TurnOutcome, TurnStatus} from './session-types.js';

type Row = Record<string, unknown>;

export const SESSION_COLUMNS = `s.id, s.title, s.model, s.created_at, s.updated_at,
	(SELECT count(*) FROM turns t WHERE t.session_id = s.id AND t.status = 'current') AS turns`;

export const TURN_COLUMNS =
	'id, session_id, position, prompt, images, model, answer, reasoning, outcome, status, error, writer_pid, created_at, updated_at';

export function sessionFromRow(row: Row): SessionSummary {
	return {
		id: String(row['id']),
		title: String(row['title']),
		model: String(row['model']),
		createdAt: Number(row['created_at']),
		updatedAt: Number(row['updated_at']),
		turns: Number(row['turns'] ?? 0),
	};
}

export function turnFromRow(row: Row): StoredTurn {
	const error = parseJson<StoredError>(row['error']);
	return {
		id: Number(row['id']),
		sessionId: String(row['session_id']),
		position: Number(row['position']),
		prompt: String(row['prompt']),
		images: parseJson<ImageReference[]>(row['images']) ?? [],
		model: String(row['model']),
		answer: String(row['answer']),
		reasoning: String(row['reasoning']),
		outcome: outcomeOf(row['outcome'], row['writer_pid']),
		status: statusOf(row['status']),
		...(error ? {error} : {}),
		createdAt: Number(row['created_at']),
		updatedAt: Number(row['updated_at']),
	};
}

/** A turn still marked streaming whose writer is gone was cut off (kill -9, a crash, a power cut). */
function outcomeOf(value: unknown, writerPid: unknown): TurnOutcome {
	if (value === 'streaming') return writerIsAlive(writerPid) ? 'streaming' : 'interrupted';
	if (value === 'interrupted' || value === 'failed') return value;
	return 'done';
}

export function writerIsAlive(pid: unknown): boolean {
	return typeof pid === 'number' || typeof pid === 'bigint' ? processIsAlive(Number(pid)) : false;
}

/** A status this version does not know is an alternative kept beside the conversation, not part of it. */
function statusOf(value: unknown): TurnStatus {
	return value === 'current' || value === 'replaced' ? value : 'retried';
}

function parseJson<T>(value: unknown): T | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	try {
		return JSON.parse(value) as T;
	} catch {
		return undefined;
	}
}
