import {validateApiKey} from '../../core/api-key.js';

export type EnvKeyOffer = {readonly name: 'QWEN_API_KEY' | 'DASHSCOPE_API_KEY'; readonly key: string};

const NAMES = ['QWEN_API_KEY', 'DASHSCOPE_API_KEY'] as const;

/** The first key variable that holds a well-formed key, for the key step to offer. */
export function offeredEnvKey(env: Record<string, string | undefined>): EnvKeyOffer | undefined {
	for (const name of NAMES) {
		const raw = env[name];
		if (!raw) continue;
		const validation = validateApiKey(raw);
		if (validation.ok) return {name, key: validation.key};
	}

	return undefined;
}
