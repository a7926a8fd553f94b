/**
 * The transcript as a pure reducer: finished entries (written once to
 * the terminal's scrollback), the turn being streamed, and the conversation
 * that is sent back to the model: its exchanges, the summary that stands in
 * for the older ones once compacted, where the last request left the context
 * window, and what its requests have cost. Times come in with the actions, so
 * the same actions always give the same state.
 */
import type {ConversationSummary, PastImage} from '../../../core/chat-request.js';
import {measuredContext, type MeasuredContext} from '../../../core/conversation/context-meter.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ImageAttachment} from '../../../core/images.js';
import {splitFinishedMarkdown} from '../../../core/markdown-blocks.js';
import {plainText} from '../../../core/terminal-text.js';
import type {RegionId} from '../../../core/regions.js';
import {tokensPerSecond} from '../../../core/token-rate.js';
import {estimateTokens} from '../../../core/usage/estimate-tokens.js';
import {addRequest, NO_USAGE, wasCutOff, type MeteredRequest, type RequestUsage, type UsageTotals} from '../../../core/usage/metered-request.js';
import {codeBlocksIn} from '../markdown/code-blocks.js';

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
	/** The answer above reached the output limit (finish_reason "length"); `tokens`: its output tokens. */
	| {readonly id: number; readonly kind: 'cut-off'; readonly tokens?: number}
	| {readonly id: number; readonly kind: 'error'; readonly error: ClassifiedError}
	| {readonly id: number; readonly kind: 'notice'; readonly text: string; readonly tone: NoticeTone}
	| {readonly id: number; readonly kind: 'help'};

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
	/** The request as billed; undefined for exchanges resumed from before usage was saved. */
	readonly metered?: MeteredRequest;
};

/** Where a request goes and with what setting: what its price depends on besides its usage. */
export type RequestSetting = {readonly region?: RegionId; readonly thinking: boolean};

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
	readonly setting: RequestSetting;
	readonly usage?: RequestUsage;
	/** Tokens received so far, estimated from the text (estimate-tokens.ts), until `usage` says. */
	readonly estimatedTokens: number;
	/** Length of `liveAnswer` when splitting was last tried (see `shouldTrySplit`). */
	readonly splitCheckedAt: number;
};

export type AnswerStats = {
	/** The request as billed: model, usage, finish_reason. */
	readonly request: MeteredRequest;
	readonly timeToFirstTokenMs?: number;
	readonly tokensPerSecond?: number;
};

/** A summary being written (/compact, or before a message that would not fit). */
export type Compacting = {readonly startedAt: number; readonly auto: boolean; readonly estimatedTokens: number};

/** How the last request ended, an answer's or a compaction's: what a queued message waits for. */
export type LastRun = {readonly what: 'answer' | 'compaction'; readonly outcome: Exchange['outcome']};

export type ChatState = {
	readonly entries: readonly Entry[];
	readonly nextId: number;
	readonly live?: LiveTurn;
	/** The conversation since the last /new (or the one resumed), compacted turns included: /save writes them all. */
	readonly exchanges: readonly Exchange[];
	/** Stands in for the first exchanges in what is sent, once compacted. */
	readonly summary?: ConversationSummary;
	/** The context as the last request counted it; undefined until one has, and after a compaction. */
	readonly measured?: MeasuredContext;
	/** A compaction did not shrink the conversation enough: it is not tried again by itself. */
	readonly autoCompactHeld: boolean;
	/** The warning that the window is nearly full has been given (again once it drops below). */
	readonly contextWarned: boolean;
	/** Every request of this conversation (retried answers and compactions too): estimated costs, requests without a price. */
	readonly usage: UsageTotals;
	readonly compacting?: Compacting;
	readonly lastRun?: LastRun;
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
	| {
			type: 'send';
			text: string;
			images: readonly (ImageAttachment | PastImage)[];
			model: string;
			at: number;
			replacesLast?: boolean;
			setting?: RequestSetting;
	  }
	| {type: 'delta'; content: string; reasoning: string; at: number}
	| {type: 'usage'; usage: RequestUsage}
	| {type: 'end'; at: number; outcome: 'done' | 'interrupted'; finishReason?: string}
	| {type: 'compaction-started'; at: number; auto: boolean}
	| {type: 'compaction-delta'; tokens: number}
	/** The summary's request ended; `request` is billed whether or not the summary is used. */
	| {type: 'compaction-ended'; outcome: Exchange['outcome']; request?: MeteredRequest}
	/** The summary stands in for the first `summary.turns` exchanges from now on; `holdAuto`: it was not enough. */
	| {type: 'compacted'; summary: ConversationSummary; holdAuto: boolean}
	/** A compaction was not used: it is not tried again by itself. */
	| {type: 'auto-compaction-held'}
	| {type: 'context-warned'; warned: boolean}
	| {type: 'fail'; at: number; error: ClassifiedError}
	| {type: 'notice'; text: string; tone?: NoticeTone}
	| {type: 'help'}
	/** A new conversation; `text` says so. */
	| {type: 'clear'; text?: string}
	/** A saved conversation goes on: its exchanges are shown as they were and sent with the next message (the summary in place of the ones it covers). */
	| {type: 'resume'; notice: string; exchanges: readonly Exchange[]; summary?: ConversationSummary; usage?: UsageTotals}
	| {type: 'toggle-reasoning'};

export const initialChatState: ChatState = {
	entries: [],
	nextId: 1,
	exchanges: [],
	autoCompactHeld: false,
	contextWarned: false,
	usage: NO_USAGE,
	codeBlocks: 0,
	reasoningCollapsed: true,
	reasoningForNextAnswer: false,
};

/** What a new conversation starts from: no summary, nothing measured or spent. */
const FRESH_CONVERSATION = {summary: undefined, measured: undefined, autoCompactHeld: false, contextWarned: false, usage: NO_USAGE} as const;

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
	switch (action.type) {
		case 'send': {
			if (state.live || state.compacting) return state;
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
			// The count covered the exchange being replaced.
			const measured = action.replacesLast ? undefined : state.measured;
			const setting = action.setting ?? {thinking: false};
			return {
				...append({...state, exchanges, measured}, {kind: 'user', text: action.text, images}),
				live: {exchange, liveAnswer: '', reasoningDone: false, startedAt: action.at, splitCheckedAt: 0, estimatedTokens: 0, setting},
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
			return finishTurn(state, action.at, action.outcome, undefined, action.finishReason);
		}

		case 'compaction-started': {
			if (state.live || state.compacting) return state;
			return {...state, compacting: {startedAt: action.at, auto: action.auto, estimatedTokens: 0}};
		}

		case 'compaction-delta': {
			const {compacting} = state;
			return compacting ? {...state, compacting: {...compacting, estimatedTokens: compacting.estimatedTokens + action.tokens}} : state;
		}

		case 'compaction-ended': {
			const usage = action.request ? addRequest(state.usage, action.request) : state.usage;
			return {...state, compacting: undefined, usage, lastRun: {what: 'compaction', outcome: action.outcome}};
		}

		case 'compacted': {
			return {...state, summary: action.summary, measured: undefined, autoCompactHeld: action.holdAuto};
		}

		case 'auto-compaction-held': {
			return state.autoCompactHeld ? state : {...state, autoCompactHeld: true};
		}

		case 'context-warned': {
			return state.contextWarned === action.warned ? state : {...state, contextWarned: action.warned};
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
			if (state.live || state.compacting) return state;
			return append({...state, ...FRESH_CONVERSATION, exchanges: []}, {kind: 'notice', text: action.text ?? 'New conversation: the model starts fresh.', tone: 'info'});
		}

		case 'resume': {
			if (state.live || state.compacting) return state;
			// Built in one list: a thousand turns are thousands of entries, and copying the list for each would be quadratic.
			const draft = draftOf(state);
			addEntry(draft, {kind: 'notice', text: action.notice, tone: 'info'});
			for (const [index, exchange] of action.exchanges.entries()) {
				addExchange(draft, exchange);
				if (action.summary && index === action.summary.turns - 1) {
					addEntry(draft, {kind: 'notice', text: summaryStandsInNotice(action.summary.turns), tone: 'info'});
				}
			}

			return {
				...withDraft(state, draft),
				...FRESH_CONVERSATION,
				exchanges: action.exchanges,
				...(action.summary ? {summary: action.summary} : {}),
				usage: action.usage ?? NO_USAGE,
			};
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

/** The notice in a resumed transcript after the turns a summary stands in for. */
function summaryStandsInNotice(turns: number): string {
	return `The ${turns === 1 ? 'turn' : `${turns} turns`} above ${turns === 1 ? 'was' : 'were'} compacted: a summary goes in ${turns === 1 ? 'its' : 'their'} place.`;
}

function finishTurn(
	state: ChatState,
	at: number,
	outcome: Exchange['outcome'],
	error?: ClassifiedError,
	finishReason?: string,
): ChatState {
	const {live} = state;
	if (!live) return state;
	let next = state;
	if (!live.reasoningDone) next = appendReasoning(next, live.exchange.reasoning);
	if (live.liveAnswer.trim() !== '') next = appendAnswer(next, live.liveAnswer);
	if (outcome === 'interrupted') next = append(next, {kind: 'interrupted'});
	const request: MeteredRequest = {
		model: live.exchange.model,
		...(live.setting.region ? {region: live.setting.region} : {}),
		thinking: live.setting.thinking,
		...(finishReason ? {finishReason} : {}),
		...(live.usage ? {usage: live.usage} : {}),
	};
	if (wasCutOff(request)) next = append(next, {kind: 'cut-off', ...(live.usage ? {tokens: live.usage.completionTokens} : {})});

	const exchange: Exchange = {...live.exchange, outcome, ...(error ? {error} : {}), metered: request};
	const exchanges = [...state.exchanges, exchange];
	return {
		...next,
		live: undefined,
		exchanges,
		measured: live.usage ? measuredContext(live.usage, exchanges.length) : next.measured,
		usage: addRequest(state.usage, request),
		lastAnswer: statsFor(live, at, request),
		lastRun: {what: 'answer', outcome},
	};
}

function statsFor(live: LiveTurn, at: number, request: MeteredRequest): AnswerStats {
	const {firstTokenAt, usage} = live;
	const streamingMs = firstTokenAt === undefined ? 0 : at - firstTokenAt;
	return {
		request,
		...(firstTokenAt === undefined ? {} : {timeToFirstTokenMs: firstTokenAt - live.startedAt}),
		...(usage ? {tokensPerSecond: tokensPerSecond(usage.completionTokens, streamingMs)} : {}),
	};
}

function appendReasoning(state: ChatState, text: string): ChatState {
	if (text.trim() === '') return state;
	return append(state, {kind: 'reasoning', text, collapsed: state.reasoningCollapsed});
}

/**
 * An earlier exchange written as it was when it happened: the prompt, the thinking as one line, the answer, how it ended.
 * Its text is made printable as a streamed answer's is (stream-turn.ts): a store may hold text saved before that was done.
 */
function addExchange(draft: EntriesDraft, exchange: Exchange): void {
	addEntry(draft, {kind: 'user', text: exchange.text, images: exchange.images.map(image => image.path)});
	const reasoning = plainText(exchange.reasoning);
	const answer = plainText(exchange.answer);
	if (reasoning.trim() !== '') addEntry(draft, {kind: 'reasoning', text: reasoning, collapsed: true});
	if (answer.trim() !== '') addAnswer(draft, answer);
	if (exchange.outcome === 'interrupted') addEntry(draft, {kind: 'interrupted'});
	if (exchange.metered && wasCutOff(exchange.metered)) {
		const tokens = exchange.metered.usage?.completionTokens;
		addEntry(draft, {kind: 'cut-off', ...(tokens === undefined ? {} : {tokens})});
	}

	if (exchange.error) addEntry(draft, {kind: 'error', error: exchange.error});
}

function appendAnswer(state: ChatState, markdown: string): ChatState {
	const draft = draftOf(state);
	addAnswer(draft, markdown);
	return withDraft(state, draft);
}

function addAnswer(draft: EntriesDraft, markdown: string): void {
	const codeBlocks = codeBlocksIn(markdown);
	addEntry(draft, {kind: 'answer', markdown, firstCodeLabel: draft.codeBlocks + 1, codeBlocks});
	draft.codeBlocks += codeBlocks.length;
}

type NewEntry = Entry extends infer E ? (E extends {id: number} ? Omit<E, 'id'> : never) : never;

function append(state: ChatState, entry: NewEntry): ChatState {
	return {...state, entries: [...state.entries, {...entry, id: state.nextId}], nextId: state.nextId + 1};
}

/** Entries being added to a copy of the state's list, for a change that adds many at once. */
type EntriesDraft = {entries: Entry[]; nextId: number; codeBlocks: number};

function draftOf(state: ChatState): EntriesDraft {
	return {entries: [...state.entries], nextId: state.nextId, codeBlocks: state.codeBlocks};
}

function addEntry(draft: EntriesDraft, entry: NewEntry): void {
	draft.entries.push({...entry, id: draft.nextId});
	draft.nextId++;
}

function withDraft(state: ChatState, draft: EntriesDraft): ChatState {
	return {...state, entries: draft.entries, nextId: draft.nextId, codeBlocks: draft.codeBlocks};
}
