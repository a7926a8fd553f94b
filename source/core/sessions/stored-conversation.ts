/**
 * A saved conversation as a chat goes on with it: its turns, the summary
 * that stands in for the older ones if it was compacted, and what its
 * requests have cost so far (retried answers and compactions included).
 */
import type {ConversationSummary} from '../chat-request.js';
import {addRequest, NO_USAGE, type UsageTotals} from '../usage/metered-request.js';
import type {SessionStore} from './session-store.js';
import type {SessionSummary, StoredTurn} from './session-types.js';

export type StoredConversation = {
	readonly session: SessionSummary;
	/** The conversation as it stands, one turn per position. */
	readonly turns: readonly StoredTurn[];
	readonly summary?: ConversationSummary;
	readonly usage: UsageTotals;
};

export function readConversation(store: SessionStore, session: SessionSummary): StoredConversation {
	// One read: every turn counts towards the cost, the current ones make the conversation (both in position order).
	const all = store.allTurns(session.id);
	const turns = all.filter(turn => turn.status === 'current');
	const compactions = store.compactions(session.id);
	let usage = NO_USAGE;
	for (const turn of all) if (turn.metered) usage = addRequest(usage, turn.metered);
	for (const compaction of compactions) usage = addRequest(usage, compaction.metered);
	const latest = compactions.at(-1);
	// A summary never stands in for more turns than the conversation has (its last turns deleted by a newer openclaw, say).
	const summary = latest ? {text: latest.summary, turns: Math.min(latest.turns, turns.length)} : undefined;
	return {session, turns, ...(summary ? {summary} : {}), usage};
}
