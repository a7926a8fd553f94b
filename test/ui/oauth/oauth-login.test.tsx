/**
 * The Qwen OAuth step of the wizard against the fake Qwen OAuth server: the
 * device login on screen, the save, Esc and retry. Real HTTP, real files.
 */
import fs from 'node:fs';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {OAuthSaveResult} from '../../../source/core/oauth/save-oauth-setup.js';
import type {BrowserOpener} from '../../../source/ui/oauth/open-browser.js';
import {coreServices} from '../../../source/ui/wizard/run-wizard.js';
import type {WizardServices} from '../../../source/ui/wizard/services.js';
import {WizardApp} from '../../../source/ui/wizard/wizard-app.js';
import type {FakeQwenOAuthOptions} from '../../support/fake-qwen-oauth.js';
import {readJson} from '../../support/temp-home.js';
import {freshFakeQwenOAuthHome} from '../../support/fresh-fake-qwen-oauth-home.js';
import {KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';

const {fake, home, startFake, makeHome} = freshFakeQwenOAuthHome();
let terminal: Terminal | undefined;

// Runs before the server and home go (after-hooks run last-registered first).
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

const METHOD_SCREEN = 'How do you want to sign in to Qwen?';

async function mount(options: FakeQwenOAuthOptions, extras: {opener?: BrowserOpener; saveLogin?: WizardServices['oauth']['saveLogin']} = {}) {
	await startFake({interval: 0.02, ...options});
	makeHome();
	const opened: string[] = [];
	const openBrowser =
		extras.opener ??
		(async (url: string) => {
			opened.push(url);
			return 'opened' as const;
		});
	const core = coreServices({...home.env, ...fake.env, NO_COLOR: '1'}, home.paths, {openBrowser});
	const services: WizardServices = extras.saveLogin ? {...core, oauth: {...core.oauth, saveLogin: extras.saveLogin}} : core;
	const onExit = vi.fn();
	terminal = await renderTerminal(<WizardApp services={services} presetMethod="oauth" onExit={onExit} />, {columns: 100, rows: 30});
	return {t: terminal, opened, onExit};
}

describe('the Qwen OAuth step against the fake Qwen OAuth server', () => {
	it('shows the code, opens the browser, and saves the login when approved', async () => {
		const {t, opened, onExit} = await mount({poll: ['pending', 'pending', 'pending', 'approve']});
		await t.waitFor('Signed in with Qwen OAuth');
		expect(t.history()).toContain('ABCD-');
		expect(t.history()).toContain('Opened in your browser.');
		expect(opened).toEqual([`${fake.url}/authorize?user_code=ABCD-1001&client=qwen-code`]);

		expect(t.frame()).toContain('coder-model (qwen-portal/coder-model)');
		expect(t.frame()).toContain(`${fake.url}/v1`);
		const profile = readJson(home.credentialsPath).profiles['qwen-portal:oauth'];
		expect(profile).toMatchObject({type: 'oauth', provider: 'qwen-portal', access: fake.issued.access, refresh: fake.issued.refresh});
		expect(readJson(home.paths.configPath).models.providers['qwen-portal'].apiKey).toEqual({source: 'file', provider: 'openclaw-qwen', id: '/profiles/qwen-portal:oauth/access'});
		expect(fake.pkce.failed).toBe(0);
		expect(t.history()).not.toContain(METHOD_SCREEN);
		expect(onExit).not.toHaveBeenCalled();
	});

	it('Esc while waiting goes back, stops polling and saves nothing', async () => {
		const {t} = await mount({poll: ['pending']});
		await t.waitFor('Waiting for approval');
		await t.press(KEYS.escape);
		await t.waitFor(METHOD_SCREEN);
		// A poll sent just before Esc may still arrive; after that, none may follow.
		await new Promise(resolve => setTimeout(resolve, 50));
		const polls = fake.count('poll');
		await new Promise(resolve => setTimeout(resolve, 150));
		expect(fake.count('poll')).toBe(polls);
		expect(fs.existsSync(home.credentialsPath)).toBe(false);
	});

	it('a declined login shows why, r starts over with a new code, Enter goes back', async () => {
		const {t} = await mount({poll: ['access_denied']});
		await t.waitFor('Sign-in declined');
		expect(t.frame()).toContain('nothing was saved');
		fake.setPoll(['pending']);
		await t.press('r');
		await t.waitFor('Waiting for approval');
		expect(fake.count('device')).toBe(2);
		fake.setPoll(['expired']);
		await t.waitFor('Sign-in code expired');
		await t.press(KEYS.enter);
		await t.waitFor(METHOD_SCREEN);
	});

	it('a refused device request says the free tier was discontinued and offers the API key', async () => {
		const {t} = await mount({deviceRequest: 'refused'});
		await t.waitFor('Qwen refused to start a sign-in');
		expect(t.frame()).toContain('2026-04-15');
		expect(t.frame()).toContain('Qwen API Key');
	});

	it('a browser that cannot open is not an error', async () => {
		const {t} = await mount({poll: ['pending', 'pending', 'pending', 'pending', 'approve']}, {opener: async () => 'failed'});
		await t.waitFor('Signed in with Qwen OAuth');
		expect(t.history()).toContain('Could not open a browser');
	});

	it('Esc while saving is ignored and the saved login is reported', async () => {
		// The tokens are on their way to disk: the screen waits for the save and reports it.
		let finish: () => void = () => {};
		const result = {
			configPath: '/home/u/.openclaw/openclaw.json',
			authProfilesPath: '/home/u/.openclaw/agents/main/agent/auth-profiles.json',
			modelRef: 'qwen-portal/coder-model',
			modelId: 'coder-model',
			baseUrl: 'https://portal.qwen.ai/v1',
			profileId: 'qwen-portal:oauth',
			expires: Date.now() + 3_600_000,
		} satisfies OAuthSaveResult;
		const saveLogin = vi.fn(async () => new Promise<OAuthSaveResult>(resolve => (finish = () => resolve(result))));
		const {t} = await mount({poll: ['approve']}, {saveLogin});
		await t.waitFor('Saving your login');
		expect(t.frame()).not.toContain('Esc');
		await t.press(KEYS.escape);
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(t.frame()).toContain('Saving your login');
		expect(saveLogin).toHaveBeenCalledTimes(1);
		finish();
		await t.waitFor('Signed in with Qwen OAuth');
		expect(t.history()).not.toContain(METHOD_SCREEN);
	});
});
