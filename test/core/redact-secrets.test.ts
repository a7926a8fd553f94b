/** Keys never reach the screen or the disk: the key pattern, the known secret in any form, and the mask. */
import {describe, expect, it} from 'vitest';
import {maskKey} from '../../source/core/api-key.js';
import {KEY_MASK, redactSecrets, scrubKeys} from '../../source/core/redact-secrets.js';

// Obviously fake, but varied: each slice below is told apart from the others and from padding.
const key = 'sk-test0000redact1a2b3c4d5e6f7a8b9c';

describe('scrubKeys', () => {
	it.each([
		['in capitals', `key ${key.toUpperCase()} refused`],
		['in capitals without sk-', `key ${key.slice(3).toUpperCase()} refused`],
		['broken over lines', `key ${key.slice(0, 12)}\n${key.slice(12, 24)}\r\n${key.slice(24)} refused`],
		['truncated', `key ${key.slice(0, 14)}… refused`],
		['by its tail', `key ending ${key.slice(-12)} refused`],
		['mixed case with a space inside', `key ${key.slice(0, 20).toUpperCase()} ${key.slice(20)} refused`],
	])('hides the key %s', (_name, text) => {
		const scrubbed = scrubKeys(text, key);
		expect(scrubbed).toMatch(/^key .*refused$/s);
		for (const piece of [key, key.slice(3), key.slice(-12), key.slice(3, 15)]) {
			expect(scrubbed.toLowerCase().replace(/\s+/g, '')).not.toContain(piece);
		}
	});

	it('hides any key-shaped word in any case without knowing the key, but not words like desk-lamp', () => {
		expect(scrubKeys('got SK-ABCDEF123456 back')).toBe('got sk-… back');
		expect(scrubKeys('see the desk-lamp')).toBe('see the desk-lamp');
	});
});

describe('keys never leak', () => {
	const key = 'sk-test0000leak0000000000000000abcd';

	it('scrubs sk- tokens from any text', () => {
		expect(scrubKeys(`bad key ${key}!`)).toBe('bad key sk-…!');
		expect(scrubKeys('sk-ws-H.ABCDEFG.ab12.xyz_-')).toBe('sk-…');
	});

	it('scrubs the known key quoted without its sk- prefix', () => {
		expect(scrubKeys(`proxy refused ${key.slice(3)}.`, key)).toBe('proxy refused ….');
	});
});

describe('one key rule for messages and stored sessions', () => {
	it.each([
		['a short key where a word starts', 'use sk-abcd here', 'use sk-… here'],
		['a key in capitals', 'got SK-ABCDEF123456 back', 'got sk-… back'],
		['a long key glued to a word', 'tokensk-abcdefghijklmnop1234 end', 'token' + 'sk-… end'],
		['not a hyphenated word', 'see the desk-lamp', 'see the desk-lamp'],
	])('%s', (_name, text, expected) => {
		expect(scrubKeys(text)).toBe(expected);
		expect(redactSecrets(text, [])).toBe(expected);
	});

	it('masks the keys in use wherever they are, whatever their shape', () => {
		expect(redactSecrets('my key is abc.def.ghi', ['abc.def.ghi'])).toBe(`my key is ${KEY_MASK}`);
	});

	it('shows a masked key with the same mask', () => {
		expect(maskKey(key).startsWith(KEY_MASK)).toBe(true);
	});
});
