/**
 * The key check's safety net (probeKey throwing instead of answering) must not
 * show any piece of the key, not even the part after `sk-` that the generic
 * key pattern misses.
 */
import {afterEach, expect, test, vi} from 'vitest';
import {WizardApp} from '../../../source/ui/wizard/wizard-app.js';
import {bracketedPaste, KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';
import {stubServices} from './stub-services.js';

const KEY = 'sk-test0000intl1a2b3c4d5e6f7a8b9c0d';

let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

test('an error thrown by the key check that quotes the key shows no piece of it', async () => {
	const services = stubServices({
		probeKey: async () => {
			throw new Error(`proxy refused credentials ${KEY.slice(3)}`);
		},
		saveSetup: vi.fn(),
	});
	terminal = await renderTerminal(
		<WizardApp services={services} presetRegion="intl" presetMethod="api-key" onExit={() => {}} />,
		{columns: 120},
	);
	await terminal.waitFor('API key');
	await terminal.press(bracketedPaste(KEY));
	await terminal.waitFor('Looks like a key');
	await terminal.press(KEYS.enter);
	await terminal.waitFor('could not check the key');
	expect(terminal.history()).toContain('proxy refused credentials');
	expect(terminal.history()).not.toContain(KEY.slice(3));
	expect(terminal.history()).not.toContain(KEY.slice(-12));
});
