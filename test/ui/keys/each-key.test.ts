import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {eachKey, keyPress} from '../../../source/ui/keys/each-key.js';

const plain = keyPress('x').key;
/** The keys named in a press, for short assertions. */
const named = (key: Key) => Object.entries(key).flatMap(([name, value]) => (value === true ? [name] : []));

describe('keyPress', () => {
	it('describes keys the way Ink does', () => {
		expect(named(keyPress('\r').key)).toEqual(['return']);
		expect(named(keyPress('\u001B\r').key)).toEqual(['return', 'meta']);
		expect(keyPress('\n')).toMatchObject({input: '\n'});
		expect(named(keyPress('\u007F').key)).toEqual(['backspace']);
		expect(named(keyPress('\b').key)).toEqual(['backspace']);
		expect(named(keyPress('\u001B\u007F').key)).toEqual(['backspace', 'meta']);
		expect(named(keyPress('\u001B[D').key)).toEqual(['leftArrow']);
		expect(named(keyPress('\u001BOA').key)).toEqual(['upArrow']);
		expect(named(keyPress('\u001B[3~').key)).toEqual(['delete']);
		expect(named(keyPress('\u001B[H').key)).toEqual(['home']);
		expect(named(keyPress('\u001B[4~').key)).toEqual(['end']);
		expect(named(keyPress('\u001B[1;5C').key)).toEqual(['rightArrow', 'ctrl']);
		expect(named(keyPress('\t').key)).toEqual(['tab']);
		expect(named(keyPress('\u001B').key)).toEqual(['escape']);
		expect(keyPress('\u0001')).toMatchObject({input: 'a', key: {ctrl: true}});
		expect(keyPress('\u000F')).toMatchObject({input: 'o', key: {ctrl: true}});
		expect(keyPress('\u001Bb')).toMatchObject({input: 'b', key: {meta: true}});
		expect(keyPress('Q')).toMatchObject({input: 'Q', key: {shift: true}});
		expect(keyPress('\u001B[200~pasted\rtext\u001B[201~')).toMatchObject({input: 'pasted\rtext'});
	});
});

describe('eachKey', () => {
	it('passes a single key through as Ink described it', () => {
		const key = {...plain, leftArrow: true};
		expect(eachKey('', key)).toEqual([{input: '', key}]);
		expect(eachKey('abc', plain)).toEqual([{input: 'abc', key: plain}]);
	});

	it('splits what Ink handed over as one event into its keys, in order', () => {
		const keys = eachKey('hello\r\u0001x\t', plain);
		expect(keys.map(press => press.input)).toEqual(['hello', '', 'a', 'x', '']);
		expect(keys.map(press => named(press.key))).toEqual([[], ['return'], ['ctrl'], [], ['tab']]);
	});

	it('gives one key per letter for navigation (jj moves twice)', () => {
		expect(eachKey('jj', plain, {text: 'characters'}).map(press => press.input)).toEqual(['j', 'j']);
	});
});
