/**
 * Leaving the wizard once the save has run reports what the save did: Ctrl+C
 * after "Qwen is set up" is a saved setup, Esc after a failed save is a
 * failure (never "cancelled; nothing was written").
 */
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {OAuthSaveResult} from '../../../source/core/oauth/save-oauth-setup.js';
import {PartlyWrittenError} from '../../../source/core/openclaw/state-change.js';
import {setProgramName} from '../../../source/core/program-name.js';
import {getRegion} from '../../../source/core/regions.js';
import type {SaveResult} from '../../../source/core/setup.js';
import type {WizardOutcome} from '../../../source/ui/wizard/outcome.js';
import type {WizardServices} from '../../../source/ui/wizard/services.js';
import {wizardSummary} from '../../../source/ui/wizard/summary.js';
import {WizardApp} from '../../../source/ui/wizard/wizard-app.js';
import {bracketedPaste, KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';
import {stubServices} from './stub-services.js';

const KEY = 'sk-test0000intl00000000000000000a';
const SAVED: SaveResult = {
	configPath: '/home/u/.openclaw/openclaw.json',
	authProfilesPath: '/home/u/.openclaw/agents/main/agent/auth-profiles.json',
	modelRef: 'qwen-portal/qwen3-coder-plus',
	region: getRegion('intl'),
	keyWritten: true,
	configWritten: true,
};
const OAUTH_SAVED: OAuthSaveResult = {
	configPath: SAVED.configPath,
	authProfilesPath: SAVED.authProfilesPath,
	modelRef: 'qwen-portal/coder-model',
	modelId: 'coder-model',
	baseUrl: 'https://portal.qwen.ai/v1',
	profileId: 'qwen-portal:oauth',
	expires: Date.UTC(2030, 0, 1),
};

let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

function services(saveSetup: WizardServices['saveSetup']): WizardServices {
	return stubServices({saveSetup});
}

/** Key → check (accepted) → default model → done. */
async function startAndSave(saveSetup: WizardServices['saveSetup']) {
	const onExit = vi.fn<(outcome: WizardOutcome, details: {maskedKey?: string}) => void>();
	terminal = await renderTerminal(
		<WizardApp services={services(saveSetup)} presetRegion="intl" presetMethod="api-key" home="/home/u" onExit={onExit} />,
	);
	const t = terminal;
	await t.waitFor('API key');
	await t.press(bracketedPaste(KEY));
	await t.waitFor('Looks like a key');
	await t.press(KEYS.enter);
	await t.waitFor('Default model');
	await t.press(KEYS.enter);
	return {t, onExit};
}

describe('leaving after the save', () => {
	test('Ctrl+C after the setup was saved reports it saved, not cancelled', async () => {
		const {t, onExit} = await startAndSave(async () => SAVED);
		await t.waitFor('Qwen is set up');
		await t.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledTimes(1);
		expect(onExit).toHaveBeenCalledWith({kind: 'saved', save: SAVED, modelId: 'qwen3-coder-plus', startChat: false}, {maskedKey: 'sk-…000a'});
	});

	test('Ctrl+C while saving waits for the save and reports what it did', async () => {
		let finish: (result: SaveResult) => void = () => {};
		const {t, onExit} = await startAndSave(async () => new Promise<SaveResult>(resolve => (finish = resolve)));
		await t.waitFor('Saving');
		await t.press(KEYS.ctrlC);
		expect(onExit).not.toHaveBeenCalled();
		finish(SAVED);
		await vi.waitFor(() => {
			expect(onExit).toHaveBeenCalledWith(expect.objectContaining({kind: 'saved', startChat: false}), {maskedKey: 'sk-…000a'});
		});
	});

	test('Esc after a failed save reports the failure', async () => {
		const {t, onExit} = await startAndSave(async () => {
			throw new Error('Permission denied for openclaw.json.');
		});
		await t.waitFor('Could not save the setup');
		await t.press(KEYS.escape);
		expect(onExit).toHaveBeenCalledWith({kind: 'failed', message: 'Permission denied for openclaw.json.'}, {});
	});

	test('Esc after a save that left part of its change written reports that, not a clean failure', async () => {
		const problem = {kind: 'disk_full', title: 'Disk full', message: 'Part of the change was written and could not be taken back.', nextStep: ''};
		const {t, onExit} = await startAndSave(async () => {
			throw new PartlyWrittenError(problem, {});
		});
		await t.waitFor('Could not save the setup');
		await t.press(KEYS.escape);
		expect(onExit).toHaveBeenCalledWith({kind: 'failed', message: 'Disk full: Part of the change was written and could not be taken back.', partlyWritten: true}, {});
	});

	test('Ctrl+C after a failed save reports the failure', async () => {
		const {t, onExit} = await startAndSave(async () => {
			throw new Error('disk full');
		});
		await t.waitFor('Could not save the setup');
		await t.press(KEYS.ctrlC);
		expect(onExit).toHaveBeenCalledWith({kind: 'failed', message: 'disk full'}, {});
	});

	test('Ctrl+C on the OAuth "Signed in" screen reports the saved login', async () => {
		const onExit = vi.fn<(outcome: WizardOutcome, details: {maskedKey?: string}) => void>();
		terminal = await renderTerminal(
			<WizardApp services={stubServices({oauth: {saveLogin: async () => OAUTH_SAVED}})} presetMethod="oauth" onExit={onExit} />,
		);
		await terminal.waitFor('Signed in with Qwen OAuth');
		await terminal.press(KEYS.ctrlC);
		await vi.waitFor(() => {
			expect(onExit).toHaveBeenCalledWith({kind: 'oauth-saved', save: OAUTH_SAVED, modelId: 'coder-model', startChat: false}, {});
		});
	});

	/** A sign-in approved at once, whose login is saved by `saving`. */
	async function startOAuthSave(saving: Promise<OAuthSaveResult>) {
		const onExit = vi.fn<(outcome: WizardOutcome, details: {maskedKey?: string}) => void>();
		terminal = await renderTerminal(<WizardApp services={stubServices({oauth: {saveLogin: async () => saving}})} presetMethod="oauth" onExit={onExit} />);
		await terminal.waitFor('Saving your login');
		return {t: terminal, onExit};
	}

	test('Ctrl+C while the OAuth login is saving waits for it and reports the saved login', async () => {
		let finish: (result: OAuthSaveResult) => void = () => {};
		const {t, onExit} = await startOAuthSave(new Promise<OAuthSaveResult>(resolve => (finish = resolve)));
		await t.press(KEYS.ctrlC);
		expect(onExit).not.toHaveBeenCalled();
		finish(OAUTH_SAVED);
		await vi.waitFor(() => {
			expect(onExit).toHaveBeenCalledWith({kind: 'oauth-saved', save: OAUTH_SAVED, modelId: 'coder-model', startChat: false}, {});
		});
		expect(onExit).toHaveBeenCalledTimes(1);
	});

	test('Ctrl+C while the OAuth login is saving reports a failed save', async () => {
		let fail: (error: Error) => void = () => {};
		const {t, onExit} = await startOAuthSave(new Promise<OAuthSaveResult>((_resolve, reject) => (fail = reject)));
		await t.press(KEYS.ctrlC);
		expect(onExit).not.toHaveBeenCalled();
		fail(new Error('Permission denied for openclaw.json.'));
		await vi.waitFor(() => {
			expect(onExit).toHaveBeenCalledWith({kind: 'failed', message: 'Permission denied for openclaw.json.'}, {});
		});
	});
});

test('the summary of a failed save says nothing was written, since the save took itself back', () => {
	const text = wizardSummary({kind: 'failed', message: 'disk full.'}, {chatCommand: 'openclaw chat'});
	expect(text).toContain('setup failed; nothing was written. disk full.');
	expect(text).not.toContain('cancelled');
});

test('the summary of a save that left part of its change written does not say nothing was written', () => {
	const message = 'Cannot write openclaw.json: disk full. Part of the change was written and could not be taken back; the next openclaw command completes it.';
	const text = wizardSummary({kind: 'failed', message, partlyWritten: true}, {chatCommand: 'openclaw chat'});
	expect(text).toContain(`setup failed. ${message}`);
	expect(text).not.toContain('nothing was written');
});

test('the summary names only the files the save wrote', () => {
	const summary = (written: {keyWritten: boolean; configWritten: boolean}) =>
		wizardSummary({kind: 'saved', save: {...SAVED, ...written}, modelId: 'qwen3-coder-plus', startChat: false}, {maskedKey: 'sk-…000a', home: '/home/u', chatCommand: 'openclaw chat'});
	expect(summary({keyWritten: true, configWritten: true})).toContain(
		'Saved the API key (sk-…000a) for International (Singapore) to ~/.openclaw/agents/main/agent/auth-profiles.json and made qwen3-coder-plus the default model in ~/.openclaw/openclaw.json.',
	);
	expect(summary({keyWritten: true, configWritten: false})).toContain('; ~/.openclaw/openclaw.json already has qwen3-coder-plus as the default model.');
	expect(summary({keyWritten: false, configWritten: true})).toContain(
		'Made qwen3-coder-plus the default model in ~/.openclaw/openclaw.json; the API key (sk-…000a) for International (Singapore) was already saved',
	);
	const nothing = summary({keyWritten: false, configWritten: false});
	expect(nothing).toMatch(/^openclaw: Already set up with this key and model; nothing was written\./);
	expect(nothing).not.toMatch(/Saved|Made/);
});

test('the summary says when an exported key variable will be used instead of the saved key', () => {
	const text = wizardSummary({kind: 'saved', save: {...SAVED, overriddenBy: 'DASHSCOPE_API_KEY'}, modelId: 'qwen3-coder-plus', startChat: true}, {chatCommand: 'openclaw chat'});
	expect(text).toContain('DASHSCOPE_API_KEY is set in this environment and takes precedence over the saved key; unset it to use the saved one, or export the new key (export DASHSCOPE_API_KEY="sk-…"). Opening the chat now.');
});

test('the summary starts with the name the program was started as', () => {
	setProgramName('openclaw-qwen');
	try {
		expect(wizardSummary({kind: 'cancelled'}, {chatCommand: 'openclaw-qwen chat'})).toMatch(/^openclaw-qwen: setup cancelled; nothing was written\. Run `openclaw-qwen models auth login/);
		expect(wizardSummary({kind: 'saved', save: SAVED, modelId: 'qwen3-coder-plus', startChat: true}, {chatCommand: 'openclaw-qwen chat'})).toMatch(/^openclaw-qwen: Qwen is set up\./);
	} finally {
		setProgramName('openclaw');
	}
});
