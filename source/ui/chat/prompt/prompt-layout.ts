/**
 * Lays the prompt's text out in terminal rows (one per row, so the frame's
 * height is known) and keeps the cursor's row in view. Rows break between
 * words, by display width: a CJK character or an emoji takes two columns, a
 * combining mark none.
 */
import stringWidth from 'string-width';
import {graphemes} from '../../components/graphemes.js';

export type PromptRow = {
	readonly text: string;
	/** Offset of the cursor into `text` (UTF-16 units, on a grapheme boundary) when it is on this row. */
	readonly cursor?: number;
};

export type PromptLayout = {
	readonly rows: readonly PromptRow[];
	readonly hiddenAbove: number;
	readonly hiddenBelow: number;
};

/** The "› " before the first row, and the indent of the others. */
export const PROMPT_PREFIX_WIDTH = 2;

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
				rows.push({text: piece.text, cursor: cursor - pieceStart});
			} else if (isLastPiece && cursor === pieceEnd) {
				// The cursor after the last character: on this row if its cell fits, else on the next.
				if (piece.width < width) {
					cursorRow = rows.length;
					rows.push({text: piece.text, cursor: piece.text.length});
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

/** Rows the prompt takes for this text at the pane's width, so the pane can budget the live area. */
export function promptRows(editor: {text: string; cursor: number}, width: number, maxRows: number): number {
	const layout = layoutPrompt(editor.text, editor.cursor, {width: width - PROMPT_PREFIX_WIDTH - 1, maxRows});
	return layout.rows.length + (layout.hiddenAbove > 0 ? 1 : 0) + (layout.hiddenBelow > 0 ? 1 : 0);
}

/**
 * Pieces of one line, each at most `width` columns, broken after the last
 * space that fits (a word longer than a row is cut by grapheme). The pieces
 * cover the line exactly, so offsets map straight to rows. A space that ends a
 * full row hangs in the column kept for the cursor rather than opening a row
 * of its own. A wide character never straddles two rows.
 */
function wrapLine(line: string, width: number): Array<{text: string; width: number}> {
	const pieces: Array<{text: string; width: number}> = [];
	let text = '';
	let used = 0;
	// Where the row may be cut: just after its last space.
	let breakAt = 0;
	let breakWidth = 0;
	const cut = (at: number, atWidth: number) => {
		pieces.push({text: text.slice(0, at), width: atWidth});
		text = text.slice(at);
		used -= atWidth;
		breakAt = 0;
		breakWidth = 0;
	};

	for (const segment of graphemes(line)) {
		const cells = stringWidth(segment);
		const blank = /^\s+$/.test(segment);
		if (used + cells > width && text !== '' && !(blank && used + cells <= width + 1)) {
			if (breakAt > 0) cut(breakAt, breakWidth);
			// Still too wide: the word alone fills the row.
			if (used + cells > width && text !== '') cut(text.length, used);
		}

		text += segment;
		used += cells;
		if (blank) {
			breakAt = text.length;
			breakWidth = used;
		}
	}

	pieces.push({text, width: used});
	return pieces;
}
