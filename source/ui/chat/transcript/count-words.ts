/** Words in a text, for the one-line summary of reasoning. */
export function countWords(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}
