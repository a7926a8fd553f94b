import {describe, expect, it} from 'vitest';
import {createDashScopeClient} from '../../../source/core/dashscope-client.js';
import {DashScopeError} from '../../../source/core/errors.js';
import {startDeviceLogin} from '../../../source/core/oauth/device-login.js';
import {ensureFreshOAuthToken} from '../../../source/core/oauth/refresh.js';
import {saveOAuthSetup} from '../../../source/core/oauth/save-oauth-setup.js';
import type {PortalChatMode} from '../../support/fake-qwen-oauth.js';
import {freshFakeQwenOAuthHome} from '../../support/fresh-fake-qwen-oauth-home.js';
import {virtualClock} from '../../support/virtual-clock.js';

const {fake, home, startFake, makeHome} = freshFakeQwenOAuthHome();

/** Logs in against the fake, saves, and streams one chat turn from the portal with the fresh token. */
async function chatAfterLogin(chat: PortalChatMode): Promise<{text: string; error?: unknown}> {
	await startFake({chat});
	makeHome();
	const env = {...home.env, ...fake.env};
	const login = await startDeviceLogin({env, clock: virtualClock().clock});
	const saved = await saveOAuthSetup(home.paths, await login.waitForApproval(), {env: home.env});
	const {access} = await ensureFreshOAuthToken(home.paths, env);
	const client = createDashScopeClient({apiKey: access, baseUrl: saved.baseUrl, maxRetries: 0, env});
	let text = '';
	try {
		for await (const event of client.streamChat({
			model: saved.modelId,
			messages: [
				{role: 'system', content: 'You are a helpful assistant.'},
				{role: 'user', content: 'hi'},
			],
		})) {
			if (event.type === 'content') text += event.text;
		}
	} catch (error) {
		return {text, error};
	}

	return {text};
}

describe('the portal after login', () => {
	it('maps the portal\'s "401 invalid access token or token expired" to the discontinued free tier, offering the API key', async () => {
		const {error} = await chatAfterLogin('discontinued');
		expect(error).toBeInstanceOf(DashScopeError);
		const classified = (error as DashScopeError).classified;
		expect(classified.kind).toBe('portal_discontinued');
		expect(classified.message).toContain('2026-04-15');
		expect(classified.nextStep).toContain('--method api-key');
		expect(fake.requests.find(request => request.kind === 'chat')?.authorization).toBe(`Bearer ${fake.issued.access}`);
	});

	it('maps "429 Free allocated quota exceeded." the same way', async () => {
		const {error} = await chatAfterLogin('quota');
		expect((error as DashScopeError).classified.kind).toBe('portal_discontinued');
	});

	it('streams an answer from coder-model when the portal still serves the token', async () => {
		const {text, error} = await chatAfterLogin('stream');
		expect(error).toBeUndefined();
		expect(text).toBe('Hello from coder-model on the portal.');
	});
});
