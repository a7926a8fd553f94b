/**
 * Runs the conversation: sends a question with the history (a summary in
 * place of the turns it stands in for), streams the answer into the
 * transcript reducer in batches, and stops it on request. A turn's record
 * (core/sessions/session-recorder.ts) is handed the answer so far with each
 * batch and told how the turn ended and what it cost. Also runs the request
 * that writes a compaction's summary, which Esc stops the same way.
 */
import {useCallback, useEffect, useLayoutEffect, useReducer, useRef} from 'react';
import {chatRequestMessages, sentHistory, type ChatQuestion, type ConversationSummary} from '../../../core/chat-request.js';
import type {ChatMessage, DashScopeClient} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ModelProvider} from '../../../core/models.js';
import type {RegionId} from '../../../core/regions.js';
import type {TurnRecord} from '../../../core/sessions/session-recorder.js';
import {estimateTokens} from '../../../core/usage/estimate-tokens.js';
import type {MeteredRequest, RequestUsage} from '../../../core/usage/metered-request.js';
import {streamTurn} from './stream-turn.js';
import {chatReducer, type ChatAction, type ChatState, type Exchange} from '../transcript/transcript-state.js';

/** At most ~30 transcript updates a second, whatever the stream's pace. */
const FLUSH_INTERVAL_MS = 33;

export type ChatSessionOptions = {
	readonly client: DashScopeClient;
	readonly initialState: ChatState;
	readonly classify: (error: unknown, model: string) => ClassifiedError;
	/** A second look at an error, e.g. asking other regions about a rejected key; stops when the turn's signal aborts (Esc). */
	readonly explain?: (error: ClassifiedError, signal: AbortSignal) => Promise<ClassifiedError>;
	/** 'portal' under Qwen OAuth, whose requests start with a system message. */
	readonly provider: ModelProvider;
	/** The failed turn's error as the transcript shows it (the pane's own next step). */
	readonly advise?: (error: ClassifiedError) => ClassifiedError;
	readonly now?: () => number;
};

export type SendOptions = {
	readonly model: string;
	readonly enableThinking?: boolean;
	/** Where the request goes, for its price (undefined: a custom endpoint or the OAuth portal). */
	readonly region?: RegionId;
	/** The model reads no images: earlier ones are named, not sent. */
	readonly textOnly?: boolean;
	/** The answer takes the place of the last exchange, which is not sent as history (/retry, an edited prompt). */
	readonly replacesLast?: boolean;
	/** Where the turn is saved; called once the turn has started. */
	readonly record?: () => TurnRecord;
};

/** The request that writes a summary of the older turns. */
export type CompactionRequest = {
	readonly model: string;
	readonly messages: ChatMessage[];
	readonly region?: RegionId;
	/** Started to make room for a message, rather than by /compact. */
	readonly auto: boolean;
};

export type CompactionResult =
	| {readonly outcome: 'done'; readonly summary: string; readonly request: MeteredRequest}
	| {readonly outcome: 'interrupted' | 'failed'; readonly error?: ClassifiedError; readonly request: MeteredRequest};

export type ChatSession = {
	readonly state: ChatState;
	readonly dispatch: (action: ChatAction) => void;
	/** An answer, or a compaction's summary, is on its way. */
	readonly isStreaming: boolean;
	/** Starts a turn; false when one is still running. */
	readonly send: (question: ChatQuestion, options: SendOptions) => boolean;
	/**
	 * Asks for a summary; its cost is added to the conversation's when it ends.
	 * Using the summary is the caller's decision ('compacted'). Undefined when a request is running.
	 */
	readonly compact: (request: CompactionRequest) => Promise<CompactionResult> | undefined;
	/** Stops the answer (or the summary) being streamed; what arrived stays. Returns whether one was running. */
	readonly interrupt: () => boolean;
};

export function useChatSession({client, initialState, classify, explain, provider, advise, now = Date.now}: ChatSessionOptions): ChatSession {
	const [state, dispatch] = useReducer(chatReducer, initialState);
	const controllerRef = useRef<AbortController | undefined>(undefined);
	// The conversation as last committed, for building the next request outside a render. A layout
	// effect runs as the commit happens, so no key press can come between a commit and this update.
	const exchangesRef = useRef(state.exchanges);
	const summaryRef = useRef<ConversationSummary | undefined>(state.summary);
	useLayoutEffect(() => {
		exchangesRef.current = state.exchanges;
		summaryRef.current = state.summary;
	}, [state.exchanges, state.summary]);

	useEffect(() => () => controllerRef.current?.abort(), []);

	const send = useCallback(
		(question: ChatQuestion, {model, enableThinking, region, textOnly, replacesLast = false, record: startRecord}: SendOptions) => {
			if (controllerRef.current) return false;
			const controller = new AbortController();
			controllerRef.current = controller;
			const exchanges: readonly Exchange[] = replacesLast ? exchangesRef.current.slice(0, -1) : exchangesRef.current;
			const history = sentHistory(exchanges, summaryRef.current);
			const messages = chatRequestMessages({provider, history, question, textOnly});
			const setting = {...(region ? {region} : {}), thinking: enableThinking === true};
			dispatch({type: 'send', text: question.text, images: question.images, model, at: now(), replacesLast, setting});
			const record = startRecord?.();
			let answer = '';
			let reasoning = '';
			let usage: RequestUsage | undefined;

			void (async () => {
				let outcome;
				try {
					const events = client.streamChat({
						model,
						messages,
						signal: controller.signal,
						...(enableThinking === undefined ? {} : {enableThinking}),
					});
					outcome = await streamTurn({
						events,
						signal: controller.signal,
						flushIntervalMs: FLUSH_INTERVAL_MS,
						onBatch(batch) {
							dispatch({type: 'delta', ...batch, at: now()});
							answer += batch.content;
							reasoning += batch.reasoning;
							record?.progress(answer, reasoning);
						},
						onUsage(received) {
							usage = received;
							dispatch({type: 'usage', usage: received});
						},
						classify: error => classify(error, model),
					});
				} catch (error) {
					outcome = {outcome: 'failed' as const, error: classify(error, model)};
				}

				const finishReason = outcome.outcome === 'done' ? outcome.finishReason : undefined;
				record?.measured({...setting, ...(finishReason ? {finishReason} : {}), ...(usage ? {usage} : {})});
				if (outcome.outcome === 'failed') {
					const error = explain ? await explain(outcome.error, controller.signal).catch(() => outcome.error) : outcome.error;
					controllerRef.current = undefined;
					const shown = advise ? advise(error) : error;
					record?.finish('failed', shown);
					dispatch({type: 'fail', at: now(), error: shown});
				} else {
					controllerRef.current = undefined;
					record?.finish(outcome.outcome);
					dispatch({type: 'end', at: now(), outcome: outcome.outcome, ...(finishReason ? {finishReason} : {})});
				}
			})();
			return true;
		},
		[client, classify, explain, provider, advise, now],
	);

	const compact = useCallback(
		(request: CompactionRequest) => {
			if (controllerRef.current) return undefined;
			const controller = new AbortController();
			controllerRef.current = controller;
			const {model, messages, region, auto} = request;
			dispatch({type: 'compaction-started', at: now(), auto});
			let summary = '';
			let usage: RequestUsage | undefined;
			return (async (): Promise<CompactionResult> => {
				let outcome;
				try {
					outcome = await streamTurn({
						events: client.streamChat({model, messages, signal: controller.signal}),
						signal: controller.signal,
						flushIntervalMs: FLUSH_INTERVAL_MS,
						onBatch(batch) {
							summary += batch.content;
							dispatch({type: 'compaction-delta', tokens: estimateTokens(batch.content) + estimateTokens(batch.reasoning)});
						},
						onUsage(received) {
							usage = received;
						},
						classify: error => classify(error, model),
					});
				} catch (error) {
					outcome = {outcome: 'failed' as const, error: classify(error, model)};
				}

				controllerRef.current = undefined;
				const finishReason = outcome.outcome === 'done' ? outcome.finishReason : undefined;
				const metered: MeteredRequest = {
					model,
					...(region ? {region} : {}),
					thinking: false,
					...(finishReason ? {finishReason} : {}),
					...(usage ? {usage} : {}),
				};
				dispatch({type: 'compaction-ended', outcome: outcome.outcome, request: metered});
				if (outcome.outcome === 'done') return {outcome: 'done', summary, request: metered};
				if (outcome.outcome === 'failed') return {outcome: 'failed', error: advise ? advise(outcome.error) : outcome.error, request: metered};
				return {outcome: 'interrupted', request: metered};
			})();
		},
		[client, classify, advise, now],
	);

	const interrupt = useCallback(() => {
		const controller = controllerRef.current;
		if (!controller || controller.signal.aborted) return false;
		controller.abort();
		return true;
	}, []);

	return {state, dispatch, isStreaming: state.live !== undefined || state.compacting !== undefined, send, compact, interrupt};
}
