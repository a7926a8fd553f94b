/**
 * Keyboard and paste handling for the prompt. Enter sends; Ctrl+J or
 * Alt+Enter inserts a newline. Ink's usePaste turns on bracketed paste, so a
 * paste arrives whole on its own channel and its newlines are kept; a CR in
 * ordinary input is always Enter, even when it comes in one chunk with the
 * text typed before it (tmux send-keys, a fast typist over SSH).
 * Keys the pane owns (Esc, Ctrl+C, Ctrl+O) are left to it.
 */
import {useCallback, useState} from 'react';
import {useInput, usePaste, type Key} from 'ink';
import * as editor from './line-editor.js';
import type {EditorState} from './line-editor.js';

export type PromptEditor = {
	readonly state: EditorState;
	readonly clear: () => void;
};

export function usePromptEditor({isActive, onSubmit}: {isActive: boolean; onSubmit: (text: string) => void}): PromptEditor {
	const [state, setState] = useState<EditorState>(editor.emptyEditor);

	useInput(
		(input, key) => {
			if (key.return && !key.meta) {
				const {state: next, text} = editor.submit(state);
				if (text.trim() === '') return;
				setState(next);
				onSubmit(text);
				return;
			}

			if (!key.meta && !key.ctrl && input.length > 1 && input.includes('\r')) {
				// Typed text and Enter in one chunk: each CR sends what came before it.
				let next = state;
				const sent: string[] = [];
				for (const [index, part] of input.split(/\r\n?/).entries()) {
					if (index > 0) {
						const submitted = editor.submit(next);
						if (submitted.text.trim() !== '') {
							next = submitted.state;
							sent.push(submitted.text);
						}
					}

					if (part !== '') next = editor.insertText(next, part);
				}

				setState(next);
				for (const text of sent) onSubmit(text);
				return;
			}

			const next = edit(state, input, key);
			if (next !== state) setState(next);
		},
		{isActive},
	);

	usePaste(
		text => {
			setState(current => editor.insertText(current, text));
		},
		{isActive},
	);

	const clear = useCallback(() => setState(current => editor.clearText(current)), []);
	return {state, clear};
}

function edit(state: EditorState, input: string, key: Key): EditorState {
	if (key.return || input === '\n') return editor.insertText(state, '\n');
	if (key.escape || key.tab) return state;
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
