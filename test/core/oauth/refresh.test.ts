import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID} from '../../../source/core/auth-profiles.js';
import {writeGuideProfile as writeAuthProfile} from '../../support/change-config.js';
import {OAuthError} from '../../../source/core/oauth/oauth-error.js';
import {ensureFreshOAuthToken} from '../../../source/core/oauth/refresh.js';
import type {FakeQwenOAuthOptions} from '../../support/fake-qwen-oauth.js';
import {readJson} from '../../support/temp-home.js';
import {freshFakeQwenOAuthHome} from '../../support/fresh-fake-qwen-oauth-home.js';
import {virtualClock} from '../../support/virtual-clock.js';

const {fake, home, startFake, makeHome} = freshFakeQwenOAuthHome();

/** A saved login whose access token has `leftMs` to live, against a fake server. */
async function savedLogin(leftMs: number, options: FakeQwenOAuthOptions = {}) {
	await startFake(options);
	makeHome();
	const time = virtualClock();
	await writeAuthProfile(home.paths, OAUTH_PROFILE_ID, {
		type: 'oauth',
		provider: 'qwen-portal',
		access: 'old-access',
		refresh: 'old-refresh',
		expires: time.clock.now() + leftMs,
	});
	return {time, env: {...home.env, ...fake.env}, paths: home.paths};
}

function storedProfile() {
	return readJson(home.paths.authProfilesPath).profiles[OAUTH_PROFILE_ID];
}

describe('ensureFreshOAuthToken', () => {
	it('uses the stored token without a request while more than 30 s remain', async () => {
		const {time, env, paths} = await savedLogin(31_000);
		const token = await ensureFreshOAuthToken(paths, env, {clock: time.clock});
		expect(token).toEqual({access: 'old-access', expires: time.clock.now() + 31_000, refreshed: false});
		expect(fake.count('refresh')).toBe(0);
	});

	it('refreshes within 30 s of expiry and stores the new access and refresh tokens', async () => {
		const {time, env, paths} = await savedLogin(29_000, {refresh: ['success'], tokenExpiresIn: 7200});
		const token = await ensureFreshOAuthToken(paths, env, {clock: time.clock});
		expect(token.refreshed).toBe(true);
		expect(token.access).toBe(fake.issued.access);
		expect(storedProfile()).toEqual({
			type: 'oauth',
			provider: 'qwen-portal',
			access: fake.issued.access,
			refresh: fake.issued.refresh,
			expires: time.clock.now() + 7_200_000,
		});
		const request = fake.requests.find(recorded => recorded.kind === 'refresh')!;
		expect(request.form).toEqual({grant_type: 'refresh_token', refresh_token: 'old-refresh', client_id: 'f0304373b74a44d2b584a3fb70ca9e56'});
	});

	it('keeps the old refresh token when the server sends none', async () => {
		const {time, env, paths} = await savedLogin(-60_000, {refresh: ['no_new_refresh']});
		await ensureFreshOAuthToken(paths, env, {clock: time.clock});
		expect(storedProfile().access).toBe(fake.issued.access);
		expect(storedProfile().refresh).toBe('old-refresh');
	});

	it('tells the user to log in again when the refresh token is dead, and keeps the profile', async () => {
		const {time, env, paths} = await savedLogin(-60_000, {refresh: ['dead']});
		const error = await ensureFreshOAuthToken(paths, env, {clock: time.clock}).catch((error: unknown) => error);
		expect(error).toBeInstanceOf(OAuthError);
		expect((error as OAuthError).kind).toBe('refresh_dead');
		expect((error as OAuthError).message).toContain('run `openclaw models auth login --provider qwen-portal` again');
		expect(storedProfile().refresh).toBe('old-refresh');
	});

	it('two concurrent refreshes make one request and both get the new token', async () => {
		const {time, env, paths} = await savedLogin(10_000, {refresh: ['success'], refreshDelayMs: 150});
		const [first, second] = await Promise.all([
			ensureFreshOAuthToken(paths, env, {clock: time.clock}),
			ensureFreshOAuthToken(paths, env, {clock: time.clock}),
		]);
		expect(fake.count('refresh')).toBe(1);
		expect(first.access).toBe(fake.issued.access);
		expect(second.access).toBe(fake.issued.access);
		expect([first.refreshed, second.refreshed].sort()).toEqual([false, true]);
	});

	it('never touches the API-key profile', async () => {
		const {time, env, paths} = await savedLogin(0);
		await writeAuthProfile(paths, API_KEY_PROFILE_ID, {type: 'api_key', provider: 'qwen-portal', key: 'sk-test0000intl00000000000000000a'});
		await ensureFreshOAuthToken(paths, env, {clock: time.clock});
		expect(readJson(paths.authProfilesPath).profiles[API_KEY_PROFILE_ID].key).toBe('sk-test0000intl00000000000000000a');
	});

	it('says how to log in when there is no OAuth profile', async () => {
		makeHome();
		const error = await ensureFreshOAuthToken(home.paths, home.env).catch((error: unknown) => error);
		expect((error as OAuthError).kind).toBe('no_profile');
		expect((error as OAuthError).problem.nextStep).toContain('openclaw models auth login --provider qwen-portal');
	});
});
