import {hintRows, type KeyHint} from './key-hints.js';

/**
 * The smallest window a screen works in: every step's choices, with their
 * cursor, fit in the rows left between the header and two rows of key hints.
 */
export const MIN_COLUMNS = 30;
export const MIN_ROWS = 8;

/** Header and the rule under it. */
const HEADER_ROWS = 2;
/** From this many body rows on, a blank row under the header is worth its space. */
const ROWS_FOR_GAP = 12;

export type ScreenLayout = {
	readonly fits: boolean;
	/** Columns inside the screen's side padding. */
	readonly bodyWidth: number;
	/** Rows between the header and the key hints. */
	readonly bodyHeight: number;
	readonly hintRows: number;
	/** A blank row between the header and the body. */
	readonly gap: boolean;
};

export function screenLayout(columns: number, rows: number, hints: readonly KeyHint[]): ScreenLayout {
	const bodyWidth = Math.max(1, columns - 2);
	const hintRowCount = hintRows(hints, bodyWidth).length;
	const free = rows - HEADER_ROWS - hintRowCount;
	const gap = free > ROWS_FOR_GAP;
	return {
		fits: columns >= MIN_COLUMNS && rows >= MIN_ROWS,
		bodyWidth,
		bodyHeight: Math.max(1, free - (gap ? 1 : 0)),
		hintRows: hintRowCount,
		gap,
	};
}
