/**
 * Follows what a program writes to the terminal, as logical lines and their
 * display widths, so the rows a line takes after the terminal reflows it to a
 * new width can be counted. Understands the small set of sequences Ink and its
 * log-update emit (text, CR, LF, erase line/down, cursor up/down/column);
 * colours, links and mode switches take no room.
 */
import stringWidth from 'string-width';

export type WrittenRows = {
	/** Feeds what was written. */
	write(data: string): void;
	/** Display width of every tracked line, oldest first. */
	widths(): readonly number[];
	/** Index into `widths()` of the cursor's line. */
	cursor(): number;
};

// CSI, OSC (links, titles), other ESC pairs, and the two line controls.
const token = /\u001B\[([0-?]*)[ -/]*([@-~])|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[^[\]]|[\n\r]/g;

export function trackWrittenRows(limit = 1000): WrittenRows {
	let rows: number[] = [0];
	let row = 0;
	let column = 0;

	const text = (segment: string) => {
		if (segment === '') return;
		column += stringWidth(segment);
		if (column > (rows[row] ?? 0)) rows[row] = column;
	};

	const moveTo = (target: number) => {
		row = Math.max(0, target);
		while (rows.length <= row) rows.push(0);
	};

	return {
		write(data) {
			let last = 0;
			for (const match of data.matchAll(token)) {
				text(data.slice(last, match.index));
				last = match.index + match[0].length;
				const [sequence, parameters = '', final] = match;
				if (sequence === '\n') {
					moveTo(row + 1);
					column = 0;
				} else if (sequence === '\r') {
					column = 0;
				} else if (final !== undefined) {
					const count = Number.parseInt(parameters, 10);
					const n = Number.isNaN(count) ? 1 : count;
					switch (final) {
						case 'A':
							moveTo(row - n);
							break;
						case 'B':
							moveTo(row + n);
							break;
						case 'G':
							column = Math.max(0, n - 1);
							break;
						case 'K':
							rows[row] = parameters === '2' || parameters === '1' ? 0 : Math.min(rows[row] ?? 0, column);
							break;
						case 'J':
							if (parameters === '2' || parameters === '3') {
								rows = rows.map(() => 0);
							} else {
								rows[row] = Math.min(rows[row] ?? 0, column);
								rows.length = row + 1;
							}

							break;
						case 'H':
							// Absolute positions are outside this model: start afresh at the top.
							rows = [0];
							row = 0;
							column = 0;
							break;
						default:
							break;
					}
				}
			}

			text(data.slice(last));
			if (rows.length > limit) {
				const drop = rows.length - limit;
				rows = rows.slice(drop);
				row = Math.max(0, row - drop);
			}
		},
		widths: () => rows,
		cursor: () => row,
	};
}

/** Rows a line of `width` columns takes once a reflowing terminal is `columns` wide. */
export function reflowedRows(width: number, columns: number): number {
	return Math.max(1, Math.ceil(width / Math.max(1, columns)));
}
