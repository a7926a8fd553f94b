/**
 * The session picker's state as a reducer over keys: what is typed filters
 * (titles, prompts and answers), ↑↓ move, Enter picks, Esc clears the search
 * and then closes. `sessionChoice` says what a key means for the pane.
 */
import type {KeyPress} from '../../keys/each-key.js';

export type SessionPickerState = {
	readonly query: string;
	/** The highlighted row among the sessions the query finds. */
	readonly index: number;
};

export type SessionChoice = {readonly type: 'pick'; readonly index: number} | {readonly type: 'cancel'};

export function sessionPickerReducer(state: SessionPickerState, press: KeyPress, rows: number): SessionPickerState {
	const {input, key} = press;
	const last = Math.max(0, rows - 1);
	if (key.upArrow || (key.ctrl && input === 'p')) return {...state, index: Math.max(0, state.index - 1)};
	if (key.downArrow || (key.ctrl && input === 'n')) return {...state, index: Math.min(last, state.index + 1)};
	if (key.pageUp || key.home) return {...state, index: 0};
	if (key.pageDown || key.end) return {...state, index: last};
	if (key.escape) return state.query === '' ? state : {query: '', index: 0};
	if (key.backspace || key.delete) return {query: [...state.query].slice(0, -1).join(''), index: 0};
	if (key.return || key.tab || key.ctrl || key.meta || input === '' || /[\u0000-\u001F]/.test(input)) return state;
	return {query: state.query + input, index: 0};
}

/** Enter picks the highlighted session (when there is one); Esc with nothing typed closes the picker. */
export function sessionChoice(state: SessionPickerState, press: KeyPress, rows: number): SessionChoice | undefined {
	if (press.key.escape && state.query === '') return {type: 'cancel'};
	if (press.key.return && rows > 0) return {type: 'pick', index: Math.min(state.index, rows - 1)};
	return undefined;
}
