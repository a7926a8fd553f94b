import {describe, expect, it} from 'vitest';
import {splitFinishedMarkdown} from '../../source/core/markdown-blocks.js';

describe('splitFinishedMarkdown', () => {
	it('finishes whole blocks and keeps the last one live', () => {
		expect(splitFinishedMarkdown('# Title\n\nFirst paragraph.\n\nSecond, still stream')).toEqual({
			finished: '# Title\n\nFirst paragraph.\n\n',
			live: 'Second, still stream',
		});
	});

	it('never splits inside an open code fence, even across blank lines', () => {
		const text = 'Intro.\n\n```python\ndef f():\n\n    return 1\n\n# more';
		expect(splitFinishedMarkdown(text)).toEqual({finished: 'Intro.\n\n', live: '```python\ndef f():\n\n    return 1\n\n# more'});
	});

	it('finishes a closed fence even when text follows without a blank line', () => {
		expect(splitFinishedMarkdown('```\ncode\n```\nafter')).toEqual({finished: '```\ncode\n```\n', live: 'after'});
	});

	it('keeps a paragraph live until a blank line ends it (a setext underline may still come)', () => {
		expect(splitFinishedMarkdown('Title\nmore')).toEqual({finished: '', live: 'Title\nmore'});
		expect(splitFinishedMarkdown('Title\n===\n\nNext')).toEqual({finished: 'Title\n===\n\n', live: 'Next'});
	});

	it('keeps a list live while the next line may add an item to it', () => {
		expect(splitFinishedMarkdown('1. one\n\n2').live).toBe('1. one\n\n2');
		expect(splitFinishedMarkdown('- a\n\n- b').live).toBe('- a\n\n- b');
		expect(splitFinishedMarkdown('- a\n- b\n\nAfter the list, a paragraph.\n')).toEqual({
			finished: '- a\n- b\n\n',
			live: 'After the list, a paragraph.\n',
		});
	});

	it('keeps blocks live when indented text may continue them', () => {
		expect(splitFinishedMarkdown('- item\n\n  continued').finished).toBe('');
		expect(splitFinishedMarkdown('    code\n\n    more code').finished).toBe('');
	});

	it('finishes tables and quotes at a blank line', () => {
		const table = '| a | b |\n|---|---|\n| 1 | 2 |\n\n';
		expect(splitFinishedMarkdown(`${table}next`)).toEqual({finished: table, live: 'next'});
		expect(splitFinishedMarkdown('> quoted\n\nplain')).toEqual({finished: '> quoted\n\n', live: 'plain'});
	});

	it('finishes an ATX heading at its line end', () => {
		expect(splitFinishedMarkdown('## Heading\nText')).toEqual({finished: '## Heading\n', live: 'Text'});
	});

	it('loses and repeats nothing: finished + live is the input, whatever the cut', () => {
		const answer =
			'# Plan\n\nSome *text* here.\n\n- one\n- two\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n> quote\n\nEnd.\n';
		for (let cut = 0; cut <= answer.length; cut++) {
			const {finished, live} = splitFinishedMarkdown(answer.slice(0, cut));
			expect(finished + live).toBe(answer.slice(0, cut));
			// A finished prefix is final: it is also a finished prefix of the whole answer.
			expect(answer.startsWith(finished)).toBe(true);
			expect(splitFinishedMarkdown(answer).finished.length).toBeGreaterThanOrEqual(finished.length);
		}
	});

	it('streaming in pieces finalizes the same blocks as lexing the whole answer', () => {
		const answer = 'Intro line.\n\n```ts\nlet x = 1;\n\nx++;\n```\n\n1. first\n2. second\n\nClosing words.\n\n';
		const blocks: string[] = [];
		let live = '';
		for (const piece of answer.match(/[\s\S]{1,3}/g) ?? []) {
			const split = splitFinishedMarkdown(live + piece);
			if (split.finished) blocks.push(split.finished);
			live = split.live;
		}

		expect(blocks.join('') + live).toBe(answer);
		expect(blocks).toContain('```ts\nlet x = 1;\n\nx++;\n```\n\n');
		expect(blocks.some(block => block.includes('```') && !block.includes('x++'))).toBe(false);
	});
});
