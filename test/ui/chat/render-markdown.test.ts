import {describe, expect, it} from 'vitest';
import {livePreview} from '../../../source/ui/chat/live-preview.js';
import {wrapPlain} from '../../../source/ui/chat/plain-wrap.js';
import {layoutPrompt} from '../../../source/ui/chat/prompt-layout.js';
import {renderMarkdown} from '../../../source/ui/chat/render-markdown.js';

describe('renderMarkdown', () => {
	it('renders markdown as plain text without colour, keeping heading marks', () => {
		const text = renderMarkdown('# Title\n\nSome *em* and a [link](https://example.com).\n\n> quoted', {width: 80, color: false});
		expect(text).toContain('# Title');
		expect(text).toContain('Some em and a link (https://example.com).');
		expect(text).toContain('quoted');
		expect(text).not.toContain('\u001B');
	});

	it('fits paragraphs to the width', () => {
		const text = renderMarkdown('word '.repeat(40), {width: 30, color: false});
		for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
	});
});

describe('very long answers', () => {
	it('an answer of megabytes (an interrupted runaway) is shown as plain rows instead of crashing marked', () => {
		const phrase = 'lorem ipsum dolor sit amet consectetur ';
		const rows = renderMarkdown(phrase.repeat(400_000), {width: 60, color: false}).split('\n');
		expect(rows.every(row => row.length <= 60)).toBe(true);
		expect(rows.join('').length).toBe(phrase.length * 400_000);
	});

	it('wraps plain text between words, and cuts only words longer than a row', () => {
		expect(wrapPlain('the quick brown fox jumps over', 10)).toEqual(['the quick', 'brown fox', 'jumps over']);
		expect(wrapPlain('a abcdefghijkl', 5)).toEqual(['a', 'abcde', 'fghij', 'kl']);
		expect(wrapPlain('你好世界 你好', 4)).toEqual(['你好', '世界', '你好']);
	});
});

describe('livePreview', () => {
	it('shows only the last rows of a long block, and says so', () => {
		const markdown = '```\n' + Array.from({length: 50}, (_, index) => `line ${index}`).join('\n');
		const preview = livePreview(markdown, {rows: 5, width: 80, color: false});
		expect(preview.lines).toHaveLength(5);
		expect(preview.lines.at(-1)).toContain('line 49');
		expect(preview.clipped).toBe(true);
	});

	it('keeps a huge block cheap: raw tail, still bounded', () => {
		const preview = livePreview('token '.repeat(100_000), {rows: 10, width: 80, color: false});
		expect(preview.lines.length).toBeLessThanOrEqual(10);
		for (const line of preview.lines) expect(line.length).toBeLessThanOrEqual(80);
	});
});

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
