/**
 * Rows of the store as the types the rest of the program uses. Values a newer
 * openclaw may have written that this one does not know are read as the
 * nearest it does, so its sessions stay readable.
 */
import {processIsAlive} from '../files/safe-file.js';
import {isRegionId} from '../regions.js';
import type {MeteredRequest, RequestUsage} from '../usage/metered-request.js';
import type {ImageReference, SessionSummary, StoredError, StoredTurn, TurnOutcome, TurnStatus} from './session-types.js';

type Row = Record<string, unknown>;

export const SESSION_COLUMNS = `s.id, s.title, s.model, s.created_at, s.updated_at,
	(SELECT count(*) FROM turns t WHERE t.session_id = s.id AND t.status = 'current') AS turns`;

export const TURN_COLUMNS =
	'id, session_id, position, prompt, images, model, answer, reasoning, outcome, status, error, writer_pid, created_at, updated_at';

/** A request's usage as turns and compactions keep it (schema version 2). */
export const USAGE_COLUMN_NAMES =
	'region, thinking, finish_reason, prompt_tokens, completion_tokens, total_tokens, cached_tokens, cache_creation_tokens, cache_type, reasoning_tokens';

/** The turn columns a store has: usage only from version 2 on. */
export function turnColumns(withUsage: boolean): string {
	return withUsage ? `${TURN_COLUMNS}, ${USAGE_COLUMN_NAMES}` : TURN_COLUMNS;
}

/** The values of USAGE_COLUMN_NAMES, in order, for a request (model apart). */
export function usageValues(request: Omit<MeteredRequest, 'model'>): Array<string | number | null> {
	const {usage} = request;
	return [
		request.region ?? null,
		request.thinking ? 1 : 0,
		request.finishReason ?? null,
		usage?.promptTokens ?? null,
		usage?.completionTokens ?? null,
		usage?.totalTokens ?? null,
		usage?.cachedTokens ?? null,
		usage?.cacheCreationTokens ?? null,
		usage?.cacheType ?? null,
		usage?.reasoningTokens ?? null,
	];
}

/**
 * The request a row records; undefined for a row saved without it (before
 * version 2, or a turn that never got an answer). A region this version does
 * not know is read as none: no price is known for it.
 */
export function meteredFromRow(row: Row, model: string): MeteredRequest | undefined {
	if (row['thinking'] === null || row['thinking'] === undefined) return undefined;
	const region = typeof row['region'] === 'string' && isRegionId(row['region']) ? row['region'] : undefined;
	const finishReason = typeof row['finish_reason'] === 'string' ? row['finish_reason'] : undefined;
	const usage = usageFromRow(row);
	return {model, ...(region ? {region} : {}), thinking: Number(row['thinking']) === 1, ...(finishReason ? {finishReason} : {}), ...(usage ? {usage} : {})};
}

function usageFromRow(row: Row): RequestUsage | undefined {
	const count = (name: string) => (row[name] === null || row[name] === undefined ? undefined : Number(row[name]));
	const promptTokens = count('prompt_tokens');
	const completionTokens = count('completion_tokens');
	if (promptTokens === undefined || completionTokens === undefined) return undefined;
	const cachedTokens = count('cached_tokens');
	const cacheCreationTokens = count('cache_creation_tokens');
	const reasoningTokens = count('reasoning_tokens');
	const cacheType = row['cache_type'];
	return {
		promptTokens,
		completionTokens,
		totalTokens: count('total_tokens') ?? promptTokens + completionTokens,
		...(cachedTokens === undefined ? {} : {cachedTokens}),
		...(cacheCreationTokens === undefined ? {} : {cacheCreationTokens}),
		...(typeof cacheType === 'string' ? {cacheType} : {}),
		...(reasoningTokens === undefined ? {} : {reasoningTokens}),
	};
}

export function sessionFromRow(row: Row): SessionSummary {
	return sessionFromColumns(row, '');
}

/** `prefix`: where a query names the session's columns apart from another table's (`session_title`, …). */
export function sessionFromColumns(row: Row, prefix: string): SessionSummary {
	return {
		id: String(row[`${prefix}id`]),
		title: String(row[`${prefix}title`]),
		model: String(row[`${prefix}model`]),
		createdAt: Number(row[`${prefix}created_at`]),
		updatedAt: Number(row[`${prefix}updated_at`]),
		turns: Number(row[`${prefix}turns`] ?? 0),
	};
}

export function turnFromRow(row: Row): StoredTurn {
	const error = parseJson<StoredError>(row['error']);
	const metered = meteredFromRow(row, String(row['model']));
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
		...(metered ? {metered} : {}),
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
