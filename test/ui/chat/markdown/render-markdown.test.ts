import {describe, expect, it} from 'vitest';
import {renderMarkdown} from '../../../../source/ui/chat/markdown/render-markdown.js';

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
});
