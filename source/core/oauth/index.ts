/** Qwen OAuth (portal.qwen.ai device flow): what the wizard, CLI and chat path use. */
export {startDeviceLogin, type DeviceLogin, type DeviceLoginOptions} from './device-login.js';
export type {DeviceAuthorization} from './device-code.js';
export type {PollEvent} from './poll-token.js';
export type {OAuthTokens} from './tokens.js';
export {saveOAuthSetup, portalModelEntries, PORTAL_MODEL_REF, type OAuthSaveResult} from './save-oauth-setup.js';
export {
	ensureFreshOAuthToken,
	readOAuthProfile,
	refreshAccessToken,
	needsRefresh,
	type FreshToken,
	type StoredOAuthProfile,
} from './refresh.js';
export {formatOAuthExpiry, formatCountdown} from './expiry.js';
export {OAuthError, type OAuthErrorKind} from './oauth-error.js';
export {type Clock, systemClock} from './clock.js';
export {createPkcePair, pkceChallenge} from './pkce.js';
export {oauthBaseUrl, portalBaseUrl, PORTAL_DEFAULT_BASE_URL} from './constants.js';
