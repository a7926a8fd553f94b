/**
 * Compaction: the current model summarises the older turns, and the summary
 * is sent in their place from then on. The last exchange stays as it was when
 * there are older ones to summarise; an earlier summary is folded into the new one.
 */
import {chatRequestMessages, sentHistory, type ConversationSummary, type PastExchange} from '../chat-request.js';
import type {ChatMessage} from '../dashscope-client.js';
import type {ModelProvider} from '../models.js';
import {AUTO_COMPACT_SHARE} from './context-meter.js';

/** What the summary is asked to keep, and how. */
function compactionInstruction(keep?: string): string {
	const asked = keep?.trim() ? ` Keep in particular: ${keep.trim()}.` : '';
	return (
		'Summarise our conversation so far so that the summary can replace it: what was asked, the answers, ' +
		'decisions and conclusions, code, names, numbers and file paths that matter, and anything still open. ' +
		`Write it as notes for carrying on the conversation, in the language we used, without a preamble.${asked}`
	);
}

/** The exchanges [from, to) that a compaction now would summarise (with the summary before them, if any). */
export type CompactionPlan = {readonly from: number; readonly to: number};

export function compactionPlan(exchanges: readonly PastExchange[], summary: ConversationSummary | undefined): CompactionPlan | undefined {
	const from = summary?.turns ?? 0;
	const answered = (index: number) => exchanges[index]!.answer.trim() !== '';
	const unsummarised = exchanges.length - from;
	// Keep the last exchange as it is when there are older ones to summarise.
	const to = unsummarised >= 2 ? exchanges.length - 1 : exchanges.length;
	for (let index = from; index < to; index++) if (answered(index)) return {from, to};
	return undefined;
}

/** The request that asks for the summary: the turns to summarise (images named, not sent), then the instruction. */
export function compactionMessages(input: {
	readonly provider: ModelProvider;
	readonly exchanges: readonly PastExchange[];
	readonly summary?: ConversationSummary;
	readonly plan: CompactionPlan;
	readonly keep?: string;
}): ChatMessage[] {
	const {exchanges, summary, plan} = input;
	const history = sentHistory(exchanges.slice(0, plan.to), summary);
	return chatRequestMessages({provider: input.provider, history, question: {text: compactionInstruction(input.keep), images: []}, textOnly: true});
}

/**
 * How a compaction turned out: 'compacted'; 'not-enough' when it saved less
 * than a fifth or left the conversation past the automatic threshold (used,
 * but not tried again by itself); 'longer' when the summary is no shorter than
 * what it would replace (not used).
 */
export type CompactionVerdict = 'compacted' | 'not-enough' | 'longer';

/** At least this share of the tokens must go for a compaction to count as enough. */
const ENOUGH_SAVED = 0.2;

export function compactionVerdict(before: number, after: number, window: number | undefined): CompactionVerdict {
	if (after >= before) return 'longer';
	if (after > before * (1 - ENOUGH_SAVED) || (window !== undefined && after >= window * AUTO_COMPACT_SHARE)) return 'not-enough';
	return 'compacted';
}
