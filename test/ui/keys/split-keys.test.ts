import {describe, expect, it} from 'vitest';
import {splitKeys} from '../../../source/ui/keys/split-keys.js';

describe('splitKeys', () => {
	it('cuts held Backspace, arrows and Delete into one key each', () => {
		expect(splitKeys('\u007F\u007F\u007F')).toEqual(['\u007F', '\u007F', '\u007F']);
		expect(splitKeys('\b\b')).toEqual(['\b', '\b']);
		expect(splitKeys('\u001B[D\u001B[D\u001B[DX')).toEqual(['\u001B[D', '\u001B[D', '\u001B[D', 'X']);
		expect(splitKeys('\u001B[3~\u001B[1;5C\u001BOA')).toEqual(['\u001B[3~', '\u001B[1;5C', '\u001BOA']);
	});

	it('keeps typed text as one run, with the Enter and Ctrl keys around it apart', () => {
		expect(splitKeys('hello there\r')).toEqual(['hello there', '\r']);
		expect(splitKeys('ab\u0001cd\u0005\u000B')).toEqual(['ab', '\u0001', 'cd', '\u0005', '\u000B']);
		expect(splitKeys('one\r\ntwo\rthree\n')).toEqual(['one', '\r\n', 'two', '\r', 'three', '\n']);
		expect(splitKeys('jj')).toEqual(['jj']);
	});

	it('gives one key per character on request, a family emoji being one', () => {
		expect(splitKeys('jjk\r', {text: 'characters'})).toEqual(['j', 'j', 'k', '\r']);
		expect(splitKeys('a👨‍👩‍👧é', {text: 'characters'})).toEqual(['a', '👨‍👩‍👧', 'é']);
	});

	it('keeps a bracketed paste whole, CRs and all, finished or not', () => {
		const paste = '\u001B[200~one\rtwo\u007F\u001B[201~';
		expect(splitKeys(`x${paste}\r`)).toEqual(['x', paste, '\r']);
		expect(splitKeys('\u001B[200~half a pas')).toEqual(['\u001B[200~half a pas']);
	});

	it('reads Alt plus a key, Alt with an arrow, and Esc alone', () => {
		expect(splitKeys('\u001Bb\u001B\r\u001B\u007F')).toEqual(['\u001Bb', '\u001B\r', '\u001B\u007F']);
		expect(splitKeys('\u001B\u001B[A')).toEqual(['\u001B\u001B[A']);
		expect(splitKeys('\u001B')).toEqual(['\u001B']);
		expect(splitKeys('\u001B\u001B')).toEqual(['\u001B\u001B']);
	});

	it('loses no character whatever it is given', () => {
		const chunks = ['\u001B[', '\u001B[12', 'a\u001B[\u007Fb', '\u001BO', '\u001B[[A', '\u001B[2$', 'x\u0000y', '🇫🇷\u001B🇩🇪'];
		for (const chunk of chunks) expect(splitKeys(chunk).join('')).toBe(chunk);
	});
});
