/**
 * Lays the prompt's text out in terminal rows (one per row, so the frame's
 * height is known) and keeps the cursor's row in view.
 */

export type PromptRow = {
	readonly text: string;
	/** Column of the cursor when it is on this row. */
	readonly cursor?: number;
};

export type PromptLayout = {
	readonly rows: readonly PromptRow[];
	readonly hiddenAbove: number;
	readonly hiddenBelow: number;
};

export function layoutPrompt(text: string, cursor: number, options: {width: number; maxRows: number}): PromptLayout {
	const width = Math.max(1, options.width);
	const rows: PromptRow[] = [];
	let cursorRow = 0;
	let offset = 0;
	for (const line of text.split('\n')) {
		const characters = Array.from(line);
		let pieceStart = offset;
		for (let index = 0; index === 0 || index < characters.length; index += width) {
			const piece = characters.slice(index, index + width).join('');
			const pieceEnd = pieceStart + piece.length;
			const isLastPiece = index + width >= characters.length;
			if (cursor >= pieceStart && cursor < pieceEnd) {
				cursorRow = rows.length;
				rows.push({text: piece, cursor: Array.from(text.slice(pieceStart, cursor)).length});
			} else if (isLastPiece && cursor === pieceEnd) {
				// The cursor after the last character: on this row if it fits, else on the next.
				const column = Array.from(piece).length;
				if (column < width) {
					cursorRow = rows.length;
					rows.push({text: piece, cursor: column});
				} else {
					rows.push({text: piece});
					cursorRow = rows.length;
					rows.push({text: '', cursor: 0});
				}
			} else {
				rows.push({text: piece});
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
