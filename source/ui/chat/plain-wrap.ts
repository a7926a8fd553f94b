/**
 * Plain text broken into rows of at most `width` columns, between words where
 * it can. For text too big to lay out as markdown, and the live tail of one.
 */
import stringWidth from 'string-width';

// Past this a line is cut every `width` characters: splitting megabytes into
// words costs more than the rows are worth.
const wordWrapLimit = 64 * 1024;

export function wrapPlain(text: string, width: number): string[] {
	const columns = Math.max(1, width);
	const rows: string[] = [];
	for (const line of text.split('\n')) {
		if (line.length <= columns && stringWidth(line) <= columns) rows.push(line);
		else if (line.length > wordWrapLimit) for (let start = 0; start < line.length; start += columns) rows.push(line.slice(start, start + columns));
		else wrapWords(line, columns, rows);
	}

	return rows;
}

function wrapWords(line: string, columns: number, rows: string[]): void {
	let row = '';
	let used = 0;
	for (const [word] of line.matchAll(/\S+\s*|\s+/g)) {
		const cells = stringWidth(word);
		const visible = stringWidth(word.trimEnd());
		if (used > 0 && used + visible > columns) {
			rows.push(row.trimEnd());
			row = '';
			used = 0;
		}

		if (visible > columns) {
			// A word longer than a row is cut.
			for (const character of word.trimEnd()) {
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

		row += word;
		used += cells;
	}

	rows.push(row.trimEnd());
}
