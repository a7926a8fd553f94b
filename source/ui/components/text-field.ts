/**
 * A one-line text field as pure functions: keys in, text and cursor out. The
 * editing itself is the chat prompt's line editor (by grapheme, readline
 * keys), so both fields behave alike.
 */
import * as editor from './line-editor.js';
import type {KeyPress} from '../keys/each-key.js';

export type FieldState = {
	readonly text: string;
	/** Offset into `text` in UTF-16 units, on a grapheme boundary. */
	readonly cursor: number;
};

export const emptyField: FieldState = {text: '', cursor: 0};

export type FieldEdit =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'delete-backward' | 'delete-forward' | 'delete-word-backward' | 'delete-to-start' | 'delete-to-end'}
	| {readonly type: 'left' | 'right' | 'start' | 'end'};

const CTRL_EDITS: Readonly<Record<string, FieldEdit>> = {
	a: {type: 'start'},
	e: {type: 'end'},
	b: {type: 'left'},
	f: {type: 'right'},
	u: {type: 'delete-to-start'},
	k: {type: 'delete-to-end'},
	w: {type: 'delete-word-backward'},
};

/**
 * What one key does to a field (readline's keys included); undefined for the
 * keys a field leaves to its screen (Enter, Esc, Tab, ↑↓, Ctrl+C).
 */
export function fieldEditFor({input, key}: KeyPress): FieldEdit | undefined {
	if (key.backspace) return {type: key.meta ? 'delete-word-backward' : 'delete-backward'};
	if (key.delete) return {type: 'delete-forward'};
	if (key.leftArrow) return {type: 'left'};
	if (key.rightArrow) return {type: 'right'};
	if (key.home) return {type: 'start'};
	if (key.end) return {type: 'end'};
	if (key.ctrl) return CTRL_EDITS[input];
	if (key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
	return input === '' ? undefined : {type: 'insert', text: input};
}

export function applyFieldEdit(field: FieldState, edit: FieldEdit): FieldState {
	const state: editor.EditorState = {...editor.emptyEditor, text: field.text, cursor: Math.min(field.cursor, field.text.length)};
	const next = editWith(state, edit);
	return next.text === field.text && next.cursor === field.cursor ? field : {text: next.text, cursor: next.cursor};
}

function editWith(state: editor.EditorState, edit: FieldEdit): editor.EditorState {
	switch (edit.type) {
		case 'insert': {
			return editor.insertText(state, edit.text);
		}

		case 'delete-backward': {
			return editor.deleteBackward(state);
		}

		case 'delete-forward': {
			return editor.deleteForward(state);
		}

		case 'delete-word-backward': {
			return editor.deleteWordBackward(state);
		}

		case 'delete-to-start': {
			return editor.deleteToLineStart(state);
		}

		case 'delete-to-end': {
			return editor.deleteToLineEnd(state);
		}

		case 'left': {
			return editor.moveLeft(state);
		}

		case 'right': {
			return editor.moveRight(state);
		}

		case 'start': {
			return editor.moveLineStart(state);
		}

		case 'end': {
			return editor.moveLineEnd(state);
		}
	}
}
