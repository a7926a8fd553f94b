/**
 * Styled text broken into rows between words: the rows come from the plain
 * text's word wrap (core/text/wrap.ts), then each row takes back the styles
 * of the characters it holds.
 */
import {wrapWords} from '../../core/text/wrap.js';

export type Span = {readonly text: string; readonly bold?: boolean; readonly color?: string};

export function wrapSpans(spans: readonly Span[], width: number): Span[][] {
	const plain = spans.map(span => span.text).join('');
	const rows = wrapWords(plain, width);
	const result: Span[][] = [];
	let offset = 0;
	for (const row of rows) {
		// Between rows lie only the spaces and line breaks the wrapper broke at.
		while (offset < plain.length && !plain.startsWith(row, offset)) offset++;
		result.push(slice(spans, offset, offset + row.length));
		offset += row.length;
	}

	return result;
}

/** The spans' characters from `start` to `end` of their joined text, styles kept. */
function slice(spans: readonly Span[], start: number, end: number): Span[] {
	const pieces: Span[] = [];
	let at = 0;
	for (const span of spans) {
		const from = Math.max(start, at);
		const to = Math.min(end, at + span.text.length);
		if (from < to) pieces.push({...span, text: span.text.slice(from - at, to - at)});
		at += span.text.length;
	}

	return pieces;
}
