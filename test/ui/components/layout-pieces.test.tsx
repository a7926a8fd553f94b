/** The small pieces screens are laid out with: blocks by priority, wrapped text, hints, header, links, the minimum size. */
import {describe, expect, test} from 'vitest';
import {fitBlocks} from '../../../source/ui/components/fit-blocks.js';
import {fitHeader} from '../../../source/ui/components/header.js';
import {hintRows} from '../../../source/ui/components/key-hints.js';
import {linkText} from '../../../source/ui/components/link.js';
import {paragraphRows} from '../../../source/ui/components/paragraph.js';
import {MIN_COLUMNS, MIN_ROWS, screenLayout} from '../../../source/ui/components/screen-layout.js';
import {wrapSpans} from '../../../source/ui/components/wrap-spans.js';

const text = (rows: ReturnType<typeof wrapSpans>) => rows.map(row => row.map(span => span.text).join(''));

describe('fitBlocks', () => {
	test('keeps the most important blocks that fit, whatever their order', () => {
		expect(fitBlocks(5, [{rows: 3, priority: 1}, {rows: 4, priority: 10}, {rows: 1, priority: 5}])).toEqual([false, true, true]);
		expect(fitBlocks(0, [{rows: 0, priority: 1}])).toEqual([true]);
	});
});

describe('wrapped text', () => {
	test('no row starts with the space it broke at, and styles follow their words', () => {
		const rows = wrapSpans([{text: 'Note: Qwen discontinued the free OAuth '}, {text: 'tier on', bold: true}, {text: ' 2026-04-15.'}], 38);
		expect(text(rows)).toEqual(['Note: Qwen discontinued the free OAuth', 'tier on 2026-04-15.']);
		expect(rows[1]?.[0]).toEqual({text: 'tier on', bold: true});
	});

	test('a cut paragraph ends in "…" within its width', () => {
		const rows = paragraphRows('one two three four five six', 9, 2);
		expect(text(rows)).toEqual(['one two', 'three…']);
		expect(text(paragraphRows('abcdefghij abcdefghij', 5, 1))).toEqual(['abcd…']);
	});
});

describe('key hints', () => {
	test('wrap between hints, never inside one', () => {
		const hints = [
			{keys: '↑↓', action: 'move'},
			{keys: 'Enter', action: 'choose'},
			{keys: 'Esc', action: 'back'},
			{keys: 'Ctrl+C', action: 'quit'},
		];
		expect(hintRows(hints, 78)).toHaveLength(1);
		expect(hintRows(hints, 38).map(row => row.map(hint => hint.keys))).toEqual([['↑↓', 'Enter', 'Esc'], ['Ctrl+C']]);
	});
});

describe('header', () => {
	const header = {app: 'openclaw · Qwen setup', title: 'Sign-in method', step: {number: 1, total: 5}};
	test('the title always stays; the app name shortens first, then the step count', () => {
		expect(fitHeader(header, 78)).toEqual({app: 'openclaw · Qwen setup', step: 'Step 1 of 5 · '});
		expect(fitHeader(header, 38)).toEqual({app: 'openclaw', step: 'Step 1 of 5 · '});
		expect(fitHeader(header, 28)).toEqual({app: '', step: 'Step 1 of 5 · '});
		expect(fitHeader(header, 20)).toEqual({app: '', step: '1/5 · '});
	});
});

describe('links', () => {
	const url = 'https://www.alibabacloud.com/help/en/model-studio/developer-reference/get-api-key';
	test('whole when it fits, then without its scheme, and cut only when nothing else fits', () => {
		expect(linkText(url, 100)).toBe(url);
		expect(linkText(url, 78)).toBe('www.alibabacloud.com/help/en/model-studio/developer-reference/get-api-key');
		expect(linkText(url, 70)).toBe('alibabacloud.com/help/en/model-studio/developer-reference/get-api-key');
		expect(linkText(url, 38)).toHaveLength(38);
		expect(linkText(url, 38).endsWith('…')).toBe(true);
	});
});

describe('screen layout', () => {
	test(`below ${MIN_COLUMNS}x${MIN_ROWS} the screen asks for a larger window`, () => {
		expect(screenLayout(MIN_COLUMNS, MIN_ROWS, []).fits).toBe(true);
		expect(screenLayout(MIN_COLUMNS - 1, 24, []).fits).toBe(false);
		expect(screenLayout(80, MIN_ROWS - 1, []).fits).toBe(false);
	});

	test('the body gets what the header and the key hints leave', () => {
		const hints = [{keys: 'Enter', action: 'choose'}];
		expect(screenLayout(80, 24, hints)).toMatchObject({bodyWidth: 78, bodyHeight: 20, gap: true});
		expect(screenLayout(40, 12, hints)).toMatchObject({bodyWidth: 38, bodyHeight: 9, gap: false});
	});
});
