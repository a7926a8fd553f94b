import fs from 'node:fs';
import {type ComponentProps} from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {OAuthSaveResult} from '../../../source/core/oauth/save-oauth-setup.js';
import {OAuthLogin} from '../../../source/ui/oauth/oauth-login.js';
import type {BrowserOpener} from '../../../source/ui/oauth/open-browser.js';
import type {FakeQwenOAuthOptions} from '../../support/fake-qwen-oauth.js';
import {readJson} from '../../support/temp-home.js';
import {freshFakeQwenOAuthHome} from '../../support/fresh-fake-qwen-oauth-home.js';
import {KEYS, mountInk, stripAnsi, waitFor} from '../../support/ink-terminal.js';

const {fake, home, startFake, makeHome} = freshFakeQwenOAuthHome();
let unmount: (() => void) | undefined;

// Runs before the server and home go (after-hooks run last-registered first).
afterEach(() => {
	unmount?.();
});

type MountExtras = {
	opener?: BrowserOpener;
	save?: ComponentProps<typeof OAuthLogin>['save'];
};

async function mount(options: FakeQwenOAuthOptions, extras: MountExtras = {}) {
	const {opener, save} = extras;
	await startFake({interval: 0.02, ...options});
	makeHome();
	const opened: string[] = [];
	const openBrowser = opener ?? (async (url: string) => {
		opened.push(url);
		return 'opened' as const;
	});
	const onDone = vi.fn<(result: OAuthSaveResult) => void>();
	const onCancel = vi.fn();
	const onSaving = vi.fn();
	const app = mountInk(
		<OAuthLogin
			app="openclaw"
			title="Qwen OAuth"
			env={{...home.env, ...fake.env, NO_COLOR: '1'}}
			paths={home.paths}
			openBrowser={openBrowser}
			{...(save ? {save} : {})}
			onDone={onDone}
			onSaving={onSaving}
			onCancel={onCancel}
		/>,
	);
	unmount = () => app.unmount();
	const seen = () => app.frames.map(frame => stripAnsi(frame)).join('\n');
	return {...app, opened, onDone, onCancel, onSaving, seen, text: () => stripAnsi(app.lastFrame())};
}

describe('OAuthLogin against the fake Qwen OAuth server', () => {
	it('shows the code, opens the browser, and saves the login when approved', async () => {
		const app = await mount({poll: ['pending', 'pending', 'pending', 'approve']});
		await waitFor(() => expect(app.onDone).toHaveBeenCalledTimes(1));
		expect(app.seen()).toContain('ABCD-');
		expect(app.seen()).toContain('Opened in your browser.');
		expect(app.opened).toEqual([`${fake.url}/authorize?user_code=ABCD-1001&client=qwen-code`]);

		const result = app.onDone.mock.calls[0]![0];
		expect(result.modelRef).toBe('qwen-portal/coder-model');
		expect(result.baseUrl).toBe(`${fake.url}/v1`);
		const profile = readJson(home.paths.authProfilesPath).profiles['qwen-portal:oauth'];
		expect(profile).toMatchObject({type: 'oauth', provider: 'qwen-portal', access: fake.issued.access, refresh: fake.issued.refresh});
		expect(readJson(home.paths.configPath).models.providers['qwen-portal'].apiKey).toBe('profile:qwen-portal:oauth');
		expect(fake.pkce.failed).toBe(0);
		expect(app.onCancel).not.toHaveBeenCalled();
	});

	it('Esc while waiting goes back, stops polling and saves nothing', async () => {
		const app = await mount({poll: ['pending']});
		await waitFor(() => expect(app.text()).toContain('Waiting for approval'));
		app.stdin.write(KEYS.escape);
		await waitFor(() => expect(app.onCancel).toHaveBeenCalledTimes(1));
		// A poll sent just before Esc may still arrive; after that, none may follow.
		await new Promise(resolve => setTimeout(resolve, 50));
		const polls = fake.count('poll');
		await new Promise(resolve => setTimeout(resolve, 150));
		expect(fake.count('poll')).toBe(polls);
		expect(fs.existsSync(home.paths.authProfilesPath)).toBe(false);
		expect(app.onDone).not.toHaveBeenCalled();
	});

	it('a declined login shows why, r starts over with a new code, Enter goes back', async () => {
		const app = await mount({poll: ['access_denied']});
		await waitFor(() => expect(app.text()).toContain('Sign-in declined'));
		expect(app.text()).toContain('nothing was saved');
		fake.setPoll(['pending']);
		app.stdin.write('r');
		await waitFor(() => expect(app.text()).toContain('Waiting for approval'));
		expect(fake.count('device')).toBe(2);
		fake.setPoll(['expired']);
		await waitFor(() => expect(app.text()).toContain('Sign-in code expired'));
		app.stdin.write(KEYS.enter);
		await waitFor(() => expect(app.onCancel).toHaveBeenCalledTimes(1));
	});

	it('a refused device request says the free tier was discontinued and offers the API key', async () => {
		const app = await mount({deviceRequest: 'refused'});
		await waitFor(() => expect(app.text()).toContain('Qwen refused to start a sign-in'));
		expect(app.text()).toContain('2026-04-15');
		expect(app.text()).toContain('Qwen API Key');
	});

	it('a browser that cannot open is not an error', async () => {
		const app = await mount({poll: ['pending', 'pending', 'pending', 'pending', 'approve']}, {opener: async () => 'failed'});
		await waitFor(() => expect(app.onDone).toHaveBeenCalledTimes(1));
		expect(app.seen()).toContain('Could not open a browser');
	});
	it('Esc while saving is ignored and the saved login is reported', async () => {
		// The tokens are on their way to disk: the screen waits for the save and reports it.
		let finish: () => void = () => {};
		const result = {modelId: 'coder-model'} as OAuthSaveResult;
		const save = vi.fn(async () => new Promise<OAuthSaveResult>(resolve => (finish = () => resolve(result))));
		const app = await mount({poll: ['approve']}, {save});
		await waitFor(() => expect(app.text()).toContain('Saving your login'));
		expect(app.text()).not.toContain('Esc');
		app.stdin.write(KEYS.escape);
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(app.onCancel).not.toHaveBeenCalled();
		// The wizard is told the save is under way, so its Ctrl+C can wait for it.
		expect(app.onSaving).toHaveBeenCalledTimes(1);
		finish();
		await expect(app.onSaving.mock.calls[0]?.[0]).resolves.toBe(result);
		await waitFor(() => expect(app.onDone).toHaveBeenCalledWith(result));
		expect(app.onCancel).not.toHaveBeenCalled();
	});
});
