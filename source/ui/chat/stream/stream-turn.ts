/**
 * Reads one streamed answer and hands it on in batches: a stream can deliver
 * thousands of deltas a second, and the screen needs a few dozen updates.
 * The model's text is made printable on the way, as the one-shot chat's is
 * (core/terminal-text.ts): no escape sequence, nor the debris of one, reaches
 * the transcript. No React here; the pane's hook turns batches into reducer actions.
 */
import type {StreamEvent} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import {ControlFilter} from '../../../core/terminal-text.js';
import {usageFromEvent, type RequestUsage} from '../../../core/usage/metered-request.js';

export type StreamBatch = {readonly content: string; readonly reasoning: string};

export type TurnOutcome =
	/** `finishReason`: the service's, 'length' when the answer reached the output limit. */
	| {readonly outcome: 'done'; readonly finishReason?: string}
	| {readonly outcome: 'interrupted'}
	| {readonly outcome: 'failed'; readonly error: ClassifiedError};

export type StreamTurnOptions = {
	readonly events: AsyncIterable<StreamEvent>;
	readonly signal: AbortSignal;
	/** The longest a delta waits before it is handed on. */
	readonly flushIntervalMs: number;
	readonly onBatch: (batch: StreamBatch) => void;
	readonly onUsage: (usage: RequestUsage) => void;
	readonly classify: (error: unknown) => ClassifiedError;
	readonly now?: () => number;
};

export async function streamTurn(options: StreamTurnOptions): Promise<TurnOutcome> {
	const {events, signal, flushIntervalMs, onBatch, onUsage, classify, now = performance.now.bind(performance)} = options;
	// A batch's deltas are joined once, when it is handed on: `+=` on each of thousands of
	// deltas would hand on a rope of them all, every piece of which the transcript then keeps.
	let content: string[] = [];
	let reasoning: string[] = [];
	let lastFlushAt = now();
	let finishReason: string | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	// One filter for each stream: a sequence split across two deltas is only recognised by the state before it.
	const contentFilter = new ControlFilter();
	const reasoningFilter = new ControlFilter();

	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		lastFlushAt = now();
		if (content.length === 0 && reasoning.length === 0) return;
		const batch = {content: content.join(''), reasoning: reasoning.join('')};
		content = [];
		reasoning = [];
		onBatch(batch);
	};

	// Deltas that arrive in one burst never yield to timers, so the clock is
	// checked on each delta too; the timer covers a stream that pauses.
	const schedule = () => {
		if (now() - lastFlushAt >= flushIntervalMs) flush();
		else timer ??= setTimeout(flush, flushIntervalMs);
	};

	try {
		for await (const event of events) {
			if (signal.aborted) break;
			if (event.type === 'content') {
				content.push(contentFilter.push(event.text));
				schedule();
			} else if (event.type === 'reasoning') {
				reasoning.push(reasoningFilter.push(event.text));
				schedule();
			} else if (event.type === 'usage') {
				onUsage(usageFromEvent(event));
			} else if (event.type === 'done' && event.finishReason !== null) {
				finishReason = event.finishReason;
			}
		}
	} catch (error) {
		flush();
		if (signal.aborted) return {outcome: 'interrupted'};
		return {outcome: 'failed', error: classify(error)};
	}

	flush();
	if (signal.aborted) return {outcome: 'interrupted'};
	return finishReason === undefined ? {outcome: 'done'} : {outcome: 'done', finishReason};
}
