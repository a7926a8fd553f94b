/**
 * Code highlighting with colour forced on (a test worker's stdout is no
 * terminal, so chalk would otherwise leave code plain).
 */
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';

let renderMarkdown: typeof import('../../../../source/ui/chat/markdown/render-markdown.js').renderMarkdown;
beforeAll(async () => {
	vi.stubEnv('FORCE_COLOR', '1');
	({renderMarkdown} = await import('../../../../source/ui/chat/markdown/render-markdown.js'));
});
afterAll(() => {
	vi.unstubAllEnvs();
});

const line = 'const total = items.reduce((sum, item) => sum + item.price, 0);';
const styled = /\u001B\[[\d;]*m/;

describe('code highlighting', () => {
	it('highlights a fence that names its language', () => {
		const out = renderMarkdown('```js\n' + line + '\n```', {width: 80, color: true});
		expect(out).toMatch(/\u001B\[[\d;]*mconst\u001B/);
	});

	it('does not guess the language of an unlabelled block (highlight.js would try ~190 languages)', () => {
		const out = renderMarkdown('    ' + line + '\n', {width: 80, color: true});
		expect(out).toContain(line);
		expect(out).not.toMatch(/\u001B\[[\d;]*mconst\u001B/);
	});

	it('leaves a huge block plain even when it names its language', () => {
		const out = renderMarkdown('```js\n' + `${line}\n`.repeat(1000) + '```', {width: 80, color: true});
		const lines = out.split('\n').filter(row => row.includes('total'));
		expect(lines).toHaveLength(1000);
		for (const row of lines.slice(0, 5)) expect(row.trim()).toBe(line);
		expect(styled.test(renderMarkdown('```js\n' + line + '\n```', {width: 80, color: true}))).toBe(true);
	});
});
