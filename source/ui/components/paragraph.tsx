import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {type Span, wrapSpans} from './wrap-spans.js';

export type {Span} from './wrap-spans.js';

export type ParagraphProps = {
	readonly children: string | readonly Span[];
	readonly width: number;
	/** Rows at most; a cut paragraph ends in "…". */
	readonly maxRows?: number;
	readonly color?: string;
	readonly bold?: boolean;
};

/**
 * Text broken between words by the project's own wrapper, so the rows a
 * screen counts are the rows it draws, and no row starts with the space it
 * broke at (Ink's wrapping keeps it).
 */
export function Paragraph({children, width, maxRows, color, bold}: ParagraphProps) {
	const rows = paragraphRows(children, width, maxRows);
	return (
		<Box flexDirection="column" flexShrink={0}>
			{rows.map((row, index) => (
				<Text key={index} color={color} bold={bold}>
					{row.length === 0 ? ' ' : row.map((span, spanIndex) => (
						<Text key={spanIndex} bold={span.bold} color={span.color}>
							{span.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}

export function paragraphRows(children: string | readonly Span[], width: number, maxRows?: number) {
	const rows = wrapSpans(typeof children === 'string' ? [{text: children}] : children, width);
	if (maxRows === undefined || rows.length <= maxRows) return rows;
	const kept = rows.slice(0, Math.max(0, maxRows));
	const last = kept.at(-1);
	if (last) kept[kept.length - 1] = withEllipsis(last, width);
	return kept;
}

/** How many rows `children` takes at `width`. */
export function paragraphHeight(children: string | readonly Span[], width: number): number {
	return paragraphRows(children, width).length;
}

/** The row with "…" at its end, cut to make room for it when it is full. */
function withEllipsis(row: readonly Span[], width: number): Span[] {
	const room = Math.max(0, width - 1);
	let used = 0;
	const cut: Span[] = [];
	for (const span of row) {
		let piece = '';
		for (const character of span.text) {
			const size = stringWidth(character);
			if (used + size > room) break;
			piece += character;
			used += size;
		}

		if (piece !== '') cut.push({...span, text: piece});
		if (piece.length < span.text.length) break;
	}

	return [...cut, {text: '…'}];
}
