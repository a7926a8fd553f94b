import type {DeviceLogin} from '../../core/oauth/device-login.js';
import type {OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';
import type {OAuthTokens} from '../../core/oauth/tokens.js';
import type {KeyProbe} from '../../core/region-probe.js';
import type {RegionId} from '../../core/regions.js';
import type {SaveResult} from '../../core/setup.js';
import type {BrowserOpener} from '../oauth/open-browser.js';

/** Tokens from an approved Qwen OAuth sign-in, ready to save. */
export type ApprovedTokens = OAuthTokens & {refresh: string};

/** The Qwen OAuth device login: get a code, wait for the user to approve it, save the tokens. */
export type OAuthServices = {
	/** Asks for a sign-in code; the login it returns waits for approval. */
	readonly startLogin: (signal: AbortSignal) => Promise<DeviceLogin>;
	readonly saveLogin: (tokens: ApprovedTokens) => Promise<OAuthSaveResult>;
	readonly openBrowser: BrowserOpener;
};

/**
 * The I/O the wizard needs, handed in by its container: the real core in the
 * app and in flow tests, stubs in screen tests. Keep the object stable: a new
 * one starts a running sign-in over.
 */
export type WizardServices = {
	readonly probeKey: (key: string, regionId: RegionId, signal: AbortSignal) => Promise<KeyProbe>;
	readonly saveSetup: (input: {regionId: RegionId; key: string; modelId: string}) => Promise<SaveResult>;
	readonly oauth: OAuthServices;
	/** The time (ms epoch): the sign-in code's countdown, how long a saved token lasts. */
	readonly now: () => number;
};
