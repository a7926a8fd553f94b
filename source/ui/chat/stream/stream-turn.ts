/**
 * Reads one streamed answer and hands it on in batches: a stream can deliver
 * thousands of deltas a second, and the screen needs a few dozen updates.
 * No React here; the pane's hook turns batches into reducer actions.
 */
import type {StreamEvent} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {Usage} from '../transcript/transcript-state.js';

export type StreamBatch = {readonly content: string; readonly reasoning: string};

export type TurnOutcome =
	| {readonly outcome: 'done'}
	| {readonly outcome: 'interrupted'}
	| {readonly outcome: 'failed'; readonly error: ClassifiedError};

export type StreamTurnOptions = {
	readonly events: AsyncIterable<StreamEvent>;
	readonly signal: AbortSignal;
	/** The longest a delta waits before it is handed on. */
	readonly flushIntervalMs: number;
	readonly onBatch: (batch: StreamBatch) => void;
	readonly onUsage: (usage: Usage) => void;
	readonly classify: (error: unknown) => ClassifiedError;
	readonly now?: () => number;
};

export async function streamTurn(options: StreamTurnOptions): Promise<TurnOutcome> {
	const {events, signal, flushIntervalMs, onBatch, onUsage, classify, now = performance.now.bind(performance)} = options;
	let content = '';
	let reasoning = '';
	let lastFlushAt = now();
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
				onUsage({promptTokens: event.promptTokens, completionTokens: event.completionTokens});
			}
		}
	} catch (error) {
		flush();
		if (signal.aborted) return {outcome: 'interrupted'};
		return {outcome: 'failed', error: classify(error)};
	}

	flush();
	return signal.aborted ? {outcome: 'interrupted'} : {outcome: 'done'};
}
