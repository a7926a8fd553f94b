/**
 * Reads one streamed answer and hands it on in batches: a stream can deliver
 * thousands of deltas a second, and the screen needs a few dozen updates.
 * No React here; the pane's hook turns batches into reducer actions.
 */
import type {StreamEvent} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
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
	let content = '';
	let reasoning = '';
	let lastFlushAt = now();
	let finishReason: string | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const flush = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		lastFlushAt = now();
		if (content === '' && reasoning === '') return;
		const batch = {content, reasoning};
		content = '';
		reasoning = '';
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
				content += event.text;
				schedule();
			} else if (event.type === 'reasoning') {
				reasoning += event.text;
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
