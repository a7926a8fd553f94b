/**
 * The bytes a terminal sends for the keys tests press, shared by the Ink and
 * PTY drivers. Standalone-safe (erasable TS).
 */
export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backspace: '\u007F',
	ctrlC: '\u0003',
} as const;

/** Text the way a paste arrives with bracketed paste on. */
export function bracketedPaste(text: string): string {
	return `\u001B[200~${text}\u001B[201~`;
}
