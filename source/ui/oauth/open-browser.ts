/**
 * Tries to open the verification page in the user's browser. Failing is
 * normal (SSH, containers, no browser) and only changes a line on the screen.
 */
import type {Env} from '../../core/env.js';
import {BROWSER_ENV_VAR, BROWSER_SESSION_ENV_VARS, NO_BROWSER_ENV_VAR} from '../../core/env-vars.js';
export type BrowserOpenResult = 'opened' | 'skipped' | 'failed';
export type BrowserOpener = (url: string) => Promise<BrowserOpenResult>;

export function browserOpenerFor(env: Env, platform: NodeJS.Platform = process.platform): BrowserOpener {
	return async url => {
		if (!shouldTryBrowser(env, platform)) return 'skipped';
		try {
			// Loaded only here, so nothing else pays for it.
			const {default: open} = await import('open');
			await open(url);
			return 'opened';
		} catch {
			return 'failed';
		}
	};
}

/**
 * OPENCLAW_NO_BROWSER=1 or BROWSER=none opt out; on Linux without a display,
 * xdg-open would fall back to a text browser fighting us for the terminal.
 */
function shouldTryBrowser(env: Env, platform: NodeJS.Platform = process.platform): boolean {
	const noBrowser = env[NO_BROWSER_ENV_VAR];
	if (noBrowser && noBrowser !== '0') return false;
	if (env[BROWSER_ENV_VAR]?.trim().toLowerCase() === 'none') return false;
	const [sshConnection, sshTty, display, waylandDisplay, wslDistro] = BROWSER_SESSION_ENV_VARS.map(name => env[name]);
	if (sshConnection || sshTty) return false;
	if (platform === 'linux' && !display && !waylandDisplay && !wslDistro) return false;
	return true;
}
