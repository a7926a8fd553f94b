/**
 * Keys kept out of anything shown or stored: whatever is shaped like a
 * DashScope key, and runs of the key in use however a server echoes it.
 */

/** What a hidden key reads as. */
export const KEY_MASK = 'sk-…';

/**
 * Anything shaped like a DashScope key, in any case (a server may echo it in
 * capitals): a short one where a word starts ("desk-lamp" is no key), a long
 * one anywhere. Hiding too much is harmless; hiding too little leaks.
 */
const KEY_PATTERN = /(?<![A-Za-z0-9])sk-[A-Za-z0-9._-]{4,}|sk-[A-Za-z0-9._-]{16,}/gi;

/**
 * Shortest run of the known secret that is hidden wherever it appears:
 * shorter runs match ordinary words and numbers.
 */
const SECRET_WINDOW = 8;

/**
 * Removes anything that looks like a DashScope key from service text, and any
 * run of SECRET_WINDOW or more characters of the known secret: in any case,
 * and across line breaks and spaces (a key with a stray line break, or a
 * server that wraps or upper-cases what it echoes), with or without its `sk-`,
 * whole or truncated.
 */
export function scrubKeys(text: string, secret?: string): string {
	const masked = secret ? maskSecret(text, secret) : text;
	return masked.replace(KEY_PATTERN, KEY_MASK);
}

function maskSecret(text: string, secret: string): string {
	const compactSecret = secret.replace(/\s+/g, '').toLowerCase();
	const width = Math.min(SECRET_WINDOW, compactSecret.length);
	if (width === 0) return text;
	const windows = new Set<string>();
	for (let start = 0; start + width <= compactSecret.length; start++) windows.add(compactSecret.slice(start, start + width));

	// The text without whitespace, lower-cased, and where each of its characters came from.
	let compact = '';
	const origin: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (/\s/.test(char)) continue;
		compact += char.toLowerCase();
		origin.push(index);
	}
	const hidden = new Uint8Array(text.length);
	let found = false;
	for (let start = 0; start + width <= compact.length; ) {
		if (!windows.has(compact.slice(start, start + width))) {
			start++;
			continue;
		}
		// A run of matching windows counts when one of them is not one character repeated (a test key's padding).
		let end = start;
		let telling = false;
		for (; end + width <= compact.length; end++) {
			const window = compact.slice(end, end + width);
			if (!windows.has(window)) break;
			if (!/^(.)\1*$/.test(window)) telling = true;
		}
		if (telling) {
			found = true;
			for (let index = origin[start]!; index <= origin[end + width - 2]!; index++) hidden[index] = 1;
		}
		start = end;
	}
	if (!found) return text;
	let result = '';
	for (let index = 0; index < text.length; index++) {
		if (!hidden[index]) result += text[index];
		else if (index === 0 || !hidden[index - 1]) result += '…';
	}
	return result;
}

/**
 * Text as it may be kept on disk (a saved turn, an exported transcript): the
 * keys in use, and anything shaped like a DashScope key, masked.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret !== '' && redacted.includes(secret)) redacted = redacted.split(secret).join(KEY_MASK);
	}

	return redacted.replace(KEY_PATTERN, KEY_MASK);
}
