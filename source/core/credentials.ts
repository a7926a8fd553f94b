/**
 * The one place that decides which key, region and model are in effect.
 * Order: QWEN_API_KEY, DASHSCOPE_API_KEY, then the provider's `apiKey` in
 * openclaw.json (`profile:<id>` → auth-profiles.json, else a literal key).
 */
import {validateApiKey} from './api-key.js';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, profileSecret, readAuthProfiles} from './auth-profiles.js';
import type {AuthProfileType} from './auth-profiles.js';
import {getDefaultModelRef, getQwenProvider, readOpenClawConfig} from './config-file.js';
import type {QwenProviderEntry} from './config-file.js';
import {LOGIN_COMMAND} from './messages.js';
import {PROVIDER_ID} from './models.js';
import {resolvePaths} from './paths.js';
import type {Env, OpenClawPaths} from './paths.js';
import {DEFAULT_REGION_ID, getRegion, regionForBaseUrl, REGIONS, requestBaseUrl} from './regions.js';
import type {Region} from './regions.js';

/** The env vars that hold a key, in the order they win. */
export const KEY_ENV_VARS = ['QWEN_API_KEY', 'DASHSCOPE_API_KEY'] as const;

export type CredentialSource =
	| {kind: 'env'; name: (typeof KEY_ENV_VARS)[number]}
	| {kind: 'profile'; id: string}
	| {kind: 'literal'};

export type Credential = {
	key: string;
	source: CredentialSource;
	/** For display: 'env QWEN_API_KEY', 'profile qwen-portal:default (auth-profiles.json)'. */
	sourceLabel: string;
	profileType?: AuthProfileType;
};

export type EffectiveSetup = {
	paths: OpenClawPaths;
	configExists: boolean;
	credential?: Credential;
	/** The configured baseUrl, else the default region's canonical URL. */
	baseUrl: string;
	baseUrlConfigured: boolean;
	/** Where requests go (region env overrides applied). */
	requestBaseUrl: string;
	/** undefined for a custom gateway. */
	region?: Region;
	/** Model id from agents.defaults.model.primary, provider prefix stripped. */
	defaultModel?: string;
	warnings: string[];
};

/** Throws ConfigParseError when openclaw.json or auth-profiles.json cannot be parsed. */
export function loadEffectiveSetup(env: Env = process.env): EffectiveSetup {
	const paths = resolvePaths(env);
	const config = readOpenClawConfig(paths);
	const provider = getQwenProvider(config.data);
	const warnings: string[] = [];

	const credential = keyFromEnv(env, warnings) ?? keyFromConfig(paths, provider, env, warnings);

	const configuredUrl = typeof provider?.baseUrl === 'string' ? provider.baseUrl.trim() : '';
	const baseUrl = configuredUrl || getRegion(DEFAULT_REGION_ID).baseUrl;
	if (!configuredUrl && credential) warnings.push(missingBaseUrlWarning(paths));
	const region = regionForBaseUrl(baseUrl, env);

	const defaultRef = getDefaultModelRef(config.data);
	const defaultModel = defaultRef?.startsWith(`${PROVIDER_ID}/`) ? defaultRef.slice(PROVIDER_ID.length + 1) : undefined;

	return {
		paths,
		configExists: config.exists,
		...(credential ? {credential} : {}),
		baseUrl,
		baseUrlConfigured: Boolean(configuredUrl),
		requestBaseUrl: requestBaseUrl(baseUrl, env),
		...(region ? {region} : {}),
		...(defaultModel ? {defaultModel} : {}),
		warnings,
	};
}

function keyFromEnv(env: Env, warnings: string[]): Credential | undefined {
	for (const name of KEY_ENV_VARS) {
		const raw = env[name];
		if (raw === undefined) continue;
		if (raw.trim() === '') {
			warnings.push(`${name} is set but empty, so it was skipped. Export the key itself (export ${name}="sk-…") or unset ${name}.`);
			continue;
		}
		return {key: cleanKey(raw, name, warnings), source: {kind: 'env', name}, sourceLabel: `env ${name}`};
	}
	return undefined;
}

function keyFromConfig(paths: OpenClawPaths, provider: QwenProviderEntry | undefined, env: Env, warnings: string[]): Credential | undefined {
	const apiKey = typeof provider?.apiKey === 'string' ? provider.apiKey.trim() : '';
	if (apiKey.startsWith('profile:')) return keyFromProfile(paths, apiKey.slice('profile:'.length).trim(), warnings, true);
	if (apiKey) {
		// OpenClaw substitutes ${VAR} in config strings; honour that form too.
		const reference = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(apiKey)?.[1];
		if (reference) {
			const value = env[reference]?.trim();
			if (!value) {
				warnings.push(`openclaw.json sets ${PROVIDER_ID} apiKey to \${${reference}}, but ${reference} is not set.`);
				return undefined;
			}
			return {key: cleanKey(value, reference, warnings), source: {kind: 'literal'}, sourceLabel: `env ${reference} (apiKey in openclaw.json)`};
		}
		return {key: cleanKey(apiKey, 'The apiKey in openclaw.json', warnings), source: {kind: 'literal'}, sourceLabel: 'apiKey in openclaw.json'};
	}
	// No apiKey configured: use the login profiles directly, as OpenClaw does.
	const profiles = readAuthProfiles(paths).profiles;
	for (const id of [API_KEY_PROFILE_ID, OAUTH_PROFILE_ID]) {
		if (profiles[id] !== undefined) return keyFromProfile(paths, id, warnings, false);
	}
	return undefined;
}

function keyFromProfile(paths: OpenClawPaths, id: string, warnings: string[], referenced: boolean): Credential | undefined {
	const {exists, profiles} = readAuthProfiles(paths);
	const login = LOGIN_COMMAND;
	if (!Object.hasOwn(profiles, id)) {
		const where = exists ? `${paths.authProfilesPath} has no profile "${id}"` : `${paths.authProfilesPath} does not exist`;
		warnings.push(`openclaw.json points ${PROVIDER_ID} apiKey at profile:${id}, but ${where}. Run \`${login}\` or set QWEN_API_KEY.`);
		return undefined;
	}
	const found = profileSecret(profiles[id]);
	if (!found) {
		warnings.push(`Profile "${id}" in ${paths.authProfilesPath} has no usable key (unknown type or empty value). Run \`${login}\` again.`);
		return undefined;
	}
	// An expired OAuth access token is renewed on use with its refresh token; a bare token is not.
	if (found.type === 'token' && found.expires !== undefined && found.expires <= Date.now()) {
		warnings.push(`The ${found.type} token in profile "${id}" has expired; log in again with \`${login}\`.`);
	}
	return {
		key: found.secret,
		source: {kind: 'profile', id},
		sourceLabel: `profile ${id} (auth-profiles.json)${referenced ? '' : ' (no apiKey in openclaw.json)'}`,
		profileType: found.type,
	};
}

/** Trims paste junk (whitespace, quotes) the way validateApiKey does, warning when it had to. */
function cleanKey(raw: string, name: string, warnings: string[]): string {
	const validation = validateApiKey(raw);
	if (validation.ok) {
		if (validation.key !== raw) {
			warnings.push(`${name} has stray whitespace or quotes around the key; using the cleaned value. ${validation.notes.join(' ')}`.trim());
		}
		return validation.key;
	}
	warnings.push(`${name}: ${validation.message}`);
	const trimmed = raw.trim().replace(/^["'`]+|["'`]+$/g, '');
	return trimmed;
}

function missingBaseUrlWarning(paths: OpenClawPaths): string {
	const region = getRegion(DEFAULT_REGION_ID);
	const choices = REGIONS.filter(candidate => candidate.id === 'intl' || candidate.id === 'cn')
		.map(candidate => `${candidate.label}: ${candidate.baseUrl}`)
		.join('; ');
	return `No baseUrl is set for ${PROVIDER_ID} in ${paths.configPath}, so ${region.label} is assumed. You still need to set the correct baseUrl (${choices}), or run \`${LOGIN_COMMAND}\`.`;
}
