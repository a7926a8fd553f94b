import {describe, expect, it} from 'vitest';
import {codeBlocksIn} from '../../../../source/ui/chat/markdown/code-blocks.js';
import {renderMarkdown} from '../../../../source/ui/chat/markdown/render-markdown.js';

const answer = [
	'Install it:',
	'',
	'1. First:',
	'',
	'   ```bash',
	'   npm install thing',
	'   ```',
	'2. Then run',
	'',
	'```js',
	'const thing = require("thing");',
	'```',
	'',
	'> ```',
	'> quoted',
	'> ```',
	'',
	'Done.',
].join('\n');

describe('numbered code blocks', () => {
	it('label each block on screen in the order /copy code n counts them, lists and quotes included', () => {
		expect(codeBlocksIn(answer)).toEqual(['npm install thing', 'const thing = require("thing");', 'quoted']);
		const lines = renderMarkdown(answer, {width: 60, color: false}, 4).split('\n');
		const labels = lines.map(line => line.trim()).filter(line => /^\[\d+\]$/.test(line));
		expect(labels).toEqual(['[4]', '[5]', '[6]']);
		const second = lines.findIndex(line => line.trim() === '[5]');
		expect(lines[second + 1]).toContain('const thing');
	});

	it('are not labelled without a first number, and an answer without code has none', () => {
		expect(renderMarkdown(answer, {width: 60, color: false})).not.toMatch(/\[\d\]/);
		expect(codeBlocksIn('Plain text, `inline code` only.')).toEqual([]);
	});
});
