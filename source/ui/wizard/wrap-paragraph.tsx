import {renderToString, Text} from 'ink';

/**
 * Breaks a paragraph between words to fit `columns`, so the terminal does not
 * cut it mid-word. Ink's own text wrapping does the work (wrap-ansi is only
 * Ink's dependency, not ours). Without a width (not a terminal) it stays one line.
 */
export function wrapParagraph(text: string, columns: number | undefined): string {
	if (!columns || columns < 1) return text;
	// Ink keeps the space at a break, which can open a line; a paragraph has no indents to keep.
	return renderToString(<Text>{text}</Text>, {columns})
		.split('\n')
		.map(line => line.trim())
		.join('\n');
}
