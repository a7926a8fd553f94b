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

describe('line breaks', () => {
	it('keeps single newlines as line breaks: poems, addresses, logs, key: value lines', () => {
		const text = renderMarkdown('Roses are red,\nViolets are blue.\n\nhost: example.com\nport: 443\n\nStep 1: boot\nStep 2: run', {width: 80, color: false});
		expect(text.split('\n')).toEqual(['Roses are red,', 'Violets are blue.', '', 'host: example.com', 'port: 443', '', 'Step 1: boot', 'Step 2: run']);
	});

	it('a 200-line log stays 200 rows', () => {
		const log = Array.from({length: 200}, (_, index) => `12:00:${String(index).padStart(3, '0')} INFO step ${index} done`).join('\n');
		expect(renderMarkdown(log, {width: 80, color: false}).split('\n')).toEqual(log.split('\n'));
	});

	it('leaves the rest markdown: lists, quotes, code, paragraphs that wrap', () => {
		const text = renderMarkdown('- a\n- b\n\n> said\n\n```\nx\ny\n```\n\n' + 'word '.repeat(30), {width: 40, color: false});
		expect(text).toContain('* a\n  * b');
		expect(text).toContain('said');
		expect(text).toMatch(/x\n\s*y/);
		for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
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
