/**
 * Fixed facts about Qwen's OAuth portal (docs/dashscope-wire.md,
 * "Qwen OAuth portal"). The client id is Qwen Code's public device-flow client.
 */
import type {Env} from '../env.js';
export const QWEN_OAUTH_CLIENT_ID = 'f0304373b74a44d2b584a3fb70ca9e56';
export const QWEN_OAUTH_SCOPE = 'openid profile email model.completion';
/** The OAuth sign-in server, unless OAUTH_BASE_URL_ENV_VAR moves it. */
export const QWEN_OAUTH_DEFAULT_BASE_URL = 'https://chat.qwen.ai';
export const OAUTH_BASE_URL_ENV_VAR = 'QWEN_OAUTH_BASE_URL';
export const DEVICE_CODE_PATH = '/api/v1/oauth2/device/code';
export const TOKEN_PATH = '/api/v1/oauth2/token';
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The portal's chat API when the token answer names no resource_url. */
export const PORTAL_DEFAULT_BASE_URL = 'https://portal.qwen.ai/v1';

/** The OAuth portal was seen to refuse requests without a leading system message; this one is sent. */
export const PORTAL_SYSTEM_PROMPT = 'You are a helpful assistant.';

/** Refresh this long before the access token runs out. */
export const REFRESH_MARGIN_MS = 30_000;

/** slow_down multiplies the poll interval by this, up to the cap (Qwen's own client does the same). */
export const SLOW_DOWN_FACTOR = 1.5;
export const MAX_POLL_INTERVAL_MS = 10_000;
export const DEFAULT_POLL_INTERVAL_MS = 5000;

/** The OAuth host: QWEN_OAUTH_BASE_URL (tests, proxies), else chat.qwen.ai. */
export function oauthBaseUrl(env: Env): string {
	const override = env[OAUTH_BASE_URL_ENV_VAR]?.trim();
	return (override || QWEN_OAUTH_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * The chat API base for a token's resource_url, which arrives as a bare host
 * (`portal.qwen.ai`) or, from some servers, with a scheme.
 */
export function portalBaseUrl(resourceUrl: string | undefined): string {
	const raw = resourceUrl?.trim().replace(/\/+$/, '');
	if (!raw) return PORTAL_DEFAULT_BASE_URL;
	const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	return withScheme.endsWith('/v1') ? withScheme : `${withScheme}/v1`;
}

/** Whether a baseUrl is the OAuth portal's (ours to replace when switching to an API key), not a user's gateway. */
export function isPortalUrl(url: string): boolean {
	try {
		const host = new URL(url).hostname;
		return host === 'qwen.ai' || host.endsWith('.qwen.ai');
	} catch {
		return false;
	}
}
