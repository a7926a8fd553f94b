/**
 * Checks a pasted DashScope API key before anything is sent or saved. Pastes
 * carry junk (quotes, `export QWEN_API_KEY=`, bracketed-paste markers); that is
 * cleaned and noted. Everything else wrong gets one specific message, which
 * never contains the key itself.
 */
import {KEY_ENV_VARS} from './env-vars.js';
import {KEY_MASK} from './redact-secrets.js';

export type KeyProblem =
	| 'empty'
	| 'missing_prefix'
	| 'inner_whitespace'
	| 'control_chars'
	| 'too_long'
	| 'coding_plan_key'
	| 'non_ascii';

export type KeyValidation = {ok: true; key: string; notes: string[]} | {ok: false; problem: KeyProblem; message: string};

const MAX_KEY_LENGTH = 256;

const KEY_SOURCE = 'Copy it from the API Keys page of Alibaba Cloud Model Studio (DashScope) for your region.';

/** Every user-facing string of this module, each with the way forward. */
const MESSAGES = {
	empty: () => `No API key entered. ${KEY_SOURCE}`,
	missingPrefix: () => `DashScope API keys start with "sk-"; this one does not. ${KEY_SOURCE}`,
	innerWhitespace: (position: number) =>
		`The key has a space or line break inside it (character ${position}). Copy it again as one piece, without wrapping.`,
	controlChars: (position: number) =>
		`The key has an invisible control character at character ${position}, likely from the terminal. Paste it again.`,
	nonAscii: (position: number, what: string) =>
		`The key has ${what} at character ${position}; keys are plain ASCII. Copy it again instead of typing it.`,
	tooLong: (length: number) =>
		`That is ${length} characters; a DashScope key is far shorter (at most ${MAX_KEY_LENGTH}). Paste only the key.`,
	codingPlan: () =>
		'This is a Coding Plan / Token Plan key (sk-sp-). It works only on its own host https://coding-intl.dashscope.aliyuncs.com/v1, not on the pay-as-you-go endpoints openclaw uses. Create a Model Studio API key and paste that.',
	strippedPasteMarkers: () => 'Removed bracketed-paste markers from the paste.',
	strippedWhitespace: () => 'Removed spaces or line breaks around the key.',
	strippedQuotes: () => 'Removed quotes around the key.',
	strippedAssignment: (name: string) => `Removed "${name}=" in front of the key.`,
	strippedBearer: () => 'Removed "Bearer " in front of the key.',
	strippedSemicolon: () => 'Removed a ";" after the key.',
};

// ESC[200~ / ESC[201~ wrap bracketed pastes; some terminals leave just `[200~`.
const PASTE_MARKERS = /\u001b?\[20[01]~/g;
const ASSIGNMENT = new RegExp(`^(?:export\\s+|set\\s+|\\$env:)?(${KEY_ENV_VARS.join('|')})\\s*=\\s*`, 'i');
const BEARER = /^(?:authorization:\s*)?bearer\s+/i;
const QUOTES = /^["'`]+|["'`]+$/g;
const TRAILING_SEMICOLON = /;+$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function validateApiKey(raw: string): KeyValidation {
	const {key, notes} = cleanPaste(raw);

	if (key === '') return fail('empty', MESSAGES.empty());
	if (key.length > MAX_KEY_LENGTH) return fail('too_long', MESSAGES.tooLong(key.length));

	const whitespace = key.search(/\s/);
	if (whitespace !== -1) return fail('inner_whitespace', MESSAGES.innerWhitespace(whitespace + 1));

	const control = key.search(CONTROL);
	if (control !== -1) return fail('control_chars', MESSAGES.controlChars(control + 1));

	// Before the prefix check: a Cyrillic 'ѕ' in "ѕk-" should be named as such.
	const nonAscii = key.search(/[^\u0000-\u007f]/);
	if (nonAscii !== -1) {
		return fail('non_ascii', MESSAGES.nonAscii(nonAscii + 1, describeNonAscii(key.codePointAt(nonAscii) ?? 0)));
	}

	if (!key.startsWith('sk-')) return fail('missing_prefix', MESSAGES.missingPrefix());
	if (key.startsWith('sk-sp-')) return fail('coding_plan_key', MESSAGES.codingPlan());

	return {ok: true, key, notes};
}

/** 'sk-…a1b2': never more than the last four characters. */
export function maskKey(key: string): string {
	const trimmed = key.trim();
	const prefix = trimmed.startsWith('sk-') ? KEY_MASK : '…';
	// Short values would give away too much of themselves.
	return trimmed.length >= 16 ? `${prefix}${trimmed.slice(-4)}` : prefix;
}

function fail(problem: KeyProblem, message: string): KeyValidation {
	return {ok: false, problem, message};
}

function cleanPaste(raw: string): {key: string; notes: string[]} {
	const notes = new Set<string>();
	let key = raw;

	// Junk can be nested (`export QWEN_API_KEY="sk-…"` inside a bracketed paste): peel until stable.
	for (let previous = ''; previous !== key; ) {
		previous = key;

		const unmarked = key.replace(PASTE_MARKERS, '');
		if (unmarked !== key) notes.add(MESSAGES.strippedPasteMarkers());
		key = unmarked;

		const trimmed = key.trim();
		if (trimmed !== key) notes.add(MESSAGES.strippedWhitespace());
		key = trimmed;

		const assignment = ASSIGNMENT.exec(key);
		if (assignment) {
			notes.add(MESSAGES.strippedAssignment(assignment[1] ?? ''));
			key = key.slice(assignment[0].length);
		}

		const bearer = BEARER.exec(key);
		if (bearer) {
			notes.add(MESSAGES.strippedBearer());
			key = key.slice(bearer[0].length);
		}

		const unterminated = key.replace(TRAILING_SEMICOLON, '');
		if (unterminated !== key) notes.add(MESSAGES.strippedSemicolon());
		key = unterminated;

		const unquoted = stripQuotes(key);
		if (unquoted !== key) notes.add(MESSAGES.strippedQuotes());
		key = unquoted;
	}

	return {key, notes: [...notes]};
}

/** `text` without the quotes or backticks a paste or a shell left around it. */
export function stripQuotes(text: string): string {
	return text.replace(QUOTES, '');
}

function describeNonAscii(code: number): string {
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	if (code >= 0x0400 && code <= 0x04ff) return `a Cyrillic letter that looks like a Latin one (${hex})`;
	if (code >= 0x0370 && code <= 0x03ff) return `a Greek letter that looks like a Latin one (${hex})`;
	if (code >= 0xff01 && code <= 0xff5e) return `a fullwidth character (${hex})`;
	if ((code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0xfeff) {
		return `an invisible zero-width character (${hex})`;
	}

	if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return `a typographic dash instead of "-" (${hex})`;
	if (code === 0x2026) return `an ellipsis "…" (${hex}), as in a shortened key`;
	return `a non-ASCII character (${hex})`;
}
