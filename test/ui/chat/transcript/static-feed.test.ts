import {describe, expect, it} from 'vitest';
import {feedItems, nextRelease, RELEASE_LINES, SLICE_LINES} from '../../../../source/ui/chat/transcript/static-feed.js';

const style = {width: 80, color: false};

describe('static feed', () => {
	it('cuts a long answer into slices of rendered lines that add up to the whole answer', () => {
		const markdown = Array.from({length: 1000}, (_, index) => `Line ${index + 1}.`).join('\n\n');
		const items = feedItems({id: 7, kind: 'answer', markdown}, style);
		expect(items.length).toBeGreaterThan(1);
		for (const item of items) expect(item.lines).toBeLessThanOrEqual(SLICE_LINES);
		const text = items.map(item => (item.kind === 'answer' ? item.text : '')).join('\n');
		expect(text.match(/Line \d+\./g)).toEqual(Array.from({length: 1000}, (_, index) => `Line ${index + 1}.`));
		expect(items.map(item => item.kind === 'answer' && item.first)).toEqual(items.map((_, index) => index === 0));
	});

	it('releases at most a budget of lines per frame, and always at least one item', () => {
		const markdown = 'token '.repeat(40_000);
		const items = [
			...feedItems({id: 1, kind: 'user', text: 'go', images: []}, style),
			...feedItems({id: 2, kind: 'answer', markdown}, style),
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
});
