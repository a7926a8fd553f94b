/**
 * Graphemes in edited text: the line editor moves and deletes by them and the
 * prompt and key field draw by them, so both agree on what one character is
 * (a family emoji, a flag, a letter with its accents). A line break is always
 * a boundary, so only the line around an offset is segmented.
 */
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function* graphemes(text: string): Generator<string, void, undefined> {
	for (const {segment} of segmenter.segment(text)) yield segment;
}

/** Where the grapheme before `offset` starts. */
export function previousGraphemeBoundary(text: string, offset: number): number {
	return offset <= 0 ? 0 : graphemeAt(text, offset - 1).start;
}

/** Where the grapheme at `offset` ends. */
export function nextGraphemeBoundary(text: string, offset: number): number {
	return graphemeAt(text, offset).end;
}

/** `offset`, moved back to the start of the grapheme it falls in. */
export function graphemeStart(text: string, offset: number): number {
	return graphemeAt(text, offset).start;
}

function graphemeAt(text: string, offset: number): {start: number; end: number} {
	if (offset >= text.length) return {start: text.length, end: text.length};
	if (text[offset] === '\n') return {start: offset, end: offset + 1};
	const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = text.indexOf('\n', offset);
	for (const {index, segment} of segmenter.segment(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd))) {
		const end = lineStart + index + segment.length;
		if (end > offset) return {start: lineStart + index, end};
	}

	return {start: offset, end: offset + 1};
}
