/**
 * Once the login is approved and being saved, Esc no longer cancels: the
 * tokens are on their way to disk, so the screen waits for the save and
 * reports it (onDone), and does not offer Esc meanwhile.
 */
import React from 'react';
import {afterEach, expect, it, vi} from 'vitest';
import type {OAuthSaveResult} from '../../../source/core/oauth/save-oauth-setup.js';
import {OAuthLogin} from '../../../source/ui/oauth/oauth-login.js';
import {startFakeQwenOAuth, type FakeQwenOAuth} from '../../support/fake-qwen-oauth.js';
import {KEYS, mountInk, stripAnsi, waitFor} from '../../support/ink-terminal.js';
import {makeTempHome, type TempHome} from '../../support/temp-home.js';

let fake: FakeQwenOAuth | undefined;
let home: TempHome | undefined;
let unmount: (() => void) | undefined;

afterEach(async () => {
	unmount?.();
	await fake?.close();
	home?.cleanup();
});

it('Esc while saving is ignored and the saved login is reported', async () => {
	fake = await startFakeQwenOAuth({interval: 0.02, poll: ['approve']});
	home = makeTempHome();
	let finish: () => void = () => {};
	const result = {modelId: 'coder-model'} as OAuthSaveResult;
	const save = vi.fn(async () => new Promise<OAuthSaveResult>(resolve => (finish = () => resolve(result))));
	const onDone = vi.fn();
	const onCancel = vi.fn();
	const onSaving = vi.fn();
	const app = mountInk(
		<OAuthLogin
			app="openclaw"
			title="Qwen OAuth"
			env={{...home.env, ...fake.env, NO_COLOR: '1'}}
			paths={home.paths}
			openBrowser={async () => 'opened' as const}
			save={save}
			onDone={onDone}
			onSaving={onSaving}
			onCancel={onCancel}
		/>,
	);
	unmount = app.unmount;
	const text = () => stripAnsi(app.lastFrame());
	await waitFor(() => expect(text()).toContain('Saving your login'));
	expect(text()).not.toContain('Esc');
	app.stdin.write(KEYS.escape);
	await new Promise(resolve => setTimeout(resolve, 100));
	expect(onCancel).not.toHaveBeenCalled();
	// The wizard is told the save is under way, so its Ctrl+C can wait for it.
	expect(onSaving).toHaveBeenCalledTimes(1);
	finish();
	await expect(onSaving.mock.calls[0]?.[0]).resolves.toBe(result);
	await waitFor(() => expect(onDone).toHaveBeenCalledWith(result));
	expect(onCancel).not.toHaveBeenCalled();
});
