import {describe, expect, it} from 'vitest';
import {renderMarkdown} from '../../../../source/ui/chat/markdown/render-markdown.js';
import {livePreview} from '../../../../source/ui/chat/stream/live-preview.js';

describe('livePreview', () => {
	it('shows only the last rows of a long block, and says so', () => {
		const markdown = '```\n' + Array.from({length: 50}, (_, index) => `line ${index}`).join('\n');
		const preview = livePreview(markdown, {rows: 5, width: 80, color: false, renderMarkdown});
		expect(preview.lines).toHaveLength(5);
		expect(preview.lines.at(-1)).toContain('line 49');
		expect(preview.clipped).toBe(true);
	});

	it('keeps a huge block cheap: raw tail, still bounded', () => {
		const preview = livePreview('token '.repeat(100_000), {rows: 10, width: 80, color: false, renderMarkdown});
		expect(preview.lines.length).toBeLessThanOrEqual(10);
		for (const line of preview.lines) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('shows nothing until the markdown renderer has loaded', () => {
		expect(livePreview('**hello**', {rows: 5, width: 80, color: false, renderMarkdown: undefined})).toEqual({lines: [], clipped: false});
	});
});
