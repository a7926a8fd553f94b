/**
 * Keeping the OAuth access token fresh. The chat path calls
 * `ensureFreshOAuthToken` before each request; a token with less than 30 s
 * left is renewed with the refresh grant under a cross-process lock, and a
 * process that waited for the lock re-reads the file first, so two processes
 * renewing at once make one request.
 */
import {OAUTH_PROFILE_ID, type AuthProfile} from '../auth-profiles.js';
import {readOpenClawConfig} from '../config-file.js';
import {profileStores} from '../key-sources.js';
import {ownCredentialsPath, readStore, type KeyStore} from '../openclaw/key-store.js';
import {changeStateLocked, withSetupLock} from '../openclaw/state-change.js';
import {detectLayout} from '../openclaw/state-layout.js';
import {PROVIDER_ID} from '../models.js';
import type {OpenClawPaths} from '../paths.js';
import {TOKEN_REFRESH_TIMEOUT_MS} from '../request-timeout.js';
import {type Clock, systemClock} from './clock.js';
import {oauthBaseUrl, QWEN_OAUTH_CLIENT_ID, REFRESH_MARGIN_MS, TOKEN_PATH} from './constants.js';
import {postForm, stringField} from './form-post.js';
import {noOAuthProfile, refreshDead, refreshFailed} from './oauth-error.js';
import {type OAuthTokens, parseTokenAnswer} from './tokens.js';
import type {Env} from '../env.js';

export type StoredOAuthProfile = Extract<AuthProfile, {type: 'oauth'}>;

export type FreshToken = {
	access: string;
	expires: number;
	/** True when this call renewed the token (false: it was fresh, or another process renewed it). */
	refreshed: boolean;
};

export type RefreshOptions = {clock?: Clock; fetch?: typeof fetch; signal?: AbortSignal};

/** The stored Qwen OAuth login and the store it is in (wherever this state keeps profiles). */
export function readOAuthProfile(paths: OpenClawPaths, env: Env): (StoredOAuthProfile & {store: KeyStore}) | undefined {
	const layout = detectLayout(paths, readOpenClawConfig(paths).data, env);
	const stores: KeyStore[] = [{kind: 'own-file', file: ownCredentialsPath(paths)}, ...profileStores(layout, paths)];
	for (const store of stores) {
		const value = readStore(store).profiles[OAUTH_PROFILE_ID];
		const profile = asOAuthProfile(value);
		if (profile) return {...profile, store};
	}
	return undefined;
}

function asOAuthProfile(value: unknown): StoredOAuthProfile | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const profile = value as Record<string, unknown>;
	if (
		profile['type'] !== 'oauth' ||
		typeof profile['access'] !== 'string' ||
		typeof profile['refresh'] !== 'string' ||
		typeof profile['expires'] !== 'number'
	) {
		return undefined;
	}

	return {
		type: 'oauth',
		provider: typeof profile['provider'] === 'string' ? profile['provider'] : PROVIDER_ID,
		access: profile['access'],
		refresh: profile['refresh'],
		expires: profile['expires'],
	};
}

function needsRefresh(profile: {expires: number}, now: number): boolean {
	return profile.expires - now <= REFRESH_MARGIN_MS;
}

export async function ensureFreshOAuthToken(
	paths: OpenClawPaths,
	env: Env,
	options: RefreshOptions = {},
): Promise<FreshToken> {
	const clock = options.clock ?? systemClock;
	const current = readOAuthProfile(paths, env);
	if (!current) throw noOAuthProfile(paths.authProfilesPath);
	if (!needsRefresh(current, clock.now())) return {access: current.access, expires: current.expires, refreshed: false};

	// Under the setup lock, and looked at again inside it: of two processes renewing at once, one asks the server.
	return withSetupLock(paths, async () => {
		const latest = readOAuthProfile(paths, env);
		if (!latest) throw noOAuthProfile(paths.authProfilesPath);
		if (!needsRefresh(latest, clock.now())) return {access: latest.access, expires: latest.expires, refreshed: false};

		const tokens = await refreshAccessToken(oauthBaseUrl(env), latest.refresh, options);
		const renewed: StoredOAuthProfile = {
			type: 'oauth',
			provider: latest.provider,
			access: tokens.access,
			// The server may keep the refresh token; only a new one replaces it.
			refresh: tokens.refresh ?? latest.refresh,
			expires: tokens.expires,
		};
		// Written back where it was found, nothing else changed.
		changeStateLocked(paths, env, () => ({change: {profiles: [{store: latest.store, changes: [{id: OAUTH_PROFILE_ID, profile: renewed}]}]}, result: undefined}));
		return {access: renewed.access, expires: renewed.expires, refreshed: true};
	});
}

/** One refresh-grant exchange. 400/401 means the refresh token is dead. */
async function refreshAccessToken(
	baseUrl: string,
	refreshToken: string,
	options: RefreshOptions = {},
): Promise<OAuthTokens> {
	const clock = options.clock ?? systemClock;
	const answer = await postForm(
		`${baseUrl}${TOKEN_PATH}`,
		{grant_type: 'refresh_token', refresh_token: refreshToken, client_id: QWEN_OAUTH_CLIENT_ID},
		{signal: options.signal ?? AbortSignal.timeout(TOKEN_REFRESH_TIMEOUT_MS), fetch: options.fetch},
	);
	if (answer.status === 400 || answer.status === 401) throw refreshDead(answer.status);
	if (answer.status !== 200) {
		throw refreshFailed(answer.status, stringField(answer.body, 'error_description') ?? stringField(answer.body, 'error') ?? 'unexpected answer');
	}

	return parseTokenAnswer(answer.body, clock.now(), {requireRefresh: false});
}
