/**
 * How full the model's context window is: the last request's real token
 * count (its prompt_tokens and the answer it added, reasoning left out as it
 * is never sent back), plus estimates for what came after it and for the
 * next message. Also what happens as it fills: a warning at 80%, compaction
 * at about 85%, and a message that cannot fit is refused before it is sent.
 */
import {historyMessages, sentHistory, type ConversationSummary, type PastExchange} from '../chat-request.js';
import {contextWindowFor, findModel, MODELS, type ModelInfo, type ModelProvider} from '../models.js';
import type {RegionId} from '../regions.js';
import {estimateMessagesTokens} from '../usage/estimate-tokens.js';
import type {RequestUsage} from '../usage/metered-request.js';

/** From this share of the window a warning says what comes next. */
export const WARN_SHARE = 0.8;
/** A message that would take the conversation past this share is sent after the older turns are summarised. */
export const AUTO_COMPACT_SHARE = 0.85;

/** The conversation as the service last counted it: tokens, and how many exchanges (from the first) that count covers. */
export type MeasuredContext = {readonly tokens: number; readonly exchanges: number};

/** What a finished request says about the conversation it ends: its input plus the answer, which joins the history. */
export function measuredContext(usage: RequestUsage, exchanges: number): MeasuredContext {
	return {tokens: usage.promptTokens + usage.completionTokens - (usage.reasoningTokens ?? 0), exchanges};
}

export type ConversationContext = {
	readonly provider: ModelProvider;
	/** The whole conversation, the turns a summary stands in for included. */
	readonly exchanges: readonly PastExchange[];
	readonly summary?: ConversationSummary;
	readonly measured?: MeasuredContext;
};

/** Tokens the conversation takes in the next request, before the message itself. */
export function contextTokens({provider, exchanges, summary, measured}: ConversationContext): number {
	const from = summary?.turns ?? 0;
	if (measured && measured.exchanges >= from && measured.exchanges <= exchanges.length) {
		// The system message is in the measured count already.
		return measured.tokens + estimateMessagesTokens(historyMessages({provider: 'dashscope', history: exchanges.slice(measured.exchanges)}));
	}

	return estimateMessagesTokens(historyMessages({provider, history: sentHistory(exchanges, summary)}));
}

/** The model's window in a region; undefined for an id the registry does not know. */
export function windowFor(modelId: string, region: RegionId | undefined): number | undefined {
	const model = findModel(modelId);
	return model ? contextWindowFor(model, region) : undefined;
}

/** The share of the window `tokens` take: 0.41 for 41%. */
function windowShare(tokens: number, window: number): number {
	return tokens / window;
}

/** "ctx 41% · 53k/128k", or "ctx 41%" short; "ctx 53k" when the window is not known. */
export function formatMeter(tokens: number, window: number | undefined, short = false): string {
	if (window === undefined) return `ctx ${formatTokenCount(tokens)}`;
	const percent = `ctx ${formatPercent(windowShare(tokens, window))}`;
	return short ? percent : `${percent} · ${formatTokenCount(tokens)}/${formatTokenCount(window)}`;
}

/** Whole percent, rounded down: 99.6% is not yet 100%. */
export function formatPercent(share: number): string {
	return `${Math.floor(share * 100)}%`;
}

/** 812, 5.3k, 53k, 1.05M: a count at a glance (k is 1,000 here, not the price list's 1,024). */
export function formatTokenCount(tokens: number): string {
	const count = Math.max(0, Math.round(tokens));
	if (count < 1000) return String(count);
	if (count < 10_000) return `${trimZeros((count / 1000).toFixed(1))}k`;
	if (count < 999_500) return `${Math.round(count / 1000)}k`;
	return `${trimZeros((count / 1_000_000).toFixed(2))}M`;
}

function trimZeros(number: string): string {
	return number.replace(/\.?0+$/, '');
}

export type SendCheck =
	| {readonly kind: 'send'}
	/** Past AUTO_COMPACT_SHARE: summarise the older turns, then send. */
	| {readonly kind: 'compact-first'}
	/** Does not fit the window: 'message' alone, or the 'conversation' with it. */
	| {readonly kind: 'refuse'; readonly reason: 'message' | 'conversation'};

export type SendCheckInput = {
	/** The conversation before the message. */
	readonly conversation: number;
	readonly message: number;
	readonly window: number | undefined;
	/** There are turns to summarise. */
	readonly compactable: boolean;
	/** A compaction earlier did not shrink the conversation enough: it is not tried again by itself. */
	readonly autoCompactHeld: boolean;
};

/** Whether a message goes, goes after a compaction, or is refused before anything is sent. */
export function checkSend({conversation, message, window, compactable, autoCompactHeld}: SendCheckInput): SendCheck {
	if (window === undefined) return {kind: 'send'};
	if (message > window) return {kind: 'refuse', reason: 'message'};
	const total = conversation + message;
	// The summary is asked for with the whole conversation: it must fit the window itself.
	if (total >= window * AUTO_COMPACT_SHARE && compactable && !autoCompactHeld && conversation < window) return {kind: 'compact-first'};
	if (total > window) return {kind: 'refuse', reason: 'conversation'};
	return {kind: 'send'};
}

/**
 * The model to suggest when a conversation outgrows this one: the registry's
 * largest window on the same provider, if it is larger; retired models are not offered.
 */
export function biggerWindowModel(modelId: string, provider: ModelProvider, region: RegionId | undefined): ModelInfo | undefined {
	const current = windowFor(modelId, region) ?? 0;
	let best: ModelInfo | undefined;
	for (const model of MODELS) {
		if (model.provider !== provider || model.status.state === 'retired') continue;
		const window = contextWindowFor(model, region);
		if (window > current && (!best || window > contextWindowFor(best, region))) best = model;
	}

	return best;
}
