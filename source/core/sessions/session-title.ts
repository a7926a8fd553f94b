/** A session's title until the user names it: the first prompt, on one line, shortened at a word. */
const TITLE_LENGTH = 60;

// Lists show titles on a terminal: a title never carries a control character (an escape sequence included).
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

export function titleFromPrompt(prompt: string): string {
	const line = cleanTitle(prompt);
	if (line === '') return '(image)';
	if (line.length <= TITLE_LENGTH) return line;
	const cut = line.slice(0, TITLE_LENGTH);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** A title as kept: one line, no control characters. */
export function cleanTitle(title: string): string {
	return title.replace(/\s+/g, ' ').replace(CONTROL, '').trim();
}
