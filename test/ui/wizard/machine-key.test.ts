/** The key field inside the machine: every key an edit of the latest text, pastes cleaned, --no-check. */
import {describe, expect, test} from 'vitest';
import type {FieldEdit} from '../../../source/ui/components/text-field.js';
import {initialWizardState, wizardReducer, type WizardEvent, type WizardState} from '../../../source/ui/wizard/machine.js';

const KEY = 'sk-test0000intl00000000000000000000';
const run = (state: WizardState, ...events: WizardEvent[]) => events.reduce(wizardReducer, state);
const edit = (...edits: FieldEdit[]): WizardEvent[] => edits.map(one => ({type: 'edit-key', edit: one}));
const atKey = (checkKey = true) => initialWizardState({presetRegion: 'intl', presetMethod: 'api-key', checkKey});

describe('the key field', () => {
	test('three Backspaces after "abcdef" leave "abc"; three Lefts move three', () => {
		const typed = run(atKey(), ...edit({type: 'insert', text: 'abcdef'}));
		const deleted = run(typed, ...edit({type: 'delete-backward'}, {type: 'delete-backward'}, {type: 'delete-backward'}));
		expect(deleted).toMatchObject({keyDraft: 'abc', keyCursor: 3});
		expect(run(typed, ...edit({type: 'left'}, {type: 'left'}, {type: 'left'})).keyCursor).toBe(3);
	});

	test('readline keys: Ctrl+A/E move, Ctrl+U/K/W delete', () => {
		const typed = run(atKey(), ...edit({type: 'insert', text: 'sk-abc def'}));
		expect(run(typed, ...edit({type: 'delete-to-start'}))).toMatchObject({keyDraft: '', keyCursor: 0});
		expect(run(typed, ...edit({type: 'start'}, {type: 'delete-to-end'})).keyDraft).toBe('');
		// What is left is a key: the space after it is cleaned away.
		expect(run(typed, ...edit({type: 'delete-word-backward'})).keyDraft).toBe('sk-abc');
		expect(run(typed, ...edit({type: 'start'}, {type: 'end'})).keyCursor).toBe(10);
	});

	test('pasted junk is cleaned as it lands; a whole key replaces what is there', () => {
		expect(run(atKey(), {type: 'paste-key', text: `"${KEY}"\n`})).toMatchObject({keyDraft: KEY, keyCursor: KEY.length});
		expect(run(atKey(), ...edit({type: 'insert', text: 'ak-1'}), {type: 'paste-key', text: `export QWEN_API_KEY=${KEY}`}).keyDraft).toBe(KEY);
		expect(run(atKey(), ...edit({type: 'insert', text: `'${KEY}'`})).keyDraft).toBe(KEY);
	});

	test('Enter goes on only with a key in the field', () => {
		expect(run(atKey(), ...edit({type: 'insert', text: 'ak-12'}), {type: 'submit-key'}).step).toBe('key');
		expect(run(atKey(), ...edit({type: 'insert', text: KEY}), {type: 'submit-key'})).toMatchObject({step: 'check', key: KEY});
	});

	test('--no-check: the key goes straight to the model step, not checked', () => {
		const state = run(atKey(false), {type: 'set-key-draft', draft: KEY}, {type: 'submit-key'});
		expect(state).toMatchObject({step: 'model', key: KEY, regionModelIds: undefined});
		expect(run(state, {type: 'back'}).step).toBe('key');
	});
});
