import type {DeviceLogin} from '../../core/oauth/device-login.js';
import type {OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';
import type {OAuthTokens} from '../../core/oauth/tokens.js';
import type {BrowserOpener} from './open-browser.js';

/** Tokens from an approved Qwen OAuth sign-in, ready to save. */
export type ApprovedTokens = OAuthTokens & {refresh: string};

/** The Qwen OAuth device login: get a code, wait for the user to approve it, save the tokens. */
export type OAuthServices = {
	/** Asks for a sign-in code; the login it returns waits for approval. */
	readonly startLogin: (signal: AbortSignal) => Promise<DeviceLogin>;
	readonly saveLogin: (tokens: ApprovedTokens) => Promise<OAuthSaveResult>;
	readonly openBrowser: BrowserOpener;
};
