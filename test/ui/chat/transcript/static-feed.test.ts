import {describe, expect, it} from 'vitest';
import {renderMarkdown} from '../../../../source/ui/chat/markdown/render-markdown.js';
import {feedItems, nextRelease, RELEASE_LINES, SLICE_LINES, type FeedItem} from '../../../../source/ui/chat/transcript/static-feed.js';
import type {Entry} from '../../../../source/ui/chat/transcript/transcript-state.js';

const style = {width: 80, color: false};
const itemsOf = (entry: Entry): FeedItem[] => feedItems(entry, style, renderMarkdown) ?? [];

describe('static feed', () => {
	it('cuts a long answer into slices of rendered lines that add up to the whole answer', () => {
		const markdown = Array.from({length: 1000}, (_, index) => `Line ${index + 1}.`).join('\n\n');
		const items = itemsOf({id: 7, kind: 'answer', markdown});
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) expect(item.lines).toBeLessThanOrEqual(SLICE_LINES);
		const text = items.map(item => (item.kind === 'answer' ? item.text : '')).join('\n');
		expect(text.match(/Line \d+\./g)).toEqual(Array.from({length: 1000}, (_, index) => `Line ${index + 1}.`));
		expect(items.map(item => item.kind === 'answer' && item.first)).toEqual(items.map((_, index) => index === 0));
	});

	it('releases at most a budget of lines per frame, and always at least one item', () => {
		const markdown = 'token '.repeat(40_000);
		const items = [
			...itemsOf({id: 1, kind: 'user', text: 'go', images: []}),
			...itemsOf({id: 2, kind: 'answer', markdown}),
		];
		let released = 0;
		let frames = 0;
		while (released < items.length) {
			const next = nextRelease(items, released);
			expect(next).toBeGreaterThan(released);
			const lines = items.slice(released, next).reduce((sum, item) => sum + item.lines, 0);
			expect(lines).toBeLessThanOrEqual(RELEASE_LINES);
			released = next;
			frames++;
		}

		expect(frames).toBeGreaterThan(5);
	});

	it('ends a slice only where no style is open, so each slice Ink styles on its own starts plain', () => {
		const plain = (count: number, from: number) => Array.from({length: count}, (_, index) => `line ${from + index}`);
		// Bold across a line break, right where a slice would end; then a colour and a link, likewise.
		const lines = [
			...plain(SLICE_LINES - 1, 0),
			'\u001B[1mbold starts',
			'bold ends\u001B[22m',
			...plain(SLICE_LINES - 2, 100),
			'\u001B[38;5;208morange',
			'\u001B]8;;https://example.com\u0007still orange\u001B[39m, linked',
			'linked\u001B]8;;\u0007',
			...plain(10, 200),
		];
		const text = lines.join('\n');
		const items = feedItems({id: 3, kind: 'answer', markdown: 'ignored'}, style, () => text) ?? [];
		expect(items.map(item => item.lines)).toEqual([SLICE_LINES + 1, SLICE_LINES + 1, 10]);
		expect(items.map(item => (item.kind === 'answer' ? item.text : '')).join('\n')).toBe(text);
	});

	it('cuts a slice whose styles never close once it is four slices long', () => {
		const text = ['\u001B[3m', ...Array.from({length: 10 * SLICE_LINES}, (_, index) => `italic ${index}`)].join('\n');
		const items = feedItems({id: 4, kind: 'answer', markdown: 'ignored'}, style, () => text) ?? [];
		expect(items[0]!.lines).toBe(4 * SLICE_LINES);
		expect(items.reduce((sum, item) => sum + item.lines, 0)).toBe(10 * SLICE_LINES + 1);
	});

	it('holds an answer back until the markdown renderer has loaded; other entries need none', () => {
		expect(feedItems({id: 1, kind: 'answer', markdown: '**hi**'}, style, undefined)).toBeUndefined();
		expect(feedItems({id: 2, kind: 'notice', text: 'hello', tone: 'info'}, style, undefined)).toEqual([
			{key: '2', kind: 'entry', entry: {id: 2, kind: 'notice', text: 'hello', tone: 'info'}, lines: 3},
		]);
	});
});
