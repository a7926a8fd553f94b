/**
 * Tries to open the verification page in the user's browser. Failing is
 * normal (SSH, containers, no browser) and only changes a line on the screen.
 */
import type {Env} from '../../core/env.js';
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
	if (env['OPENCLAW_NO_BROWSER'] && env['OPENCLAW_NO_BROWSER'] !== '0') return false;
	if (env['BROWSER']?.trim().toLowerCase() === 'none') return false;
	if (env['SSH_CONNECTION'] || env['SSH_TTY']) return false;
	if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY'] && !env['WSL_DISTRO_NAME']) return false;
	return true;
}
