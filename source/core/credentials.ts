/**
 * The one place that decides which key, region and model are in effect.
 * Order: QWEN_API_KEY, DASHSCOPE_API_KEY, then the provider's `apiKey` in
 * openclaw.json (`profile:<id>` → auth-profiles.json, else a literal key).
 */
import {validateApiKey} from './api-key.js';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, PROFILE_REF_PREFIX, profileRef, profileSecret, readAuthProfiles} from './auth-profiles.js';
import type {AuthProfileType} from './auth-profiles.js';
import {getDefaultModelRef, getQwenProvider, readOpenClawConfig} from './config-file.js';
import type {ConfigRead, QwenProviderEntry} from './config-file.js';
import {LOGIN_COMMAND} from './messages.js';
import {PORTAL_DEFAULT_MODEL_ID, PROVIDER_ID, RECOMMENDED_MODEL_ID} from './models.js';
import {resolvePaths} from './paths.js';
import type {Env} from './env.js';
import type {OpenClawPaths} from './paths.js';
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
	warnings: SetupWarning[];
};

/**
 * Why a setup warning was given, so callers (doctor) can tell them apart without
 * reading the text. `env-*`: QWEN_API_KEY / DASHSCOPE_API_KEY; `config-*`: a
 * literal apiKey in openclaw.json; `reference-*`: an apiKey of the form ${VAR}.
 */
export type SetupWarningCode =
	| 'env-empty'
	| 'env-key-cleaned'
	| 'env-key-invalid'
	| 'config-key-cleaned'
	| 'config-key-invalid'
	| 'reference-key-cleaned'
	| 'reference-key-invalid'
	| 'reference-unset'
	| 'profile-missing'
	| 'profile-unusable'
	| 'token-expired'
	| 'base-url-missing';

export type SetupWarning = {code: SetupWarningCode; text: string};

type KeyOrigin = 'env' | 'config' | 'reference';

/**
 * The model used when none is named: the configured default, else the one
 * recommended for the credential (the portal's own under Qwen OAuth).
 */
export function modelInEffect(setup: Pick<EffectiveSetup, 'defaultModel' | 'credential'>): string {
	if (setup.defaultModel) return setup.defaultModel;
	return setup.credential?.profileType === 'oauth' ? PORTAL_DEFAULT_MODEL_ID : RECOMMENDED_MODEL_ID;
}

/** Throws ConfigParseError when openclaw.json or auth-profiles.json cannot be parsed. */
export function loadEffectiveSetup(env: Env = process.env): EffectiveSetup {
	const paths = resolvePaths(env);
	return effectiveSetupFrom(readOpenClawConfig(paths), paths, env);
}

/** The same from an openclaw.json already read (doctor reads it once for all its checks). */
export function effectiveSetupFrom(config: ConfigRead, paths: OpenClawPaths, env: Env = process.env): EffectiveSetup {
	const provider = getQwenProvider(config.data);
	const warnings: SetupWarning[] = [];

	const credential = keyFromEnv(env, warnings) ?? keyFromConfig(paths, provider, env, warnings);

	const configuredUrl = typeof provider?.baseUrl === 'string' ? provider.baseUrl.trim() : '';
	const baseUrl = configuredUrl || getRegion(DEFAULT_REGION_ID).baseUrl;
	if (!configuredUrl && credential) warnings.push({code: 'base-url-missing', text: missingBaseUrlWarning(paths)});
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

/** Just the credential in effect (`models list` needs no more): the files are read only when no env var holds a key. */
export function loadCredential(env: Env = process.env): Credential | undefined {
	return keyFromEnv(env, []) ?? credentialFromConfig(readOpenClawConfig(resolvePaths(env)), env);
}

/** The credential openclaw.json and the login profiles give, env vars aside (doctor's "also found"). */
export function credentialFromConfig(config: ConfigRead, env: Env = process.env): Credential | undefined {
	return keyFromConfig(resolvePaths(env), getQwenProvider(config.data), env, []);
}

function keyFromEnv(env: Env, warnings: SetupWarning[]): Credential | undefined {
	for (const name of KEY_ENV_VARS) {
		const raw = env[name];
		if (raw === undefined) continue;
		if (raw.trim() === '') {
			warnings.push({
				code: 'env-empty',
				text: `${name} is set but empty, so it was skipped. Export the key itself (export ${name}="sk-…") or unset ${name}.`,
			});
			continue;
		}
		return {key: cleanKey(raw, name, 'env', warnings), source: {kind: 'env', name}, sourceLabel: `env ${name}`};
	}
	return undefined;
}

function keyFromConfig(paths: OpenClawPaths, provider: QwenProviderEntry | undefined, env: Env, warnings: SetupWarning[]): Credential | undefined {
	const apiKey = typeof provider?.apiKey === 'string' ? provider.apiKey.trim() : '';
	if (apiKey.startsWith(PROFILE_REF_PREFIX)) {
		return keyFromProfile(paths, readAuthProfiles(paths), apiKey.slice(PROFILE_REF_PREFIX.length).trim(), warnings, true);
	}
	if (apiKey) {
		// OpenClaw substitutes ${VAR} in config strings; honour that form too.
		const reference = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(apiKey)?.[1];
		if (reference) {
			const value = env[reference]?.trim();
			if (!value) {
				warnings.push({code: 'reference-unset', text: `openclaw.json sets ${PROVIDER_ID} apiKey to \${${reference}}, but ${reference} is not set.`});
				return undefined;
			}
			return {key: cleanKey(value, reference, 'reference', warnings), source: {kind: 'literal'}, sourceLabel: `env ${reference} (apiKey in openclaw.json)`};
		}
		return {key: cleanKey(apiKey, 'The apiKey in openclaw.json', 'config', warnings), source: {kind: 'literal'}, sourceLabel: 'apiKey in openclaw.json'};
	}
	// No apiKey configured: use the login profiles directly, as OpenClaw does.
	const authProfiles = readAuthProfiles(paths);
	for (const id of [API_KEY_PROFILE_ID, OAUTH_PROFILE_ID]) {
		if (authProfiles.profiles[id] !== undefined) return keyFromProfile(paths, authProfiles, id, warnings, false);
	}
	return undefined;
}

function keyFromProfile(
	paths: OpenClawPaths,
	{exists, profiles}: {exists: boolean; profiles: Record<string, unknown>},
	id: string,
	warnings: SetupWarning[],
	referenced: boolean,
): Credential | undefined {
	const login = LOGIN_COMMAND;
	if (!Object.hasOwn(profiles, id)) {
		const where = exists ? `${paths.authProfilesPath} has no profile "${id}"` : `${paths.authProfilesPath} does not exist`;
		warnings.push({
			code: 'profile-missing',
			text: `openclaw.json points ${PROVIDER_ID} apiKey at ${profileRef(id)}, but ${where}. Run \`${login}\` or set QWEN_API_KEY.`,
		});
		return undefined;
	}
	const found = profileSecret(profiles[id]);
	if (!found) {
		warnings.push({
			code: 'profile-unusable',
			text: `Profile "${id}" in ${paths.authProfilesPath} has no usable key (unknown type or empty value). Run \`${login}\` again.`,
		});
		return undefined;
	}
	// An expired OAuth access token is renewed on use with its refresh token; a bare token is not.
	if (found.type === 'token' && found.expires !== undefined && found.expires <= Date.now()) {
		warnings.push({code: 'token-expired', text: `The ${found.type} token in profile "${id}" has expired; log in again with \`${login}\`.`});
	}
	return {
		key: found.secret,
		source: {kind: 'profile', id},
		sourceLabel: `profile ${id} (auth-profiles.json)${referenced ? '' : ' (no apiKey in openclaw.json)'}`,
		profileType: found.type,
	};
}

/** Trims paste junk (whitespace, quotes) the way validateApiKey does, warning when it had to. */
function cleanKey(raw: string, name: string, origin: KeyOrigin, warnings: SetupWarning[]): string {
	const validation = validateApiKey(raw);
	if (validation.ok) {
		if (validation.key !== raw) {
			warnings.push({
				code: `${origin}-key-cleaned`,
				text: `${name} has stray whitespace or quotes around the key; using the cleaned value. ${validation.notes.join(' ')}`.trim(),
			});
		}
		return validation.key;
	}
	warnings.push({code: `${origin}-key-invalid`, text: `${name}: ${validation.message}`});
	const trimmed = raw.trim().replace(/^["'`]+|["'`]+$/g, '');
	return trimmed;
}

function missingBaseUrlWarning(paths: OpenClawPaths): string {
	const region = getRegion(DEFAULT_REGION_ID);
	const choices = REGIONS.map(candidate => `${candidate.label}: ${candidate.baseUrl}`).join('; ');
	return `No baseUrl is set for ${PROVIDER_ID} in ${paths.configPath}, so ${region.label} is assumed. You still need to set the correct baseUrl (${choices}), or run \`${LOGIN_COMMAND}\`.`;
}
