/**
 * Aligned plain-text columns. Widths count terminal cells: escape codes take
 * none and emoji such as the star rating take two.
 */
const ANSI_PATTERN = /\u001B\[[0-9;]*m/g;
const WIDE_PATTERN = /[\u{1F300}-\u{1FAFF}\u{2B50}\u{2705}\u{274C}\u{1F1E6}-\u{1F1FF}]/u;

export function displayWidth(text: string): number {
	let width = 0;
	for (const char of text.replace(ANSI_PATTERN, '')) {
		const code = char.codePointAt(0) ?? 0;
		// Variation selectors and joiners take no cell of their own.
		if (code === 0xfe0f || code === 0x200d) continue;
		width += WIDE_PATTERN.test(char) ? 2 : 1;
	}
	return width;
}

export function padEnd(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts `text` to `width` cells, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	let kept = '';
	for (const char of text) {
		if (displayWidth(kept + char) > width - 1) break;
		kept += char;
	}

	return `${kept}…`;
}

/** Rows of cells to lines, columns separated by two spaces, no trailing blanks. */
export function formatTable(rows: readonly (readonly string[])[], indent = ''): string[] {
	const widths: number[] = [];
	for (const row of rows) {
		row.forEach((cell, index) => {
			widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell));
		});
	}
	return rows.map(row =>
		(indent + row.map((cell, index) => (index === row.length - 1 ? cell : padEnd(cell, widths[index] ?? 0))).join('  ')).trimEnd(),
	);
}
