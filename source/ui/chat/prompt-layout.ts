/**
 * Lays the prompt's text out in terminal rows (one per row, so the frame's
 * height is known) and keeps the cursor's row in view. Rows break by display
 * width: a CJK character or an emoji takes two columns, a combining mark none.
 */
import stringWidth from 'string-width';

export type PromptRow = {
	readonly text: string;
	/** Code points before the cursor when it is on this row. */
	readonly cursor?: number;
};

export type PromptLayout = {
	readonly rows: readonly PromptRow[];
	readonly hiddenAbove: number;
	readonly hiddenBelow: number;
};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function layoutPrompt(text: string, cursor: number, options: {width: number; maxRows: number}): PromptLayout {
	const width = Math.max(1, options.width);
	const rows: PromptRow[] = [];
	let cursorRow = 0;
	let offset = 0;
	for (const line of text.split('\n')) {
		const pieces = wrapLine(line, width);
		let pieceStart = offset;
		for (const [index, piece] of pieces.entries()) {
			const pieceEnd = pieceStart + piece.text.length;
			const isLastPiece = index === pieces.length - 1;
			if (cursor >= pieceStart && cursor < pieceEnd) {
				cursorRow = rows.length;
				rows.push({text: piece.text, cursor: codePoints(text.slice(pieceStart, cursor))});
			} else if (isLastPiece && cursor === pieceEnd) {
				// The cursor after the last character: on this row if its cell fits, else on the next.
				if (piece.width < width) {
					cursorRow = rows.length;
					rows.push({text: piece.text, cursor: codePoints(piece.text)});
				} else {
					rows.push({text: piece.text});
					cursorRow = rows.length;
					rows.push({text: '', cursor: 0});
				}
			} else {
				rows.push({text: piece.text});
			}

			pieceStart = pieceEnd;
		}

		offset += line.length + 1;
	}

	const maxRows = Math.max(1, options.maxRows);
	if (rows.length <= maxRows) return {rows, hiddenAbove: 0, hiddenBelow: 0};
	const first = Math.min(Math.max(0, cursorRow - maxRows + 1), rows.length - maxRows);
	return {rows: rows.slice(first, first + maxRows), hiddenAbove: first, hiddenBelow: rows.length - first - maxRows};
}

/** Pieces of one line, each at most `width` columns; a wide character never straddles two rows. */
function wrapLine(line: string, width: number): Array<{text: string; width: number}> {
	const pieces: Array<{text: string; width: number}> = [];
	let text = '';
	let used = 0;
	for (const {segment} of graphemes.segment(line)) {
		const cells = stringWidth(segment);
		if (used + cells > width && text !== '') {
			pieces.push({text, width: used});
			text = '';
			used = 0;
		}

		text += segment;
		used += cells;
	}

	pieces.push({text, width: used});
	return pieces;
}

function codePoints(text: string): number {
	let count = 0;
	for (const _ of text) count++;
	return count;
}
