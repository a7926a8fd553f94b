/**
 * A sent prompt as the transcript shows it: "› " before the first row, the
 * other rows indented under it by the same two columns, words kept whole.
 * Laid out here rather than by Ink, whose wrapping leaves a space at the
 * start of some continuation rows and not others.
 */
import {wrapWords} from '../../../core/text/wrap.js';

export const ECHO_PREFIX = '› ';
const INDENT = '  ';

/** The echo's rows for a pane `width` columns wide; the first starts with ECHO_PREFIX. */
export function echoRows(text: string, width: number): string[] {
	const rows = wrapWords(text.replace(/\t/g, '  '), Math.max(1, width - INDENT.length));
	return rows.map((row, index) => (index === 0 ? ECHO_PREFIX : INDENT) + row);
}
