/**
 * Where the base URL in use was set, for messages: a region's override
 * variable, else openclaw.json. A base URL that can be no URL is refused
 * before anything is sent, naming that place.
 */
import type {Env} from './env.js';
import {DashScopeError} from './errors.js';
import {ADVICE} from './messages.js';
import {PROVIDER_ID} from './models.js';
import {resolvePaths} from './paths.js';
import {scrubKeys} from './redact-secrets.js';
import {REGIONS} from './regions.js';
import {plainText} from './terminal-text.js';

export type BaseUrlSource = {setting: string; fromEnv: boolean};

/** Which variable or file set `baseUrl`: a region's override variable, else openclaw.json. */
export function baseUrlSource(baseUrl: string, env: Env): BaseUrlSource {
	const wanted = baseUrl.trim().replace(/\/+$/, '');
	for (const region of REGIONS) {
		const value = env[region.baseUrlEnv]?.trim().replace(/\/+$/, '');
		if (value && value === wanted) return {setting: region.baseUrlEnv, fromEnv: true};
	}
	return {setting: `models.providers.${PROVIDER_ID}.baseUrl in ${resolvePaths(env).configPath}`, fromEnv: false};
}

/** Why `baseUrl` cannot be requested (not http or https, no host), or undefined when it can. */
export function baseUrlProblem(baseUrl: string, source: () => BaseUrlSource, secret: string): DashScopeError | undefined {
	let parsed: URL | undefined;
	try {
		parsed = new URL(baseUrl);
	} catch {
		parsed = undefined;
	}
	if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname) return undefined;
	const {setting, fromEnv} = source();
	const shown = scrubKeys(plainText(baseUrl), secret);
	return new DashScopeError({
		kind: 'bad_base_url',
		...ADVICE.badBaseUrl(setting, shown.length > 100 ? `${shown.slice(0, 100)}…` : shown, fromEnv),
	});
}
