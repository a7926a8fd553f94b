import {describe, expect, it} from 'vitest';
import {layoutPrompt} from '../../../../source/ui/chat/prompt/prompt-layout.js';

describe('layoutPrompt', () => {
	it('wraps long lines to rows and puts the cursor on the right one', () => {
		const layout = layoutPrompt('abcdefgh\nxy', 5, {width: 4, maxRows: 10});
		expect(layout.rows).toEqual([{text: 'abcd'}, {text: 'efgh', cursor: 1}, {text: 'xy'}]);
	});

	it('moves a cursor past a full row onto a new row', () => {
		expect(layoutPrompt('abcd', 4, {width: 4, maxRows: 10}).rows).toEqual([{text: 'abcd'}, {text: '', cursor: 0}]);
	});

	it('breaks rows by display width: CJK and emoji take two columns each', () => {
		// Ten CJK characters are 20 columns: five to a 10-column row.
		const layout = layoutPrompt('你好世界你好世界你好', 10, {width: 10, maxRows: 10});
		expect(layout.rows).toEqual([{text: '你好世界你'}, {text: '好世界你好'}, {text: '', cursor: 0}]);
		expect(layoutPrompt('ab😀cd', 2, {width: 3, maxRows: 10}).rows).toEqual([{text: 'ab'}, {text: '😀c', cursor: 0}, {text: 'd'}]);
		// A family emoji is one two-column cell, not three faces.
		expect(layoutPrompt('👨‍👩‍👧xy', 0, {width: 3, maxRows: 10}).rows.map(row => row.text)).toEqual(['👨‍👩‍👧x', 'y']);
	});

	it('keeps the cursor row in view when the text is taller than allowed', () => {
		const text = Array.from({length: 20}, (_, index) => `l${index}`).join('\n');
		const layout = layoutPrompt(text, text.length, {width: 40, maxRows: 3});
		expect(layout.rows.map(row => row.text)).toEqual(['l17', 'l18', 'l19']);
		expect(layout.hiddenAbove).toBe(17);
	});

	it('breaks rows between words, keeping the space at the end of the row', () => {
		const text = 'the quick brown fox jumps';
		const layout = layoutPrompt(text, 0, {width: 10, maxRows: 10});
		expect(layout.rows.map(row => row.text)).toEqual(['the quick ', 'brown fox ', 'jumps']);
		// The rows cover the text exactly, so the cursor lands where it is in the text.
		expect(layout.rows.map(row => row.text).join('')).toBe(text);
		expect(layoutPrompt(text, 12, {width: 10, maxRows: 10}).rows[1]).toEqual({text: 'brown fox ', cursor: 2});
	});

	it('moves the word being typed to the next row with the cursor after it', () => {
		expect(layoutPrompt('hello wor', 9, {width: 8, maxRows: 10}).rows).toEqual([{text: 'hello '}, {text: 'wor', cursor: 3}]);
	});

	it('lets one space hang at the end of a full row, and cuts a word longer than a row', () => {
		expect(layoutPrompt('abcd efgh', 0, {width: 4, maxRows: 10}).rows.map(row => row.text)).toEqual(['abcd ', 'efgh']);
		expect(layoutPrompt('abcdefghij kl', 0, {width: 4, maxRows: 10}).rows.map(row => row.text)).toEqual(['abcd', 'efgh', 'ij ', 'kl']);
	});

	it('breaks between words by display width, a wide character never split', () => {
		expect(layoutPrompt('你好 世界你好', 0, {width: 6, maxRows: 10}).rows.map(row => row.text)).toEqual(['你好 ', '世界你', '好']);
	});
});
