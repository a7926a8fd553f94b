import {describe, expect, it} from 'vitest';
import {startDeviceLogin} from '../../../source/core/oauth/device-login.js';
import {OAuthError} from '../../../source/core/oauth/oauth-error.js';
import type {FakeQwenOAuthOptions} from '../../support/fake-qwen-oauth.js';
import {freshFakeQwenOAuthHome} from '../../support/fresh-fake-qwen-oauth-home.js';
import {virtualClock} from '../../support/virtual-clock.js';

const {fake, startFake} = freshFakeQwenOAuthHome();

async function begin(options: FakeQwenOAuthOptions) {
	await startFake(options);
	const time = virtualClock();
	const login = await startDeviceLogin({env: fake.env, clock: time.clock});
	return {login, time, fake};
}

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
	const error = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(error).toBeInstanceOf(OAuthError);
	return error as OAuthError;
}

describe('device login against the fake Qwen OAuth server', () => {
	it('shows the user code and URLs, then gets tokens on immediate approval', async () => {
		const {login, time} = await begin({poll: ['approve'], interval: 2, deviceExpiresIn: 600});
		expect(login.device.userCode).toMatch(/^ABCD-/);
		expect(login.device.verificationUri).toBe(`${fake.url}/authorize`);
		expect(login.device.verificationUriComplete).toContain(login.device.userCode);
		expect(login.expiresAt).toBe(time.clock.now() + 600_000);

		const tokens = await login.waitForApproval();
		expect(tokens.access).toBe(fake.issued.access);
		expect(tokens.refresh).toBe(fake.issued.refresh);
		expect(tokens.expires).toBe(time.clock.now() + 3_600_000);
		expect(tokens.baseUrl).toBe(`${fake.url}/v1`);
		expect(time.sleeps).toEqual([2000]);
	});

	it('sends the form-encoded device request with the client id, scope and an S256 challenge the verifier matches', async () => {
		const {login} = await begin({poll: ['approve']});
		await login.waitForApproval();
		const device = fake.requests.find(request => request.kind === 'device')!;
		expect(device.form).toMatchObject({
			client_id: 'f0304373b74a44d2b584a3fb70ca9e56',
			scope: 'openid profile email model.completion',
			code_challenge_method: 'S256',
		});
		expect(device.form.code_challenge).toMatch(/^[\w-]{43}$/);
		const poll = fake.requests.find(request => request.kind === 'poll')!;
		expect(poll.form.code_verifier).toMatch(/^[\w-]{43}$/);
		expect(poll.form.code_verifier).not.toBe(device.form.code_challenge);
		expect(fake.pkce).toEqual({verified: 1, failed: 0});
	});

	it('waits one interval per authorization_pending, then succeeds', async () => {
		const {login, time} = await begin({poll: ['pending', 'pending', 'approve'], interval: 1});
		const tokens = await login.waitForApproval();
		expect(tokens.access).toBeTruthy();
		expect(fake.count('poll')).toBe(3);
		expect(time.sleeps).toEqual([1000, 1000, 1000]);
	});

	it('backs off by 1.5x on slow_down, capped at 10 s', async () => {
		const {login, time} = await begin({poll: ['slow_down', 'slow_down', 'pending', 'slow_down', 'approve'], interval: 4});
		const events: string[] = [];
		await login.waitForApproval({onEvent: event => events.push(`${event.type}:${event.intervalMs}`)});
		expect(time.sleeps).toEqual([4000, 6000, 9000, 9000, 10_000]);
		expect(events).toContain('slow_down:6000');
	});

	it('ends with a specific message when the user declines', async () => {
		const {login} = await begin({poll: ['pending', 'access_denied']});
		const error = await failure(login.waitForApproval());
		expect(error.kind).toBe('access_denied');
		expect(error.message).toMatch(/declined/);
		expect(error.problem.nextStep).toMatch(/Qwen API Key/);
	});

	it('ends with a specific message when the server says the code expired', async () => {
		const {login} = await begin({poll: ['expired']});
		const error = await failure(login.waitForApproval());
		expect(error.kind).toBe('expired_token');
		expect(error.message).toMatch(/expired before it was approved/);
	});

	it('times out locally when the code lifetime passes while still pending', async () => {
		const {login, time} = await begin({poll: ['pending'], interval: 2, deviceExpiresIn: 5});
		const error = await failure(login.waitForApproval());
		expect(error.kind).toBe('timed_out');
		expect(error.message).toMatch(/timed out/);
		// The last wait is cut to the remaining second rather than overshooting.
		expect(time.sleeps).toEqual([2000, 2000, 1000]);
		expect(fake.count('poll')).toBe(2);
	});

	it('names other OAuth errors instead of retrying them', async () => {
		const {login} = await begin({poll: [{status: 400, body: {error: 'invalid_grant', error_description: 'device code reused'}}]});
		const error = await failure(login.waitForApproval());
		expect(error.kind).toBe('oauth_error');
		expect(error.message).toContain('"invalid_grant" (device code reused)');
		expect(fake.count('poll')).toBe(1);
	});

	it('reports a refused device request and mentions the discontinued free tier', async () => {
		await startFake({deviceRequest: 'refused'});
		const error = await failure(startDeviceLogin({env: fake.env, clock: virtualClock().clock}));
		expect(error.kind).toBe('device_request_refused');
		expect(error.message).toContain('HTTP 400: device authorization is not available');
		expect(error.message).toContain('2026-04-15');
		expect(error.problem.nextStep).toMatch(/API Key/);
	});

	it('refuses a token answer that lacks fields, naming them', async () => {
		const {login} = await begin({poll: ['missing_fields']});
		const error = await failure(login.waitForApproval());
		expect(error.kind).toBe('bad_token_response');
		expect(error.message).toContain('refresh_token, expires_in');
		expect(error.message).toContain('nothing was saved');
	});

	it('uses https://<resource_url>/v1 for a bare host, and the portal default without one', async () => {
		const bare = await begin({resourceUrl: 'portal.qwen.ai'});
		expect((await bare.login.waitForApproval()).baseUrl).toBe('https://portal.qwen.ai/v1');
		await fake.close();
		const none = await begin({resourceUrl: null});
		expect((await none.login.waitForApproval()).baseUrl).toBe('https://portal.qwen.ai/v1');
	});

	it('stops polling when aborted', async () => {
		await startFake({poll: ['pending'], interval: 60});
		const controller = new AbortController();
		const login = await startDeviceLogin({env: fake.env, signal: controller.signal});
		const waiting = login.waitForApproval();
		setTimeout(() => controller.abort(), 20);
		const error = await failure(waiting);
		expect(error.kind).toBe('aborted');
		expect(fake.count('poll')).toBe(0);
	});

	it('says which server it could not reach', async () => {
		const error = await failure(startDeviceLogin({env: {QWEN_OAUTH_BASE_URL: 'http://127.0.0.1:9'}}));
		expect(error.kind).toBe('network');
		expect(error.message).toContain('http://127.0.0.1:9');
	});
});
