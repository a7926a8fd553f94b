/**
 * The transcript as a pure reducer: finished entries (written once to
 * the terminal's scrollback), the turn being streamed, and the conversation
 * that is sent back to the model. Times come in with the actions, so the same
 * actions always give the same state.
 */
import type {PastImage} from '../../../core/chat-request.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ImageAttachment} from '../../../core/images.js';
import {splitFinishedMarkdown} from '../../../core/markdown-blocks.js';
import {tokensPerSecond} from '../../../core/token-rate.js';
import {codeBlocksIn} from '../markdown/code-blocks.js';
import {estimateTokens} from './estimate-tokens.js';

export type NoticeTone = 'info' | 'success' | 'warning';

export type Entry =
	| {readonly id: number; readonly kind: 'user'; readonly text: string; readonly images: readonly string[]}
	| {readonly id: number; readonly kind: 'reasoning'; readonly text: string; readonly collapsed: boolean}
	/**
	 * One or more whole markdown blocks of an answer. Its code blocks are numbered on screen across the pane,
	 * from `firstCodeLabel` (what /copy code n copies).
	 */
	| {readonly id: number; readonly kind: 'answer'; readonly markdown: string; readonly firstCodeLabel?: number; readonly codeBlocks?: readonly string[]}
	| {readonly id: number; readonly kind: 'interrupted'}
	| {readonly id: number; readonly kind: 'error'; readonly error: ClassifiedError}
	| {readonly id: number; readonly kind: 'notice'; readonly text: string; readonly tone: NoticeTone}
	| {readonly id: number; readonly kind: 'help'};

export type Usage = {readonly promptTokens: number; readonly completionTokens: number};

/** One question and what came back; the conversation is a list of these. */
export type Exchange = {
	readonly text: string;
	/** Sent with the question; a resumed session knows them only by path. */
	readonly images: readonly (ImageAttachment | PastImage)[];
	readonly model: string;
	readonly answer: string;
	readonly reasoning: string;
	readonly outcome: 'done' | 'interrupted' | 'failed';
	readonly error?: ClassifiedError;
};

export type LiveTurn = {
	readonly exchange: Exchange;
	/** Answer text not yet moved to the entries (it may still change). */
	readonly liveAnswer: string;
	/**
	 * Whether the reasoning has been moved to the entries. It stays in the live
	 * area, where Ctrl+O opens and closes it in place, until the first block of
	 * the answer goes to scrollback (or the turn ends).
	 */
	readonly reasoningDone: boolean;
	readonly startedAt: number;
	readonly firstTokenAt?: number;
	readonly usage?: Usage;
	/** Tokens received so far, estimated from the text (estimate-tokens.ts), until `usage` says. */
	readonly estimatedTokens: number;
	/** Length of `liveAnswer` when splitting was last tried (see `shouldTrySplit`). */
	readonly splitCheckedAt: number;
};

export type AnswerStats = {
	readonly model: string;
	readonly usage?: Usage;
	readonly timeToFirstTokenMs?: number;
	readonly tokensPerSecond?: number;
};

export type ChatState = {
	readonly entries: readonly Entry[];
	readonly nextId: number;
	readonly live?: LiveTurn;
	/** The conversation since the last /new (or the one resumed). */
	readonly exchanges: readonly Exchange[];
	/** Code blocks numbered so far; the next one written gets this plus one. */
	readonly codeBlocks: number;
	readonly lastAnswer?: AnswerStats;
	/** How reasoning is shown: one line, or in full (Ctrl+O). */
	readonly reasoningCollapsed: boolean;
	/**
	 * Ctrl+O was pressed with no reasoning on screen to open or close (what is in
	 * scrollback stays as written): the setting applies from the next answer on.
	 */
	readonly reasoningForNextAnswer: boolean;
};

export type ChatAction =
	/** `replacesLast`: the answer takes the place of the last exchange (/retry, an edited prompt). */
	| {type: 'send'; text: string; images: readonly (ImageAttachment | PastImage)[]; model: string; at: number; replacesLast?: boolean}
	| {type: 'delta'; content: string; reasoning: string; at: number}
	| {type: 'usage'; usage: Usage}
	| {type: 'end'; at: number; outcome: 'done' | 'interrupted'}
	| {type: 'fail'; at: number; error: ClassifiedError}
	| {type: 'notice'; text: string; tone?: NoticeTone}
	| {type: 'help'}
	/** A new conversation; `text` says so. */
	| {type: 'clear'; text?: string}
	/** A saved conversation goes on: its exchanges are shown as they were and sent with the next message. */
	| {type: 'resume'; notice: string; exchanges: readonly Exchange[]}
	| {type: 'toggle-reasoning'};

export const initialChatState: ChatState = {
	entries: [],
	nextId: 1,
	exchanges: [],
	codeBlocks: 0,
	reasoningCollapsed: true,
	reasoningForNextAnswer: false,
};

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
	switch (action.type) {
		case 'send': {
			if (state.live) return state;
			const exchange: Exchange = {
				text: action.text,
				images: action.images,
				model: action.model,
				answer: '',
				reasoning: '',
				outcome: 'done',
			};
			const images = action.images.map(image => image.path);
			const exchanges = action.replacesLast ? state.exchanges.slice(0, -1) : state.exchanges;
			return {
				...append({...state, exchanges}, {kind: 'user', text: action.text, images}),
				live: {exchange, liveAnswer: '', reasoningDone: false, startedAt: action.at, splitCheckedAt: 0, estimatedTokens: 0},
				reasoningForNextAnswer: false,
			};
		}

		case 'delta': {
			const {live} = state;
			if (!live || (action.content === '' && action.reasoning === '')) return state;
			let next = state;
			const exchange = {
				...live.exchange,
				answer: live.exchange.answer + action.content,
				reasoning: live.exchange.reasoning + action.reasoning,
			};
			let turn: LiveTurn = {
				...live,
				exchange,
				liveAnswer: live.liveAnswer + action.content,
				firstTokenAt: live.firstTokenAt ?? action.at,
				estimatedTokens: live.estimatedTokens + estimateTokens(action.content) + estimateTokens(action.reasoning),
			};
			if (shouldTrySplit(turn, action.content)) {
				const {finished, live: rest} = splitFinishedMarkdown(turn.liveAnswer);
				if (finished !== '') {
					// The reasoning goes to scrollback first, above the answer, as it is shown now.
					if (!turn.reasoningDone) {
						next = appendReasoning(next, exchange.reasoning);
						turn = {...turn, reasoningDone: true};
					}

					next = appendAnswer(next, finished);
				}

				turn = {...turn, liveAnswer: rest, splitCheckedAt: rest.length};
			}

			return {...next, live: turn};
		}

		case 'usage': {
			return state.live ? {...state, live: {...state.live, usage: action.usage}} : state;
		}

		case 'end': {
			return finishTurn(state, action.at, action.outcome);
		}

		case 'fail': {
			const next = finishTurn(state, action.at, 'failed', action.error);
			return append(next, {kind: 'error', error: action.error});
		}

		case 'notice': {
			return append(state, {kind: 'notice', text: action.text, tone: action.tone ?? 'info'});
		}

		case 'help': {
			return append(state, {kind: 'help'});
		}

		case 'clear': {
			if (state.live) return state;
			return append({...state, exchanges: []}, {kind: 'notice', text: action.text ?? 'New conversation: the model starts fresh.', tone: 'info'});
		}

		case 'resume': {
			if (state.live) return state;
			let next = append(state, {kind: 'notice', text: action.notice, tone: 'info'});
			for (const exchange of action.exchanges) next = appendExchange(next, exchange);
			return {...next, exchanges: action.exchanges};
		}

		case 'toggle-reasoning': {
			// Reasoning still in the live area opens or closes in place; scrollback cannot be
			// rewritten, so otherwise the setting waits for the next answer, and nothing is written.
			const inPlace = state.live !== undefined && !state.live.reasoningDone && state.live.exchange.reasoning !== '';
			return {...state, reasoningCollapsed: !state.reasoningCollapsed, reasoningForNextAnswer: !inPlace};
		}
	}
}

/**
 * Splitting re-lexes the live text, so it is tried only when a line ended, and
 * once the live text is long only after it grew by a quarter: the total work
 * stays linear in the answer's length even when no block ever ends.
 */
function shouldTrySplit(turn: LiveTurn, added: string): boolean {
	if (!added.includes('\n')) return false;
	const length = turn.liveAnswer.length;
	return length < 16_384 || length - turn.splitCheckedAt >= length / 4;
}

function finishTurn(
	state: ChatState,
	at: number,
	outcome: Exchange['outcome'],
	error?: ClassifiedError,
): ChatState {
	const {live} = state;
	if (!live) return state;
	let next = state;
	if (!live.reasoningDone) next = appendReasoning(next, live.exchange.reasoning);
	if (live.liveAnswer.trim() !== '') next = appendAnswer(next, live.liveAnswer);
	if (outcome === 'interrupted') next = append(next, {kind: 'interrupted'});

	const exchange: Exchange = {...live.exchange, outcome, ...(error ? {error} : {})};
	return {
		...next,
		live: undefined,
		exchanges: [...state.exchanges, exchange],
		lastAnswer: statsFor(live, at),
	};
}

function statsFor(live: LiveTurn, at: number): AnswerStats {
	const {firstTokenAt, usage} = live;
	const streamingMs = firstTokenAt === undefined ? 0 : at - firstTokenAt;
	return {
		model: live.exchange.model,
		usage,
		timeToFirstTokenMs: firstTokenAt === undefined ? undefined : firstTokenAt - live.startedAt,
		tokensPerSecond: usage ? tokensPerSecond(usage.completionTokens, streamingMs) : undefined,
	};
}

function appendReasoning(state: ChatState, text: string): ChatState {
	if (text.trim() === '') return state;
	return append(state, {kind: 'reasoning', text, collapsed: state.reasoningCollapsed});
}

/** An earlier exchange written as it was when it happened: the prompt, the thinking as one line, the answer, how it ended. */
function appendExchange(state: ChatState, exchange: Exchange): ChatState {
	let next = append(state, {kind: 'user', text: exchange.text, images: exchange.images.map(image => image.path)});
	if (exchange.reasoning.trim() !== '') next = append(next, {kind: 'reasoning', text: exchange.reasoning, collapsed: true});
	if (exchange.answer.trim() !== '') next = appendAnswer(next, exchange.answer);
	if (exchange.outcome === 'interrupted') next = append(next, {kind: 'interrupted'});
	if (exchange.error) next = append(next, {kind: 'error', error: exchange.error});
	return next;
}

function appendAnswer(state: ChatState, markdown: string): ChatState {
	const codeBlocks = codeBlocksIn(markdown);
	const next = append(state, {kind: 'answer', markdown, firstCodeLabel: state.codeBlocks + 1, codeBlocks});
	return {...next, codeBlocks: state.codeBlocks + codeBlocks.length};
}

type NewEntry = Entry extends infer E ? (E extends {id: number} ? Omit<E, 'id'> : never) : never;

function append(state: ChatState, entry: NewEntry): ChatState {
	return {...state, entries: [...state.entries, {...entry, id: state.nextId}], nextId: state.nextId + 1};
}
