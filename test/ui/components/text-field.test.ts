import {describe, expect, test} from 'vitest';
import {applyFieldEdit, emptyField, fieldEditFor, type FieldState} from '../../../source/ui/components/text-field.js';
import {eachKey, keyPress, type KeyPress} from '../../../source/ui/keys/each-key.js';

/** A chunk as useInput hands it over (one key as Ink names it), cut into its keys. */
const presses = (chunk: string): KeyPress[] => ([...chunk].length === 1 ? [keyPress(chunk)] : eachKey(chunk, keyPress('x').key));

/** A chunk of terminal input applied to a field the way the key screen does. */
function typeInto(field: FieldState, chunk: string): FieldState {
	let next = field;
	for (const press of presses(chunk)) {
		const edit = fieldEditFor(press);
		if (edit) next = applyFieldEdit(next, edit);
	}

	return next;
}

const ctrl = (letter: string) => String.fromCodePoint(letter.codePointAt(0)! - 96);

describe('text field', () => {
	test('text typed with control keys in one chunk: each key in order', () => {
		expect(typeInto(emptyField, `abcdef${ctrl('u')}xy`)).toEqual({text: 'xy', cursor: 2});
		expect(typeInto(emptyField, `abc${ctrl('a')}z`)).toEqual({text: 'zabc', cursor: 1});
		expect(typeInto(emptyField, `abc def${ctrl('w')}`)).toEqual({text: 'abc ', cursor: 4});
		expect(typeInto(emptyField, `abcdef${ctrl('a')}${ctrl('f')}${ctrl('k')}`)).toEqual({text: 'a', cursor: 1});
	});

	test('moves and deletes whole graphemes', () => {
		const family = '👨‍👩‍👧';
		const field = applyFieldEdit(emptyField, {type: 'insert', text: `a${family}b`});
		const left = applyFieldEdit(applyFieldEdit(field, {type: 'left'}), {type: 'left'});
		expect(left.cursor).toBe(1);
		expect(applyFieldEdit(applyFieldEdit(field, {type: 'left'}), {type: 'delete-backward'}).text).toBe('ab');
	});

	test('keys a field leaves to its screen are not edits', () => {
		for (const chunk of ['\r', '\t', '\u001B[A', ctrl('c')]) {
			for (const press of presses(chunk)) expect(fieldEditFor(press)).toBeUndefined();
		}
	});
});
