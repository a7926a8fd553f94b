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
	{keys: 'Enter', action: 'send', footer: {modes: ['typing'], action: 'send'}},
	{keys: 'Ctrl+J / Alt+Enter', action: 'new line', footer: {modes: ['typing'], action: 'newline'}},
	{keys: '↑ ↓', action: 'earlier prompts', footer: {modes: ['typing'], action: 'history', keys: '↑↓'}},
	{keys: 'Esc', action: 'stop the answer', footer: {modes: ['streaming'], action: 'stop'}},
	{
		keys: 'Ctrl+C',
		action: 'stop the answer, or clear the prompt; twice within a second to exit',
		footer: {modes: ['typing', 'streaming'], action: 'exit', keys: 'Ctrl+C ×2'},
	},
	{keys: 'Ctrl+O', action: 'show or hide thinking', footer: {modes: ['streaming'], action: 'thinking'}},
];

/** While typing the footer also points at the commands that have a footer word (/help). */
const COMMAND_HINTS: readonly KeyHint[] = SLASH_COMMANDS.flatMap(command =>
	command.footer === undefined ? [] : [{keys: `/${command.name}`, action: command.footer}],
);

/** The footer: the keys of the mode, or what the second Ctrl+C and an open picker or question take. */
export function footerHints(state: {mode: PaneMode; exitArmed: boolean; overlay: boolean}): KeyHint[] {
	if (state.exitArmed) return [{keys: 'Ctrl+C', action: 'again to exit'}];
	if (state.overlay) return [{keys: 'Esc', action: 'back'}, {keys: 'Ctrl+C', action: 'close'}];
	const hints: KeyHint[] = [];
	for (const {keys, footer} of PANE_KEYS) {
		if (footer?.modes.includes(state.mode)) hints.push({keys: footer.keys ?? keys.split(' / ')[0] ?? keys, action: footer.action});
	}

	return state.mode === 'typing' ? [...hints, ...COMMAND_HINTS] : hints;
}
