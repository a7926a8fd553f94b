/** The pane's keys, named once: /help lists them whole, the footer in a few words. */
import type {KeyHint} from '../../components/key-hints.js';
import {SLASH_COMMANDS} from './registry.js';

/** What the pane is doing, for which keys the footer names. */
export type PaneMode = 'typing' | 'streaming';

export type PaneKey = {
	readonly keys: string;
	readonly action: string;
	/**
	 * The footer's hint for it, when it has one: shown in these modes, with
	 * fewer words (the footer fits 80 columns), and the first of `keys` unless told.
	 */
	readonly footer?: {readonly modes: readonly PaneMode[]; readonly action: string; readonly keys?: string};
};

export const PANE_KEYS: readonly PaneKey[] = [
	{keys: 'Enter', action: 'send (while an answer streams, the message waits for it)', footer: {modes: ['typing'], action: 'send'}},
	{keys: 'Ctrl+J / Alt+Enter', action: 'new line', footer: {modes: ['typing'], action: 'newline'}},
	{keys: '↑ ↓', action: 'earlier prompts', footer: {modes: ['typing'], action: 'history', keys: '↑↓'}},
	{keys: 'Esc', action: 'stop the answer (a queued message comes back to the prompt)', footer: {modes: ['streaming'], action: 'stop'}},
	{keys: 'Esc Esc', action: 'with no answer streaming: your last message back in the prompt, to edit and send in its place'},
	{keys: 'Ctrl+R', action: 'search earlier prompts, from every session (again: older; Enter sends, Esc edits, Ctrl+G cancels)'},
	{
		keys: 'Ctrl+C',
		action: 'stop the answer, or clear the prompt; twice within a second to exit',
		footer: {modes: ['typing', 'streaming'], action: 'exit', keys: 'Ctrl+C ×2'},
	},
	{
		keys: 'Ctrl+O',
		action: 'show or hide thinking: in place while it is on screen, otherwise from the next answer',
		footer: {modes: ['streaming'], action: 'thinking'},
	},
	{keys: 'Tab', action: 'complete a /command; in its menu ↑ ↓ choose, Enter takes one, Esc closes it'},
];

/** The footer while the command menu is open under the prompt. */
const MENU_HINTS: readonly KeyHint[] = [
	{keys: 'Tab', action: 'complete'},
	{keys: '↑↓', action: 'choose'},
	{keys: 'Enter', action: 'take or send'},
	{keys: 'Esc', action: 'close'},
];

/** While typing the footer also points at the commands that have a footer word (/help). */
const COMMAND_HINTS: readonly KeyHint[] = SLASH_COMMANDS.flatMap(command =>
	command.footer === undefined ? [] : [{keys: `/${command.name}`, action: command.footer}],
);

/** The footer: the keys of the mode, or what the second Ctrl+C, an open picker or question, or the command menu take. */
export function footerHints(state: {
	mode: PaneMode;
	exitArmed: boolean;
	overlay: boolean;
	menu?: boolean;
	/** What Ctrl+O last did, when it did not show on screen (it applies from the next answer). */
	reasoningNote?: string;
}): KeyHint[] {
	if (state.exitArmed) return [{keys: 'Ctrl+C', action: 'again to exit'}];
	if (state.overlay) return [{keys: 'Esc', action: 'back'}, {keys: 'Ctrl+C', action: 'close'}];
	if (state.menu) return [...MENU_HINTS];
	const hints: KeyHint[] = [];
	for (const {keys, footer} of PANE_KEYS) {
		if (!footer?.modes.includes(state.mode)) continue;
		const action = keys === 'Ctrl+O' && state.reasoningNote ? state.reasoningNote : footer.action;
		hints.push({keys: footer.keys ?? keys.split(' / ')[0] ?? keys, action});
	}

	return state.mode === 'typing' ? [...hints, ...COMMAND_HINTS] : hints;
}
