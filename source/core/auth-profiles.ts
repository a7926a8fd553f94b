/**
 * Login profiles: what a stored credential looks like in every store
 * (auth-profiles.json, OpenClaw's SQLite stores, our credentials file), and
 * the ids this program writes.
 */

export type AuthProfile =
	| {type: 'api_key'; provider: string; key: string}
	| {type: 'oauth'; provider: string; access: string; refresh: string; expires: number}
	| {type: 'token'; provider: string; token: string; expires?: number};

export type AuthProfileType = AuthProfile['type'];

/** The DashScope API key login writes here. */
export const API_KEY_PROFILE_ID = 'qwen-portal:default';
/** The Qwen OAuth login writes here, so the two logins never replace each other. */
export const OAUTH_PROFILE_ID = 'qwen-portal:oauth';

/** The secret a profile carries and its type, or undefined for an unusable entry. */
export function profileSecret(profile: unknown): {type: AuthProfileType; secret: string; expires?: number} | undefined {
	if (typeof profile !== 'object' || profile === null) return undefined;
	const entry = profile as Record<string, unknown>;
	const type = entry.type;
	const field = type === 'api_key' ? 'key' : type === 'token' ? 'token' : type === 'oauth' ? 'access' : undefined;
	if (!field) return undefined;
	const secret = entry[field];
	if (typeof secret !== 'string' || secret.trim() === '') return undefined;
	const expires = typeof entry.expires === 'number' ? entry.expires : undefined;
	return {type: type as AuthProfileType, secret: secret.trim(), ...(expires === undefined ? {} : {expires})};
}

/** The provider a stored profile is for. */
export function profileProvider(profile: unknown): string | undefined {
	return typeof profile === 'object' && profile !== null && typeof (profile as {provider?: unknown}).provider === 'string'
		? (profile as {provider: string}).provider
		: undefined;
}
