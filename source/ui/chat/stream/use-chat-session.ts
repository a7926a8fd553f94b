/**
 * Runs the conversation: sends a question with the history, streams the
 * answer into the transcript reducer in batches, and stops it on request.
 * A turn's record (core/sessions/session-recorder.ts) is handed the answer so
 * far with each batch and told how the turn ended.
 */
import {useCallback, useEffect, useLayoutEffect, useReducer, useRef} from 'react';
import {chatRequestMessages, type ChatQuestion} from '../../../core/chat-request.js';
import type {DashScopeClient} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ModelProvider} from '../../../core/models.js';
import type {TurnRecord} from '../../../core/sessions/session-recorder.js';
import {streamTurn} from './stream-turn.js';
import {chatReducer, type ChatAction, type ChatState} from '../transcript/transcript-state.js';

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
	/** The model reads no images: earlier ones are named, not sent. */
	readonly textOnly?: boolean;
	/** The answer takes the place of the last exchange, which is not sent as history (/retry, an edited prompt). */
	readonly replacesLast?: boolean;
	/** Where the turn is saved; called once the turn has started. */
	readonly record?: () => TurnRecord;
};

export type ChatSession = {
	readonly state: ChatState;
	readonly dispatch: (action: ChatAction) => void;
	readonly isStreaming: boolean;
	/** Starts a turn; false when one is still running. */
	readonly send: (question: ChatQuestion, options: SendOptions) => boolean;
	/** Stops the answer being streamed; what arrived stays. Returns whether one was running. */
	readonly interrupt: () => boolean;
};

export function useChatSession({client, initialState, classify, explain, provider, advise, now = Date.now}: ChatSessionOptions): ChatSession {
	const [state, dispatch] = useReducer(chatReducer, initialState);
	const controllerRef = useRef<AbortController | undefined>(undefined);
	// The conversation as last committed, for building the next request outside a render. A layout
	// effect runs as the commit happens, so no key press can come between a commit and this update.
	const exchangesRef = useRef(state.exchanges);
	useLayoutEffect(() => {
		exchangesRef.current = state.exchanges;
	}, [state.exchanges]);

	useEffect(() => () => controllerRef.current?.abort(), []);

	const send = useCallback(
		(question: ChatQuestion, {model, enableThinking, textOnly, replacesLast = false, record: startRecord}: SendOptions) => {
			if (controllerRef.current) return false;
			const controller = new AbortController();
			controllerRef.current = controller;
			const history = replacesLast ? exchangesRef.current.slice(0, -1) : exchangesRef.current;
			const messages = chatRequestMessages({provider, history, question, textOnly});
			dispatch({type: 'send', text: question.text, images: question.images, model, at: now(), replacesLast});
			const record = startRecord?.();
			let answer = '';
			let reasoning = '';

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
						onUsage: usage => dispatch({type: 'usage', usage}),
						classify: error => classify(error, model),
					});
				} catch (error) {
					outcome = {outcome: 'failed' as const, error: classify(error, model)};
				}

				if (outcome.outcome === 'failed') {
					const error = explain ? await explain(outcome.error, controller.signal).catch(() => outcome.error) : outcome.error;
					controllerRef.current = undefined;
					const shown = advise ? advise(error) : error;
					record?.finish('failed', shown);
					dispatch({type: 'fail', at: now(), error: shown});
				} else {
					controllerRef.current = undefined;
					record?.finish(outcome.outcome);
					dispatch({type: 'end', at: now(), outcome: outcome.outcome});
				}
			})();
			return true;
		},
		[client, classify, explain, provider, advise, now],
	);

	const interrupt = useCallback(() => {
		const controller = controllerRef.current;
		if (!controller || controller.signal.aborted) return false;
		controller.abort();
		return true;
	}, []);

	return {state, dispatch, isStreaming: state.live !== undefined, send, interrupt};
}
