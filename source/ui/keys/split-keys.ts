/**
 * A chunk of terminal input cut into the keys it holds, in order. Key repeat,
 * fast typing, a busy event loop and tmux deliver several keys in one read,
 * and Ink hands some of those chunks to `useInput` whole ("abc\r", "x\x01").
 * Each escape sequence, each control byte and each bracketed paste is one key;
 * printable text is one run (or, on request, one key per character).
 * Pure: no terminal, no Ink. Ink (8.0) keeps its own key parser private, so
 * the sequences recognised here follow its parse-keypress; an Ink upgrade is
 * checked against it (test/ui/keys/ covers every sequence the screens use).
 */

export type SplitKeysOptions = {
	/** 'runs' keeps typed text together (an editor inserts it at once); 'characters' gives one key per grapheme (j/k navigation). */
	readonly text?: 'runs' | 'characters';
};

const ESC = '\u001B';
const PASTE_START = '\u001B[200~';
const PASTE_END = '\u001B[201~';
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function splitKeys(chunk: string, options: SplitKeysOptions = {}): string[] {
	const keys: string[] = [];
	let textStart = -1;
	const endText = (end: number) => {
		if (textStart === -1) return;
		const text = chunk.slice(textStart, end);
		if (options.text === 'characters') for (const {segment} of segmenter.segment(text)) keys.push(segment);
		else keys.push(text);
		textStart = -1;
	};

	let index = 0;
	while (index < chunk.length) {
		const code = chunk.charCodeAt(index);
		if (code >= 0x20 && code !== 0x7f) {
			if (textStart === -1) textStart = index;
			index++;
			continue;
		}

		endText(index);
		const length = chunk[index] === ESC ? escapeLength(chunk, index) : controlLength(chunk, index);
		keys.push(chunk.slice(index, index + length));
		index += length;
	}

	endText(chunk.length);
	return keys;
}

/** A control byte is one key; CR LF (an unbracketed paste, a Windows line end) is one Enter. */
function controlLength(chunk: string, index: number): number {
	return chunk[index] === '\r' && chunk[index + 1] === '\n' ? 2 : 1;
}

/** Length of the escape sequence at `index`: a paste, a CSI or SS3 key, Alt plus a key, or Esc alone. */
function escapeLength(chunk: string, index: number): number {
	if (chunk.startsWith(PASTE_START, index)) {
		const end = chunk.indexOf(PASTE_END, index + PASTE_START.length);
		// An unfinished paste stays whole rather than turning into keys.
		return end === -1 ? chunk.length - index : end + PASTE_END.length - index;
	}

	const next = chunk[index + 1];
	if (next === undefined) return 1;
	if (next === '[') return csiLength(chunk, index);
	if (next === 'O') return ss3Length(chunk, index);
	if (next === ESC) {
		// Alt with an arrow arrives as ESC ESC [ A; two Esc presses as ESC ESC.
		const after = chunk[index + 2];
		return after === '[' || after === 'O' ? 1 + escapeLength(chunk, index + 1) : 2;
	}

	// Alt plus a key: ESC and one code point (a control byte included: Alt+Enter, Alt+Backspace).
	return 1 + (chunk.codePointAt(index + 1)! > 0xff_ff ? 2 : 1);
}

function csiLength(chunk: string, index: number): number {
	let at = index + 2;
	// Legacy function keys: ESC [ [ A.
	if (chunk[at] === '[') at++;
	for (; at < chunk.length; at++) {
		const code = chunk.charCodeAt(at);
		// rxvt's shifted editing keys end in $ (ESC [ 2 $), normally an intermediate byte.
		if (code === 0x24 && at === index + 3 && '235678'.includes(chunk[index + 2]!)) return at + 1 - index;
		if (code >= 0x40 && code <= 0x7e) return at + 1 - index;
		if (code < 0x20 || code > 0x3f) return at - index;
	}

	return chunk.length - index;
}

function ss3Length(chunk: string, index: number): number {
	for (let at = index + 2; at < chunk.length; at++) {
		const code = chunk.charCodeAt(at);
		if (code >= 0x40 && code <= 0x7e) return at + 1 - index;
		if (code !== 0x3b && (code < 0x30 || code > 0x39)) return at - index;
	}

	return chunk.length - index;
}
