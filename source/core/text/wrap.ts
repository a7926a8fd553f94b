/**
 * Plain text broken into rows of at most `width` terminal columns, between
 * words where it can. Widths are display widths: a CJK character or an emoji
 * takes two columns, escape codes none. No-break spaces hold their words
 * together, so a command written with them stays on one row.
 */
import stringWidth from 'string-width';

export type WrapOptions = {
	/**
	 * A word wider than a row: 'cut' spreads it over as many rows as it needs
	 * (the default); 'keep' gives it a row of its own, wider than `width`.
	 */
	readonly longWords?: 'cut' | 'keep';
};

// Past this a line is cut every `width` characters: splitting megabytes into
// words costs more than the rows are worth.
const wordWrapLimit = 64 * 1024;

// Whitespace a row may break at: any but the no-break spaces.
const word = /[\S\u00A0\u2007\u202F]+[^\S\u00A0\u2007\u202F]*|[^\S\u00A0\u2007\u202F]+/g;
const trailingBreakable = /[^\S\u00A0\u2007\u202F]+$/;

export function wrapWords(text: string, width: number, options: WrapOptions = {}): string[] {
	const columns = Math.max(1, width);
	const cut = options.longWords !== 'keep';
	const rows: string[] = [];
	for (const line of text.split('\n')) {
		if (line.length <= columns && stringWidth(line) <= columns) rows.push(line);
		else if (cut && line.length > wordWrapLimit) for (let start = 0; start < line.length; start += columns) rows.push(line.slice(start, start + columns));
		else wrapLine(line, columns, cut, rows);
	}

	return rows;
}

function wrapLine(line: string, columns: number, cut: boolean, rows: string[]): void {
	let row = '';
	let used = 0;
	for (const [token] of line.matchAll(word)) {
		const bare = trimBreakable(token);
		const visible = stringWidth(bare);
		if (used > 0 && used + visible > columns) {
			rows.push(trimBreakable(row));
			row = '';
			used = 0;
		}

		if (cut && visible > columns) {
			for (const character of bare) {
				const size = stringWidth(character);
				if (used + size > columns) {
					rows.push(row);
					row = '';
					used = 0;
				}

				row += character;
				used += size;
			}

			continue;
		}

		row += token;
		used += stringWidth(token);
	}

	rows.push(trimBreakable(row));
}

function trimBreakable(text: string): string {
	return text.replace(trailingBreakable, '');
}
