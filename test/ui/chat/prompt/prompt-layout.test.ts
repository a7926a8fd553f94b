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
});
