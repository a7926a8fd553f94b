/**
 * Runs the conversation: sends a question with the history, streams the
 * answer into the transcript reducer in batches, and stops it on request.
 */
import {useCallback, useEffect, useLayoutEffect, useReducer, useRef} from 'react';
import {chatRequestMessages, type ChatQuestion} from '../../../core/chat-request.js';
import type {DashScopeClient} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ModelProvider} from '../../../core/models.js';
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
		(question: ChatQuestion, {model, enableThinking, textOnly}: SendOptions) => {
			if (controllerRef.current) return false;
			const controller = new AbortController();
			controllerRef.current = controller;
			const messages = chatRequestMessages({provider, history: exchangesRef.current, question, textOnly});
			dispatch({type: 'send', text: question.text, images: question.images, model, at: now()});

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
						onBatch: batch => dispatch({type: 'delta', ...batch, at: now()}),
						onUsage: usage => dispatch({type: 'usage', usage}),
						classify: error => classify(error, model),
					});
				} catch (error) {
					outcome = {outcome: 'failed' as const, error: classify(error, model)};
				}

				if (outcome.outcome === 'failed') {
					const error = explain ? await explain(outcome.error, controller.signal).catch(() => outcome.error) : outcome.error;
					controllerRef.current = undefined;
					dispatch({type: 'fail', at: now(), error: advise ? advise(error) : error});
				} else {
					controllerRef.current = undefined;
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
