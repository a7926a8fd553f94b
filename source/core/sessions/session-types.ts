/**
 * What the session store keeps: conversations (sessions), their turns, and
 * the summaries that stand in for older turns once compacted.
 * Plain data, shared by the store, the pane and the `sessions` commands.
 */
import type {MeteredRequest} from '../usage/metered-request.js';
import type {Problem} from '../app-error.js';

/** An image that went with a prompt: where it came from and what it was, never its bytes. */
export type ImageReference = {
	readonly path: string;
	readonly mime: string;
	readonly bytes: number;
	readonly sha256: string;
};

/**
 * How a turn ended. 'streaming' is a turn whose answer is still arriving, or
 * whose writer was killed; readers see the latter as 'interrupted'.
 */
export type TurnOutcome = 'streaming' | 'done' | 'interrupted' | 'failed';

/**
 * Where a turn stands in its conversation: 'current' turns are the
 * conversation; /retry keeps the earlier answer as 'retried' (an alternative),
 * and an edited prompt leaves the turn it replaced as 'replaced'.
 */
export type TurnStatus = 'current' | 'retried' | 'replaced';

/** A failed request as it was shown (the problem's words), without anything the service sent beyond it. */
export type StoredError = Problem;

export type StoredTurn = {
	readonly id: number;
	readonly sessionId: string;
	/** Its place in the conversation, from 0; a retried or replaced turn shares it with the turn that took its place. */
	readonly position: number;
	readonly prompt: string;
	readonly images: readonly ImageReference[];
	readonly model: string;
	readonly answer: string;
	readonly reasoning: string;
	readonly outcome: Exclude<TurnOutcome, 'streaming'> | 'streaming';
	readonly status: TurnStatus;
	readonly error?: StoredError;
	/** The request as billed: region, thinking, finish_reason and usage; undefined for turns saved without them. */
	readonly metered?: MeteredRequest;
	readonly createdAt: number;
	readonly updatedAt: number;
};

/** A summary that stands in for the first `turns` turns of a conversation in what is sent (/compact). */
export type StoredCompaction = {
	readonly id: number;
	readonly sessionId: string;
	readonly turns: number;
	readonly summary: string;
	readonly tokensBefore: number;
	readonly tokensAfter: number;
	/** The request that wrote the summary, which is billed like any other. */
	readonly metered: MeteredRequest;
	readonly createdAt: number;
};

/** A request with usage figures and when it was made, for `openclaw usage`. */
export type UsageRecord = {readonly at: number; readonly request: MeteredRequest};

export type SessionSummary = {
	readonly id: string;
	readonly title: string;
	/** The model of the latest turn. */
	readonly model: string;
	readonly createdAt: number;
	readonly updatedAt: number;
	/** Turns in the conversation (alternatives and replaced turns not counted). */
	readonly turns: number;
};

/** A turn that matched a search. */
export type SearchHit = {
	readonly session: SessionSummary;
	readonly turn: StoredTurn;
};
