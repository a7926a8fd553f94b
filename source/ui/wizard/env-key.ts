import {validateApiKey} from '../../core/api-key.js';
import {KEY_ENV_VARS} from '../../core/env-vars.js';

export type EnvKeyOffer = {readonly name: (typeof KEY_ENV_VARS)[number]; readonly key: string};

/** The first key variable that holds a well-formed key, for the key step to offer. */
export function offeredEnvKey(env: Record<string, string | undefined>): EnvKeyOffer | undefined {
	for (const name of KEY_ENV_VARS) {
		const raw = env[name];
		if (!raw) continue;
		const validation = validateApiKey(raw);
		if (validation.ok) return {name, key: validation.key};
	}

	return undefined;
}
