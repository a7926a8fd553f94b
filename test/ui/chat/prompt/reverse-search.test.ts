import {describe, expect, it} from 'vitest';
import {emptyEditor} from '../../../../source/ui/components/line-editor.js';
import {promptKey, promptWithHistory, type PromptState} from '../../../../source/ui/chat/prompt/prompt-keys.js';
import {keyPress} from '../../../../source/ui/keys/each-key.js';

const history = ['sort a list in python', 'explain rust lifetimes', 'sort a dict in python', 'hello'];

function keys(state: PromptState, ...sequences: string[]) {
	let current = state;
	let sent: string | undefined;
	for (const sequence of sequences) {
		for (const character of sequence.startsWith('\u001B') || sequence.length === 1 ? [sequence] : [...sequence]) {
			const press = keyPress(character);
			const result = promptKey(current, press.input, press.key);
			current = result.state;
			sent = result.submitted ?? sent;
		}
	}

	return {state: current, sent};
}

describe('Ctrl+R in the prompt', () => {
	it('finds the newest earlier prompt holding what is typed; Ctrl+R again goes further back', () => {
		const searching = keys(promptWithHistory(history), '\u0012', 'sort');
		expect(searching.state.search).toMatchObject({query: 'sort', match: 2});
		expect(keys(searching.state, '\u0012').state.search).toMatchObject({match: 0, failed: false});
		expect(keys(searching.state, '\u0012', '\u0012').state.search).toMatchObject({match: 0, failed: true});
	});

	it('Enter sends what was found; Esc puts it in the prompt to edit; Ctrl+G goes back to what was typed', () => {
		const typed = keys(promptWithHistory(history), 'draft');
		expect(keys(typed.state, '\u0012', 'rust', '\r').sent).toBe('explain rust lifetimes');
		const editing = keys(typed.state, '\u0012', 'rust', '\u001B').state;
		expect(editing.search).toBeUndefined();
		expect(editing.editor).toMatchObject({text: 'explain rust lifetimes', cursor: 22});
		expect(keys(typed.state, '\u0012', 'rust', '\u0007').state.editor.text).toBe('draft');
	});

	it('Backspace widens the search again; nothing matching is said, and the menu stays shut', () => {
		const none = keys(promptWithHistory(history), '\u0012', '/zz');
		expect(none.state.search).toMatchObject({query: '/zz'});
		expect(none.state.search?.match).toBeUndefined();
		const widened = keys(none.state, '\u007F', '\u007F', '\u007F', 'hel');
		expect(widened.state.search).toMatchObject({query: 'hel', match: 3});
		expect(promptWithHistory([]).editor).toEqual(emptyEditor);
	});
});
