/**
 * Saving a one-shot `chat` run, so it can be followed up with -c: the
 * question, the answer as it streams (read from the events on their way to
 * stdout, written at most once a second) and how it ended.
 *
 * A new conversation is written only once the service answers: a request it
 * refuses (a wrong key, a model it does not have) leaves no file behind, and
 * nothing waits on the store before the request goes out.
 */
import fs from 'node:fs';
import type {AppError} from '../core/app-error.js';
import type {PastExchange} from '../core/chat-request.js';
import type {StreamEvent} from '../core/dashscope-client.js';
import {usageFromEvent, type MeteredRequest} from '../core/usage/metered-request.js';
import {createSessionRecorder, type RecordedQuestion, type SessionRecorder, type TurnRecord} from '../core/sessions/session-recorder.js';
import {sessionStoreFile, type SessionStore} from '../core/sessions/session-store.js';
import {readOnlyNewerStore} from '../core/sessions/store-errors.js';
import {SAVING_OFF_NOTICE} from '../core/messages.js';
import {notSavedNotice, storeForNewConversation, type ContinuedConversation} from './chat-sessions.js';
import type {Env} from '../core/env.js';
import type {CommandContext} from './context.js';
import {shortId} from './sessions/session-table.js';

export type OneShotRecording = {
	/** The earlier turns of a continued conversation (a summary may stand in for the first of them). */
	readonly history: readonly PastExchange[];
	/** Records the question; its answer's events (usage and finish_reason among them) go through `watch` on their way out. */
	begin(question: RecordedQuestion, request: Pick<MeteredRequest, 'region' | 'thinking'>): AnswerRecording;
	/** Saves how the run ended (by its exit code) and closes the store: what went wrong, and which session it went to. */
	end(exitCode: number): {problem?: string; session: string};
};

export type AnswerRecording = {
	watch(events: AsyncIterable<StreamEvent>): AsyncIterable<StreamEvent>;
};

type Input = {readonly env: Env; readonly save: boolean; readonly continued?: ContinuedConversation; readonly secrets: readonly string[]};

type RunState = {
	recorder?: SessionRecorder;
	record?: TurnRecord;
	/** The stream ended by itself (not stopped, not failed). */
	completed: boolean;
	/** Why nothing is saved, when that is so. */
	notSaved?: string;
	/** A store that could not be written: said once, after the answer. */
	problem?: AppError | string;
	opened?: SessionStore;
};

export function prepareOneShotRecording(input: Input): OneShotRecording {
	const {env, continued, save, secrets} = input;
	const state: RunState = {completed: false, ...(continued ? {opened: continued.store} : {})};
	if (!save) state.notSaved = SAVING_OFF_NOTICE;
	else if (continued?.store.readOnly) state.problem = readOnlyNewerStore(continued.store.file);

	// An existing store is opened now, so a lock another program holds delays the request, never the answer;
	// a new one is created when the first answer text arrives.
	let opening: {store?: SessionStore; notice?: string} | undefined;
	const openStore = () => {
		opening ??= storeForNewConversation(env, true, {read: false});
		if (opening.store) state.opened = opening.store;
		if (opening.notice) state.problem = opening.notice;
	};

	if (save && !continued && fs.existsSync(sessionStoreFile(env))) openStore();
	const writableStore = (): SessionStore | undefined => {
		if (!save || state.problem) return undefined;
		if (continued) return continued.store;
		openStore();
		return state.problem ? undefined : opening?.store;
	};

	return {
		history: (continued?.turns ?? []).map(turn => ({text: turn.prompt, images: turn.images, answer: turn.answer})),
		begin(question, request) {
			let answer = '';
			let reasoning = '';
			let measured: Omit<MeteredRequest, 'model'> = request;
			const start = () => {
				const store = writableStore();
				state.recorder = createSessionRecorder({
					store,
					secrets,
					onFailure(error) {
						state.problem = error;
					},
					...(continued ? {sessionId: continued.session.id, lastTurnId: continued.turns.at(-1)?.id} : {}),
				});
				state.record = state.recorder.startTurn(question);
			};

			return {
				watch: events =>
					observed(events, {
						onEvent(event) {
							if (event.type === 'usage') measured = {...measured, usage: usageFromEvent(event)};
							else if (event.type === 'done' && event.finishReason !== null) measured = {...measured, finishReason: event.finishReason};
							if (event.type === 'content') answer += event.text;
							else if (event.type === 'reasoning') reasoning += event.text;
							else return;
							if (!state.record) start();
							state.record?.progress(answer, reasoning);
						},
						onEnd() {
							state.completed = true;
							// An empty answer is an answer too.
							if (!state.record) start();
							state.record?.measured(measured);
						},
					}),
			};
		},
		end(exitCode) {
			const {record, recorder, problem} = state;
			record?.finish(state.completed && exitCode === 0 ? 'done' : exitCode === 1 ? 'failed' : 'interrupted');
			recorder?.close();
			state.opened?.close();
			return {
				...(problem ? {problem: typeof problem === 'string' ? problem : notSavedNotice(problem)} : {}),
				session: describe(state, continued?.turns.length ?? 0),
			};
		},
	};
}

/**
 * After the run: how it ended goes to the store, a store that could not be
 * written is said in one line on stderr, and with --verbose the session id.
 */
export function finishOneShotRecording(context: CommandContext, recording: OneShotRecording, exitCode: number, verbose: boolean): void {
	const {problem, session} = recording.end(exitCode);
	if (problem) context.warn(context.err.yellow(`warning: ${problem}`));
	if (verbose) context.warn(context.err.dim(session));
}

function describe(state: RunState, earlierTurns: number): string {
	const sessionId = state.recorder?.saving ? state.recorder.sessionId : undefined;
	if (sessionId === undefined) return `session: not saved${state.notSaved ? ` (${state.notSaved.replace(/^Not saved: /, '')})` : state.record ? '' : ' (no answer came back)'}`;
	const after = earlierTurns > 0 ? `, after ${earlierTurns} earlier turn${earlierTurns === 1 ? '' : 's'}` : ' (new)';
	return `session ${sessionId}${after} · follow up with -c or --session ${shortId(sessionId)}`;
}

/** The same events, each shown to `onEvent` as it passes (one call, no extra await per event). */
function observed(events: AsyncIterable<StreamEvent>, handlers: {onEvent(event: StreamEvent): void; onEnd(): void}): AsyncIterable<StreamEvent> {
	return {
		[Symbol.asyncIterator]() {
			const iterator = events[Symbol.asyncIterator]();
			return {
				next: async () =>
					iterator.next().then(result => {
						if (result.done) handlers.onEnd();
						else handlers.onEvent(result.value);
						return result;
					}),
				async return(value?: unknown) {
					return iterator.return ? iterator.return(value) : {done: true as const, value: undefined};
				},
			};
		},
	};
}
