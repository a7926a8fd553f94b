import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {useTheme} from './theme.js';

export type KeyHint = {readonly keys: string; readonly action: string};

/** Ctrl+C, the way out of every screen of the wizard and the sign-in. */
export const QUIT: KeyHint = {keys: 'Ctrl+C', action: 'quit'};

const SEPARATOR = ' · ';

/**
 * The keys that work on this screen: "↑↓ move · Enter choose · Esc back".
 * Given a width, hints that do not fit go on to the next row, never cut in
 * the middle; without one they stay on one row and the end is cut.
 */
export function KeyHints({hints, width}: {readonly hints: readonly KeyHint[]; readonly width?: number}) {
	const rows = width === undefined ? [hints] : hintRows(hints, width);
	return (
		<Box flexDirection="column" flexShrink={0}>
			{rows.map((row, index) => (
				<HintRow key={index} hints={row} />
			))}
		</Box>
	);
}

function HintRow({hints}: {readonly hints: readonly KeyHint[]}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{hints.map((hint, index) => (
				<Text key={hint.keys}>
					{index > 0 ? <Text color={theme.muted}>{SEPARATOR}</Text> : undefined}
					<Text bold>{hint.keys}</Text>
					<Text color={theme.muted}> {hint.action}</Text>
				</Text>
			))}
		</Text>
	);
}

/** Hints packed into rows of at most `width` columns, in order; a hint wider than a row gets one to itself. */
export function hintRows(hints: readonly KeyHint[], width: number): KeyHint[][] {
	const rows: KeyHint[][] = [];
	let row: KeyHint[] = [];
	let used = 0;
	for (const hint of hints) {
		const size = stringWidth(`${hint.keys} ${hint.action}`);
		const extra = row.length === 0 ? size : stringWidth(SEPARATOR) + size;
		if (row.length > 0 && used + extra > width) {
			rows.push(row);
			row = [];
			used = 0;
		}

		used += row.length === 0 ? size : stringWidth(SEPARATOR) + size;
		row.push(hint);
	}

	if (row.length > 0) rows.push(row);
	return rows;
}
