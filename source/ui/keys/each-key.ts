/**
 * Ink's `useInput` input, one key at a time. Ink splits escape sequences and
 * Backspace bytes out of a chunk, but hands other multi-key chunks to the
 * handler as one event: text with the Enter after it ("hello\r" from tmux
 * send-keys), text with a Ctrl key, a Tab. `eachKey` cuts such an event into
 * its keys (split-keys.ts) and describes each the way Ink describes a single
 * key, so a handler written for one key handles them all, in order.
 */
import type {Key} from 'ink';
import {splitKeys, type SplitKeysOptions} from './split-keys.js';

export type KeyPress = {readonly input: string; readonly key: Key};

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** The keys in one `useInput` event: the event itself when it is one key. */
export function eachKey(input: string, key: Key, options: SplitKeysOptions = {}): KeyPress[] {
	if (!holdsSeveralKeys(input, key, options)) return [{input, key}];
	return splitKeys(input, options).map(sequence => keyPress(sequence));
}

/** An event Ink could not name as one key and that holds a control byte (or, for 'characters', more than one character). */
function holdsSeveralKeys(input: string, key: Key, options: SplitKeysOptions): boolean {
	if (input.length < 2 || key.ctrl || key.meta || key.return || key.escape || key.tab || key.backspace) return false;
	// Control bytes are what separates keys.
	if (/[\u0000-\u001F\u007F]/.test(input)) return true;
	return options.text === 'characters' && splitKeys(input, options).length > 1;
}

const csiKeys: Record<string, keyof Key> = {
	A: 'upArrow',
	B: 'downArrow',
	C: 'rightArrow',
	D: 'leftArrow',
	H: 'home',
	F: 'end',
	'1~': 'home',
	'7~': 'home',
	'4~': 'end',
	'8~': 'end',
	'3~': 'delete',
	'5~': 'pageUp',
	'6~': 'pageDown',
};

/** One key as Ink's `useInput` would describe it (parse-keypress.js, without the kitty protocol). */
export function keyPress(sequence: string): KeyPress {
	const key = (flags: Partial<Key>, input = ''): KeyPress => ({input, key: {...noKey, ...flags}});
	if (sequence === '\r' || sequence === '\r\n') return key({return: true});
	if (sequence === '\u001B\r') return key({return: true, meta: true});
	if (sequence === '\n') return key({}, '\n');
	if (sequence === '\t') return key({tab: true});
	if (sequence === '\u001B[Z') return key({tab: true, shift: true});
	if (sequence === '\u007F' || sequence === '\b') return key({backspace: true});
	if (sequence === '\u001B\u007F' || sequence === '\u001B\b') return key({backspace: true, meta: true});
	if (sequence === '\u001B' || sequence === '\u001B\u001B') return key({escape: true, meta: sequence.length === 2});
	if (sequence.startsWith('\u001B[200~')) return key({}, sequence.slice(6).replace(/\u001B\[201~$/, ''));

	// Ctrl plus a letter or punctuation, with Alt in front or not.
	const control = /^\u001B?([\u0000-\u001A\u001C-\u001F])$/.exec(sequence);
	if (control) {
		const code = control[1]!.charCodeAt(0);
		const name = code === 0 ? ' ' : String.fromCharCode(code + (code <= 26 ? 96 : 64));
		return key({ctrl: true, meta: sequence.length === 2}, name);
	}

	const tilde = /^\u001B+\[\[?(\d+)(?:;(\d+))?([~$^])$/.exec(sequence);
	const letter = /^\u001B+[[O](?:1;)?(\d+)?([A-Za-z])$/.exec(sequence);
	if (tilde || letter) {
		const [name, modifierText, final] = tilde ? [csiKeys[`${tilde[1]}~`], tilde[2], tilde[3]] : [csiKeys[letter![2]!], letter![1], ''];
		const modifier = Number(modifierText ?? 1) - 1;
		const flags: Partial<Key> = {
			ctrl: (modifier & 4) !== 0 || final === '^',
			meta: (modifier & 10) !== 0 || sequence.startsWith('\u001B\u001B'),
			shift: (modifier & 1) !== 0 || final === '$',
		};
		return key(name ? {...flags, [name]: true} : flags);
	}

	// Alt plus a character.
	if (sequence.startsWith('\u001B')) {
		const character = sequence.slice(1);
		return key({meta: true, shift: /^[A-Z]$/.test(character)}, character);
	}

	return key({shift: /^[A-Z]$/.test(sequence)}, sequence);
}
