/**
 * Keys typed ahead of a screen change, in one chunk, reach the screen they
 * were typed for: Enter on the method, Enter on the region, then the key.
 */
import {afterEach, expect, test, vi} from 'vitest';
import {WizardApp} from '../../../source/ui/wizard/wizard-app.js';
import {KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';
import {stubServices} from './stub-services.js';

const KEY = 'sk-test0000intl00000000000000000000';
let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

test('Enter, Down, Enter and the key in one chunk: API key, China (Beijing), the key in the field', async () => {
	terminal = await renderTerminal(<WizardApp services={stubServices()} onExit={() => {}} />);
	await terminal.waitFor('Step 1 of 5');
	await terminal.press(`${KEYS.enter}${KEYS.down}${KEYS.enter}${KEY}`);
	const frame = await terminal.waitFor('Looks like a key');
	expect(frame).toContain('for China (Beijing)');
	expect(frame).toContain(`API key: ${'•'.repeat(KEY.length)}`);
});

test('keys typed while the key check runs do not act on its answer', async () => {
	let answer: () => void = () => {};
	const probeKey = vi.fn(
		async () =>
			new Promise<never>((_resolve, reject) => {
				answer = () => reject(new Error('offline'));
			}),
	);
	terminal = await renderTerminal(<WizardApp services={stubServices({probeKey})} presetRegion="intl" presetMethod="api-key" onExit={() => {}} />);
	await terminal.waitFor('Step 3 of 5');
	await terminal.press(`${KEY}${KEYS.enter}${KEYS.down}${KEYS.enter}`);
	await terminal.waitFor('Checking');
	answer();
	const frame = await terminal.waitFor('could not check the key');
	// The Down and Enter were typed at the spinner: they neither moved nor chose in the answer.
	expect(frame).toContain('❯ Try again');
	expect(probeKey).toHaveBeenCalledTimes(1);
});
