/**
 * The pane's own state as a pure reducer: the model and thinking setting for
 * the next message, the images attached to it, what covers the prompt (the
 * model picker, the session picker, or the question whether to switch to a
 * vision model), the double Ctrl+C and double Esc, whether the next message
 * replaces the last one (an edit), and a message typed ahead while an answer streams. Each
 * action is applied to the latest state, so two keys that arrive before a
 * render still both count. The conversation itself is
 * the transcript's (transcript/transcript-state.ts).
 */
import type {ImageAttachment} from '../../../core/images.js';
import {readsOnlyText} from '../../../core/models.js';

export type Overlay =
	| {readonly kind: 'picker'; readonly regionModelIds?: readonly string[]}
	/** Saved conversations, filtered by what is typed (starting with `query`). */
	| {readonly kind: 'sessions'; readonly query: string}
	| {readonly kind: 'vision'; readonly image: ImageAttachment; readonly visionModel: string};

export type PaneState = {
	readonly model: string;
	/** undefined until /think: the model's own default applies. */
	readonly thinking?: boolean;
	/** Attached to the next message. */
	readonly images: readonly ImageAttachment[];
	readonly overlay?: Overlay;
	/** When the first Ctrl+C of a possible double press came. */
	readonly exitArmedAt?: number;
	/** A second Ctrl+C came in time: the pane closes. */
	readonly leaving: boolean;
	/** When an Esc that stopped nothing came: a second one soon after edits the last message. */
	readonly escArmedAt?: number;
	/** The last message is back in the prompt: the next message sent takes its place. */
	readonly editing?: boolean;
	/** A message sent while an answer streamed: it goes when that answer ends (one at a time). */
	readonly queued?: string;
};

export type PaneAction =
	| {type: 'model-switched'; model: string}
	| {type: 'thinking-set'; enabled: boolean}
	/** `visionModel`: the model reads no images, so ask whether to switch to this one. */
	| {type: 'image-attached'; image: ImageAttachment; visionModel?: string}
	| {type: 'image-declined'; image: ImageAttachment}
	/** The images went with a message; ones attached since stay for the next. */
	| {type: 'images-sent'; images: readonly ImageAttachment[]}
	| {type: 'images-cleared'}
	| {type: 'picker-opened'}
	| {type: 'picker-listed'; regionModelIds: readonly string[]}
	| {type: 'session-picker-opened'; query: string}
	| {type: 'overlay-closed'}
	/** `stoppedAnswer`: the press stopped a streaming answer, and does nothing else. */
	| {type: 'ctrl-c'; at: number; stoppedAnswer: boolean}
	| {type: 'exit-expired'; armedAt: number}
	/** Esc with no answer streaming and no menu open. */
	| {type: 'esc'; at: number}
	| {type: 'edit-started'}
	/** Sent, or no longer wanted (a new conversation, another resumed). */
	| {type: 'edit-ended'}
	| {type: 'leave'}
	| {type: 'message-queued'; text: string}
	/** The queued message was sent, or handed back to the prompt. */
	| {type: 'queue-taken'};

/** Whether a message sent now can wait for the answer being streamed (only one waits at a time). */
export function canQueue(state: PaneState): boolean {
	return state.queued === undefined;
}

/**
 * What becomes of a queued message once the answer it waited for has ended:
 * sent after a whole answer; after a stopped or failed one the user decides,
 * so it goes back to the prompt.
 */
export function queuedMessageAfter(outcome: 'done' | 'interrupted' | 'failed' | undefined): 'send' | 'stopped' | 'failed' {
	if (outcome === 'interrupted') return 'stopped';
	return outcome === 'failed' ? 'failed' : 'send';
}

/** The second Ctrl+C must come within this to exit. */
export const DOUBLE_PRESS_MS = 1000;

/**
 * The pane as it opens; images from the command line get the same offer as
 * /image. `pickSession` (--resume without an id) opens the session picker.
 */
export function initialPaneState(model: string, images: readonly ImageAttachment[], visionModel: string, pickSession = false): PaneState {
	const first = images[0];
	const state: PaneState = {model, images, leaving: false};
	if (first && readsOnlyText(model)) return {...state, overlay: {kind: 'vision', image: first, visionModel}};
	return pickSession ? {...state, overlay: {kind: 'sessions', query: ''}} : state;
}

/** Whether an Esc at `at` is the second of a double press. */
export function isSecondEsc(state: PaneState, at: number): boolean {
	return state.escArmedAt !== undefined && at - state.escArmedAt < DOUBLE_PRESS_MS;
}

/** Whether a Ctrl+C at `at` is the second of a double press. */
export function isSecondPress(state: PaneState, at: number): boolean {
	return state.exitArmedAt !== undefined && at - state.exitArmedAt < DOUBLE_PRESS_MS;
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
	switch (action.type) {
		case 'model-switched':
			return {...state, model: action.model};
		case 'thinking-set':
			return {...state, thinking: action.enabled};
		case 'image-attached': {
			const images = [...state.images, action.image];
			if (action.visionModel === undefined) return {...state, images};
			return {...state, images, overlay: {kind: 'vision', image: action.image, visionModel: action.visionModel}};
		}

		case 'image-declined':
			return {...state, images: state.images.filter(image => image !== action.image)};
		case 'images-sent':
			return {...state, images: state.images.filter(image => !action.images.includes(image))};
		case 'images-cleared':
			return {...state, images: []};
		case 'picker-opened':
			return {...state, overlay: {kind: 'picker'}};
		case 'session-picker-opened':
			return {...state, overlay: {kind: 'sessions', query: action.query}};
		case 'picker-listed':
			// The list may come back after the picker closed.
			return state.overlay?.kind === 'picker' ? {...state, overlay: {kind: 'picker', regionModelIds: action.regionModelIds}} : state;
		case 'overlay-closed':
			return state.overlay === undefined ? state : {...state, overlay: undefined};
		case 'ctrl-c': {
			if (isSecondPress(state, action.at)) return {...state, leaving: true};
			// A press that stopped nothing closes what covers the prompt (the prompt itself is cleared by its owner,
			// and with it an edit in progress).
			if (action.stoppedAnswer) return {...state, exitArmedAt: action.at};
			return {...state, exitArmedAt: action.at, overlay: undefined, editing: false};
		}

		case 'esc':
			return isSecondEsc(state, action.at) ? {...state, escArmedAt: undefined} : {...state, escArmedAt: action.at};
		case 'edit-started':
			return {...state, editing: true, escArmedAt: undefined};
		case 'edit-ended':
			return state.editing ? {...state, editing: false} : state;

		case 'exit-expired':
			return state.exitArmedAt === action.armedAt ? {...state, exitArmedAt: undefined} : state;
		case 'leave':
			return {...state, leaving: true};
		case 'message-queued':
			return state.queued === undefined ? {...state, queued: action.text} : state;
		case 'queue-taken':
			return state.queued === undefined ? state : {...state, queued: undefined};
	}
}
