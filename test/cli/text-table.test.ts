import stringWidth from 'string-width';
import {expect, it} from 'vitest';
import {formatTable} from '../../source/cli/text-table.js';

/** The terminal column each line's last cell starts at. */
const lastColumnStarts = (lines: string[], last: string[]) => lines.map((line, index) => stringWidth(line.slice(0, line.lastIndexOf(last[index]!))));

it('CJK and emoji cells take two cells each, so the columns after them still line up', () => {
	const rows = [
		['TITLE', 'MODEL', 'TURNS'],
		['用中文解释快速排序', 'qwen-plus', '1'],
		['quicksort please', 'qwen3-coder-plus', '12'],
		['🎉 launch notes', 'qwen-max', '3'],
	];
	const lines = formatTable(rows);
	expect(lines[1]).toBe('用中文解释快速排序  qwen-plus         1');
	expect(new Set(lastColumnStarts(lines, rows.map(row => row.at(-1)!)))).toEqual(new Set([38]));
});

it('styled cells are measured without their escape codes, and lines end without blanks', () => {
	const bold = (text: string) => `\u001B[1m${text}\u001B[22m`;
	const lines = formatTable([[bold('Key'), 'sk-…0000'], ['Default model', '']], '  ');
	expect(lines).toEqual([`  ${bold('Key')}            sk-…0000`, '  Default model']);
});
