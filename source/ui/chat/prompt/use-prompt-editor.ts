/**
 * The prompt's state for the pane: keys come from the pane's one key handler
 * (chat-pane.tsx), each applied to the latest state (prompt-keys.ts). Ink's
 * usePaste turns on bracketed paste, so a paste arrives whole on its own
 * channel and its newlines are kept.
 */
import {useCallback} from 'react';
import {usePaste, type Key} from 'ink';
import {useLatestReducer} from '../../keys/use-latest-reducer.js';
import {clearPrompt, pasteIntoPrompt, promptKey, promptWithHistory, restoreIntoPrompt, type PromptKeyResult, type PromptState} from './prompt-keys.js';

export type PromptEditor = {
	/** As last rendered, for drawing. */
	readonly state: PromptState;
	/** Applies one key to the latest state; says whether the prompt used it and what Enter took out to send. */
	readonly handleKey: (input: string, key: Key) => Omit<PromptKeyResult, 'state'>;
	readonly clear: () => void;
	/** Puts text back in front of the prompt's own (a message that was not sent after all). */
	readonly restore: (text: string) => void;
};

const replace = (_state: PromptState, next: PromptState) => next;
const noHistory: readonly string[] = [];

/** `history`: earlier prompts (from other sessions too) for ↑ and Ctrl+R, oldest first. */
export function usePromptEditor({isActive, history = noHistory}: {isActive: boolean; history?: readonly string[]}): PromptEditor {
	const [state, set, latest] = useLatestReducer(replace, () => promptWithHistory(history));

	usePaste(
		text => {
			set(pasteIntoPrompt(latest(), text));
		},
		{isActive},
	);

	const handleKey = useCallback(
		(input: string, key: Key) => {
			const {state: next, ...result} = promptKey(latest(), input, key);
			set(next);
			return result;
		},
		[latest, set],
	);
	const clear = useCallback(() => set(clearPrompt(latest())), [latest, set]);
	const restore = useCallback((text: string) => set(restoreIntoPrompt(latest(), text)), [latest, set]);
	return {state, handleKey, clear, restore};
}
