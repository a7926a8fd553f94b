/**
 * Editable text, cursor and history as pure functions (the chat prompt, the
 * wizard's key field), so editing rules are tested without a terminal. Text
 * may span lines; ↑/↓ move between lines and, from the first or last line,
 * through earlier prompts. The cursor moves and deletes by grapheme (what is
 * drawn as one character: a family emoji, a flag, a letter with its accents).
 */
import {graphemeStart, nextGraphemeBoundary, previousGraphemeBoundary} from './graphemes.js';

export type EditorState = {
	readonly text: string;
	/** Offset into `text` in UTF-16 units, kept on grapheme boundaries. */
	readonly cursor: number;
	/** Sent prompts, oldest first. */
	readonly history: readonly string[];
	/** Which history entry is shown; undefined while editing a new prompt. */
	readonly historyIndex?: number;
	/** The unsent prompt, kept while browsing history. */
	readonly draft: string;
};

export const emptyEditor: EditorState = {text: '', cursor: 0, history: [], draft: ''};

const historyLimit = 500;

export function insertText(state: EditorState, input: string): EditorState {
	// Pasted text may use CR or CRLF line ends; tabs would break the layout.
	const text = input.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
	return {
		...state,
		text: state.text.slice(0, state.cursor) + text + state.text.slice(state.cursor),
		cursor: state.cursor + text.length,
	};
}

export function deleteBackward(state: EditorState): EditorState {
	if (state.cursor === 0) return state;
	const start = previousGraphemeBoundary(state.text, state.cursor);
	return {...state, text: state.text.slice(0, start) + state.text.slice(state.cursor), cursor: start};
}

export function deleteForward(state: EditorState): EditorState {
	if (state.cursor >= state.text.length) return state;
	const end = nextGraphemeBoundary(state.text, state.cursor);
	return {...state, text: state.text.slice(0, state.cursor) + state.text.slice(end)};
}

export function deleteWordBackward(state: EditorState): EditorState {
	const before = state.text.slice(0, state.cursor);
	const start = before.replace(/\S+\s*$|\s+$/, '').length;
	return {...state, text: state.text.slice(0, start) + state.text.slice(state.cursor), cursor: start};
}

export function deleteToLineStart(state: EditorState): EditorState {
	const start = lineStart(state.text, state.cursor);
	const from = start === state.cursor && start > 0 ? start - 1 : start;
	return {...state, text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from};
}

export function deleteToLineEnd(state: EditorState): EditorState {
	const end = lineEnd(state.text, state.cursor);
	const to = end === state.cursor && end < state.text.length ? end + 1 : end;
	return {...state, text: state.text.slice(0, state.cursor) + state.text.slice(to)};
}

export function moveLeft(state: EditorState): EditorState {
	return {...state, cursor: previousGraphemeBoundary(state.text, state.cursor)};
}

export function moveRight(state: EditorState): EditorState {
	return {...state, cursor: nextGraphemeBoundary(state.text, state.cursor)};
}

export function moveLineStart(state: EditorState): EditorState {
	return {...state, cursor: lineStart(state.text, state.cursor)};
}

export function moveLineEnd(state: EditorState): EditorState {
	return {...state, cursor: lineEnd(state.text, state.cursor)};
}

export function moveUp(state: EditorState): EditorState {
	const start = lineStart(state.text, state.cursor);
	if (start === 0) return showHistory(state, (state.historyIndex ?? state.history.length) - 1);
	const previousStart = lineStart(state.text, start - 1);
	const column = state.cursor - start;
	return {...state, cursor: graphemeStart(state.text, Math.min(previousStart + column, start - 1))};
}

export function moveDown(state: EditorState): EditorState {
	const end = lineEnd(state.text, state.cursor);
	if (end === state.text.length) {
		return state.historyIndex === undefined ? state : showHistory(state, state.historyIndex + 1);
	}

	const column = state.cursor - lineStart(state.text, state.cursor);
	return {...state, cursor: graphemeStart(state.text, Math.min(end + 1 + column, lineEnd(state.text, end + 1)))};
}

/** Takes the text out for sending and records it in the history. */
export function submit(state: EditorState): {state: EditorState; text: string} {
	const {text} = state;
	const history =
		text.trim() === '' || state.history.at(-1) === text
			? state.history
			: [...state.history, text].slice(-historyLimit);
	return {state: {text: '', cursor: 0, history, draft: ''}, text};
}

export function clearText(state: EditorState): EditorState {
	return {...state, text: '', cursor: 0, historyIndex: undefined, draft: ''};
}

function showHistory(state: EditorState, index: number): EditorState {
	if (index < 0 || state.history.length === 0) return state;
	const draft = state.historyIndex === undefined ? state.text : state.draft;
	if (index >= state.history.length) {
		return {...state, text: draft, cursor: draft.length, historyIndex: undefined, draft: ''};
	}

	const text = state.history[index] ?? '';
	return {...state, text, cursor: text.length, historyIndex: index, draft};
}

function lineStart(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
	const end = text.indexOf('\n', offset);
	return end === -1 ? text.length : end;
}
