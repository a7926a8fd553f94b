import {describe, expect, it} from 'vitest';
import {keyPress} from '../../../../source/ui/keys/each-key.js';
import {splitKeys} from '../../../../source/ui/keys/split-keys.js';
import {SLASH_COMMANDS} from '../../../../source/ui/chat/slash-commands/registry.js';
import {emptyPrompt, menuEntries, promptKey, restoreIntoPrompt, type PromptState} from '../../../../source/ui/chat/prompt/prompt-keys.js';

/** Types `keys` (terminal bytes) into `state` one key at a time; returns the state and what Enter sent. */
function type(keys: string, state: PromptState = emptyPrompt) {
	const sent: string[] = [];
	for (const sequence of splitKeys(keys)) {
		const {input, key} = keyPress(sequence);
		const result = promptKey(state, input, key);
		state = result.state;
		if (result.submitted !== undefined) sent.push(result.submitted);
	}

	return {state, sent, text: state.editor.text, cursor: state.editor.cursor};
}

const TAB = '\t';
const DOWN = '\u001B[B';
const UP = '\u001B[A';
const ESC = '\u001B';

describe('prompt keys', () => {
	it('applies every key of a burst to the state the key before left', () => {
		expect(type('abcdef\u007F\u007F\u007F').text).toBe('abc');
		expect(type('abcdef\u001B[D\u001B[D\u001B[DX').text).toBe('abcXdef');
		expect(type('one two\u0017\u0017').text).toBe('');
		expect(type('abc\u0001X\u0005Y').text).toBe('XabcY');
	});

	it('sends on Enter and keeps Ctrl+J and Alt+Enter as new lines', () => {
		expect(type('hi\nthere\u001B\rend\r')).toMatchObject({sent: ['hi\nthere\nend'], text: ''});
		expect(type('a\rb\r').sent).toEqual(['a', 'b']);
		expect(type('   \r').sent).toEqual([]);
	});

	it('recalls the sent prompt with ↑', () => {
		expect(type(`first\r${UP}`).text).toBe('first');
	});

	it('opens the command menu on "/" and closes it once a space follows the name', () => {
		expect(menuEntries(type('/').state)).toHaveLength(SLASH_COMMANDS.length);
		expect(menuEntries(type('/mo').state).map(entry => entry.name)).toEqual(['model']);
		expect(menuEntries(type('/model ').state)).toEqual([]);
	});

	it('Tab completes the only match; Enter then sends the command', () => {
		const completed = type(`/he${TAB}`);
		expect(completed.text).toBe('/help ');
		expect(type('\r', completed.state).sent).toEqual(['/help ']);
	});

	it('↑↓ move in the menu instead of history, and Enter takes the highlighted entry', () => {
		const moved = type(`earlier\r/${DOWN}${DOWN}`);
		expect(moved.state.menuIndex).toBe(1);
		expect(moved.text).toBe('/');
		expect(type('\r', moved.state)).toMatchObject({text: '/image ', sent: []});
		expect(type(`/${UP}\r`).text).toBe('/exit ');
	});

	it('Tab with nothing left to complete walks the list', () => {
		expect(type(`/${TAB}${TAB}`).state.menuIndex).toBe(1);
	});

	it('Esc closes the menu (and is used); typing opens it again', () => {
		const closed = promptKey(type('/m').state, '', keyPress(ESC).key);
		expect(closed.handled).toBe(true);
		expect(menuEntries(closed.state)).toEqual([]);
		expect(menuEntries(type('o', closed.state).state).map(entry => entry.name)).toEqual(['model']);
		// With no menu, Esc is the pane's.
		expect(promptKey(type('hello').state, '', keyPress(ESC).key).handled).toBe(false);
	});

	it('puts a message that was not sent back in front of what is typed', () => {
		const state = restoreIntoPrompt(type('and more').state, 'queued one');
		expect(state.editor).toMatchObject({text: 'queued one\nand more', cursor: 'queued one'.length});
	});
});
