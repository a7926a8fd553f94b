/**
 * What one key does to the prompt, as a pure function of the prompt as it is
 * now: the line editor's keys, Enter to send, the slash-command menu that
 * opens while a command name is typed (Tab completes, ↑↓ move in it, Enter
 * takes the highlighted entry, Esc closes it), and Ctrl+R's search through
 * earlier prompts. Applied to the latest state key by key, so keys that
 * arrive together all count.
 */
import type {Key} from 'ink';
import {commandMatches, completeCommand, completed, type CommandMatch} from '../slash-commands/completion.js';
import * as editor from '../../components/line-editor.js';
import type {EditorState} from '../../components/line-editor.js';
import {eraseInSearch, foundText, searchOlder, startReverseSearch, typeInSearch, type ReverseSearch} from './reverse-search.js';

export type PromptState = {
	readonly editor: EditorState;
	/** The highlighted entry of the command menu; undefined when none is. */
	readonly menuIndex?: number;
	/** Esc closed the menu while the prompt held this text; it opens again once the text changes. */
	readonly menuClosedFor?: string;
	/** Ctrl+R is searching earlier prompts. */
	readonly search?: ReverseSearch;
};

export const emptyPrompt: PromptState = {editor: editor.emptyEditor};

export type PromptKeyResult = {
	readonly state: PromptState;
	/** Enter took this text out of the prompt to send it. */
	readonly submitted?: string;
	/** False for keys the prompt leaves to the pane (Esc with no menu open, keys it does not use). */
	readonly handled: boolean;
};

/** The commands the menu lists for the prompt as it is; empty when the menu is closed. */
export function menuEntries(state: PromptState): CommandMatch[] {
	const {text} = state.editor;
	return state.menuClosedFor === text || state.search ? [] : commandMatches(text);
}

/** A prompt holding these earlier prompts for ↑ and Ctrl+R (oldest first). */
export function promptWithHistory(history: readonly string[]): PromptState {
	return {editor: {...editor.emptyEditor, history}};
}

export function promptKey(state: PromptState, input: string, key: Key): PromptKeyResult {
	if (state.search) return searchKey(state, state.search, input, key);
	if (key.ctrl && input === 'r') return {state: {editor: state.editor, search: startReverseSearch(state.editor)}, handled: true};
	const menu = menuEntries(state);
	if (menu.length > 0) {
		const result = menuKey(state, menu, key);
		if (result) return result;
	}

	if (key.return && !key.meta) {
		const {state: next, text} = editor.submit(state.editor);
		if (text.trim() === '') return {state, handled: true};
		return {state: {editor: next}, submitted: text, handled: true};
	}

	if (key.escape) return {state, handled: false};
	const next = edit(state.editor, input, key);
	if (next === state.editor) return {state, handled: false};
	return {state: withEditor(state, next), handled: true};
}

/** Text put in the prompt as it was pasted, newlines kept. */
export function pasteIntoPrompt(state: PromptState, text: string): PromptState {
	// While Ctrl+R searches, a paste is more of what to look for.
	if (state.search) return {...state, search: typeInSearch(state.search, state.editor.history, text.replace(/\s+/g, ' '))};
	return withEditor(state, editor.insertText(state.editor, text));
}

/** Puts `text` back in front of what the prompt holds (a queued message that was not sent). */
export function restoreIntoPrompt(state: PromptState, text: string): PromptState {
	const rest = state.editor.text;
	const joined = rest === '' ? text : `${text}\n${rest}`;
	return {editor: {...editor.clearText(state.editor), text: joined, cursor: text.length}};
}

/** Empties the prompt (a Ctrl+R search ends with it). */
export function clearPrompt(state: PromptState): PromptState {
	return {editor: editor.clearText(state.editor)};
}

/**
 * A key while Ctrl+R searches: text narrows, Backspace widens, Ctrl+R goes
 * further back, Enter sends what was found, Esc (or a move) takes it into the
 * prompt to edit, Ctrl+G goes back to what was typed.
 */
function searchKey(state: PromptState, search: ReverseSearch, input: string, key: Key): PromptKeyResult {
	const {history} = state.editor;
	const found = foundText(search, history);
	const withFound = (): EditorState => ({...search.before, text: found, cursor: found.length, historyIndex: undefined, draft: ''});
	if (key.return && !key.meta) {
		const {state: next, text} = editor.submit(withFound());
		if (text.trim() === '') return {state: {editor: search.before}, handled: true};
		return {state: {editor: next}, submitted: text, handled: true};
	}

	if (key.ctrl && input === 'r') return {state: {...state, search: searchOlder(search, history)}, handled: true};
	if (key.ctrl && input === 'g') return {state: {editor: search.before}, handled: true};
	if (key.backspace) return {state: {...state, search: eraseInSearch(search, history)}, handled: true};
	if (key.escape || key.leftArrow || key.rightArrow || key.upArrow || key.downArrow || key.home || key.end || key.tab || (key.ctrl && (input === 'a' || input === 'e'))) {
		return {state: {editor: withFound()}, handled: true};
	}

	if (key.ctrl || key.meta || input === '' || /[\u0000-\u001F]/.test(input)) return {state, handled: true};
	return {state: {...state, search: typeInSearch(search, history, input)}, handled: true};
}

function menuKey(state: PromptState, menu: readonly CommandMatch[], key: Key): PromptKeyResult | undefined {
	const {menuIndex} = state;
	if (key.tab && !key.shift) {
		const text = completeCommand(state.editor.text);
		// Nothing left to complete among several: Tab walks the list instead.
		if (text === undefined) return {state: {...state, menuIndex: ((menuIndex ?? -1) + 1) % menu.length}, handled: true};
		return {state: withText(state, text), handled: true};
	}

	if (key.downArrow) return {state: {...state, menuIndex: ((menuIndex ?? -1) + 1) % menu.length}, handled: true};
	if (key.upArrow) return {state: {...state, menuIndex: ((menuIndex ?? menu.length) - 1 + menu.length) % menu.length}, handled: true};
	if (key.escape) return {state: {editor: state.editor, menuClosedFor: state.editor.text}, handled: true};
	const highlighted = menuIndex === undefined ? undefined : menu[menuIndex];
	if (key.return && !key.meta && highlighted) return {state: withText(state, completed(highlighted)), handled: true};
	return undefined;
}

function withText(state: PromptState, text: string): PromptState {
	return withEditor(state, {...state.editor, text, cursor: text.length});
}

/** A new editor state; a change of the text resets the menu (no highlight, open again if Esc closed it). */
function withEditor(state: PromptState, next: EditorState): PromptState {
	return next.text === state.editor.text ? {...state, editor: next} : {editor: next};
}

function edit(state: EditorState, input: string, key: Key): EditorState {
	if (key.return || input === '\n') return editor.insertText(state, '\n');
	if (key.tab) return state;
	if (key.backspace) return key.meta ? editor.deleteWordBackward(state) : editor.deleteBackward(state);
	if (key.delete) return editor.deleteForward(state);
	if (key.leftArrow) return editor.moveLeft(state);
	if (key.rightArrow) return editor.moveRight(state);
	if (key.upArrow) return editor.moveUp(state);
	if (key.downArrow) return editor.moveDown(state);
	if (key.home) return editor.moveLineStart(state);
	if (key.end) return editor.moveLineEnd(state);
	if (key.ctrl) {
		switch (input) {
			case 'a':
				return editor.moveLineStart(state);
			case 'e':
				return editor.moveLineEnd(state);
			case 'u':
				return editor.deleteToLineStart(state);
			case 'k':
				return editor.deleteToLineEnd(state);
			case 'w':
				return editor.deleteWordBackward(state);
			default:
				return state;
		}
	}

	if (key.meta || input === '') return state;
	return editor.insertText(state, input);
}
