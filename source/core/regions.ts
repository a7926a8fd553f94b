/**
 * DashScope regions. Keys are bound to the region that issued them, so every
 * other piece of the app asks this module for endpoints and labels.
 */
import type {Env} from './env.js';

export type RegionId = 'intl' | 'cn' | 'us' | 'hk';

export type Region = {
	readonly id: RegionId;
	readonly label: string;
	readonly flag: string;
	/** The canonical endpoint, as written to openclaw.json. */
	readonly baseUrl: string;
	/** Env var that redirects this region's traffic (proxies, gateways, tests). */
	readonly baseUrlEnv: string;
	readonly hint: string;
	readonly keyUrl: string;
};

export const REGIONS: readonly Region[] = [
	{
		id: 'intl',
		label: 'International (Singapore)',
		flag: '🌏',
		baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
		baseUrlEnv: 'QWEN_INTL_BASE_URL',
		hint: 'Latest qwen3 models, English docs, international payment.',
		keyUrl: 'https://www.alibabacloud.com/help/en/model-studio/developer-reference/get-api-key',
	},
	{
		id: 'cn',
		label: 'China (Beijing)',
		flag: '🇨🇳',
		baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
		baseUrlEnv: 'QWEN_CN_BASE_URL',
		hint: 'Same models plus older qwen2.5-coder variants, Chinese docs, Aliyun China billing.',
		keyUrl: 'https://dashscope.aliyuncs.com/',
	},
	{
		id: 'us',
		label: 'US (Virginia)',
		flag: '🇺🇸',
		baseUrl: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
		baseUrlEnv: 'QWEN_US_BASE_URL',
		hint: 'US deployment; serves keys issued in the US region.',
		keyUrl: 'https://www.alibabacloud.com/help/en/model-studio/developer-reference/get-api-key',
	},
	{
		id: 'hk',
		label: 'China (Hong Kong)',
		flag: '🇭🇰',
		baseUrl: 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1',
		baseUrlEnv: 'QWEN_HK_BASE_URL',
		hint: 'Hong Kong deployment; serves keys issued in the Hong Kong region.',
		keyUrl: 'https://www.alibabacloud.com/help/en/model-studio/developer-reference/get-api-key',
	},
];

export const DEFAULT_REGION_ID: RegionId = 'intl';

export const REGION_IDS = REGIONS.map(region => region.id);

export function isRegionId(value: string): value is RegionId {
	return (REGION_IDS as string[]).includes(value);
}

export function getRegion(id: RegionId): Region {
	const region = REGIONS.find(candidate => candidate.id === id);
	if (!region) throw new Error(`Unknown region "${id}"`);
	return region;
}

/** Where requests for this region actually go: the env override, else the canonical URL. */
export function effectiveBaseUrl(region: Region, env: Env): string {
	const override = env[region.baseUrlEnv]?.trim();
	return stripTrailingSlash(override || region.baseUrl);
}

/**
 * Which region a configured baseUrl belongs to. Matches the canonical URL or the
 * region's override, so a config written with either is recognised.
 */
export function regionForBaseUrl(baseUrl: string, env: Env): Region | undefined {
	const wanted = stripTrailingSlash(baseUrl.trim());
	return REGIONS.find(
		region => region.baseUrl === wanted || effectiveBaseUrl(region, env) === wanted,
	);
}

/**
 * The URL to send requests to for a configured baseUrl: a known region's
 * canonical URL is redirected by its override; anything else is used as is.
 */
export function requestBaseUrl(baseUrl: string, env: Env): string {
	const region = regionForBaseUrl(baseUrl, env);
	return region ? effectiveBaseUrl(region, env) : stripTrailingSlash(baseUrl.trim());
}

function stripTrailingSlash(url: string): string {
	return url.replace(/\/+$/, '');
}
