import {describe, expect, it} from 'vitest';
import * as editor from '../../../source/ui/components/line-editor.js';

const typed = (text: string) => editor.insertText(editor.emptyEditor, text);

describe('line editor', () => {
	it('inserts at the cursor and deletes around it, emoji included', () => {
		let state = typed('helo');
		state = editor.moveLeft(state);
		state = editor.insertText(state, 'l');
		expect(state).toMatchObject({text: 'hello', cursor: 4});
		state = editor.moveLineEnd(editor.insertText(state, ''));
		state = editor.insertText(state, ' 👍');
		state = editor.deleteBackward(state);
		expect(state.text).toBe('hello ');
	});

	it('turns pasted CR line ends into newlines', () => {
		expect(typed('a\r\nb\rc').text).toBe('a\nb\nc');
	});

	it('moves between lines, and from the first line into history', () => {
		let state = editor.submit(typed('earlier')).state;
		state = editor.insertText(state, 'one\ntwo');
		state = editor.moveUp(state);
		expect(state.cursor).toBe(3);
		state = editor.moveUp(state);
		expect(state).toMatchObject({text: 'earlier', historyIndex: 0});
		state = editor.moveDown(state);
		expect(state.text).toBe('one\ntwo');
	});

	it('records sent prompts once, and not empty ones', () => {
		let state = editor.submit(typed('same')).state;
		state = editor.submit(editor.insertText(state, 'same')).state;
		state = editor.submit(editor.insertText(state, '   ')).state;
		expect(state.history).toEqual(['same']);
	});

	it('deletes words and line parts like a shell', () => {
		const state = typed('git commit -m');
		expect(editor.deleteWordBackward(state).text).toBe('git commit ');
		expect(editor.deleteToLineStart(state).text).toBe('');
		expect(editor.deleteToLineEnd(editor.moveLineStart(state)).text).toBe('');
	});

	it('moves and deletes a family emoji, a flag and an accented letter as one character each', () => {
		const family = '👨‍👩‍👧';
		const flag = '🇫🇷';
		const accented = 'e\u0301';
		for (const character of [family, flag, accented]) {
			const state = typed(`a${character}`);
			expect(editor.deleteBackward(state)).toMatchObject({text: 'a', cursor: 1});
			expect(editor.moveLeft(state).cursor).toBe(1);
			expect(editor.moveRight(editor.moveLeft(state)).cursor).toBe(1 + character.length);
			expect(editor.deleteForward(editor.moveLeft(state)).text).toBe('a');
		}
	});

	it('tells two flags in a row apart', () => {
		const state = typed('🇫🇷🇩🇪');
		expect(editor.deleteBackward(state).text).toBe('🇫🇷');
		expect(editor.moveLeft(editor.moveLeft(state)).cursor).toBe(0);
	});

	it('lands on a whole character when moving up or down past one', () => {
		expect(editor.moveDown({...typed('abcde\n👨‍👩‍👧'), cursor: 2}).cursor).toBe(6);
		expect(editor.moveUp({...typed('👨‍👩‍👧\nabcde'), cursor: 12}).cursor).toBe(0);
	});
});
