/**
 * Aligned plain-text columns. Widths count terminal cells (string-width):
 * escape codes take none, CJK and emoji take two.
 */
import stringWidth from 'string-width';
import {fitCells} from '../core/text/fit-cells.js';
import {wrapWords} from '../core/text/wrap.js';

/** Rows of cells to lines, columns separated by two spaces, no trailing blanks. */
export function formatTable(rows: readonly (readonly string[])[], indent = ''): string[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, index) => {
			widths[index] = Math.max(widths[index] ?? 0, stringWidth(cell));
		});
	}
	return rows.map(row =>
		(indent + row.map((cell, index) => (index === row.length - 1 ? cell : fitCells(cell, widths[index] ?? 0))).join('  ')).trimEnd(),
	);
}

/**
 * Label and value rows (`Key  sk-…  from …`) as formatTable lays them out; with
 * a `width` (a terminal's), a value too long for its row goes on under itself,
 * broken between words, instead of wrapping at the terminal's edge.
 */
export function formatDefinitions(rows: ReadonlyArray<readonly [label: string, value: string]>, width: number | undefined, indent = ''): string[] {
	if (width === undefined) return formatTable(rows, indent);
	const labelWidth = Math.max(0, ...rows.map(([label]) => stringWidth(label)));
	const hanging = ' '.repeat(stringWidth(indent) + labelWidth + 2);
	return rows.flatMap(([label, value]) => {
		const [first = '', ...rest] = wrapWords(value, Math.max(20, width - hanging.length), {longWords: 'keep'});
		return [`${indent}${fitCells(label, labelWidth)}  ${first}`.trimEnd(), ...rest.map(row => hanging + row)];
	});
}
