/**
 * Aligned plain-text columns. Widths count terminal cells (string-width):
 * escape codes take none, CJK and emoji take two.
 */
import stringWidth from 'string-width';
import {fitCells} from '../core/text/fit-cells.js';

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
