import {Text} from 'ink';
import {graphemes} from './graphemes.js';
import type {FieldState} from './text-field.js';

export type MaskedFieldProps = {
	readonly field: FieldState;
	/** Cells the field may use; it always stays on one row. */
	readonly width: number;
	readonly mask?: string;
};

/**
 * A secret as one mask cell per character, the cursor an inverse cell. When
 * it is longer than the row, the part before the cursor scrolls off to the
 * left behind a "…".
 */
export function MaskedField({field, width, mask = '•'}: MaskedFieldProps) {
	const total = count(field.text);
	const before = count(field.text.slice(0, field.cursor));
	const room = Math.max(2, width);
	// One cell for the cursor after the last character.
	const overflow = total + 1 > room;
	const shownBefore = overflow ? Math.min(before, room - 2) : before;
	const shownAfter = overflow ? Math.max(0, Math.min(total - before - 1, room - 2 - shownBefore)) : total - before - 1;
	const atEnd = before === total;
	return (
		<Text>
			{overflow && shownBefore < before ? '…' : ''}
			{mask.repeat(shownBefore)}
			<Text inverse>{atEnd ? ' ' : mask}</Text>
			{atEnd ? '' : mask.repeat(Math.max(0, shownAfter))}
		</Text>
	);
}

function count(text: string): number {
	let total = 0;
	for (const _grapheme of graphemes(text)) total++;
	return total;
}
