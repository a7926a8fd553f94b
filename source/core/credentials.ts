/**
 * The one place that decides which key, region and model are in effect.
 *
 * The key: QWEN_API_KEY, then DASHSCOPE_API_KEY (the guide's Method 2), then
 * the provider's `apiKey` in openclaw.json, followed the way OpenClaw 2026.9
 * follows it (openclaw/api-key-ref.ts): a login profile in whichever store the
 * state uses (the guide's auth-profiles.json, OpenClaw's SQLite stores, or
 * our own credentials file), an environment variable, a file, or the key
 * itself. With no `apiKey`, the provider's stored profiles are used.
 */
import fs from 'node:fs';
import {validateApiKey} from './api-key.js';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, profileProvider, profileSecret, type AuthProfileType} from './auth-profiles.js';
import {getDefaultModelRef, getQwenProvider, readOpenClawConfig} from './config-file.js';
import type {ConfigRead} from './config-file.js';
import type {Env} from './env.js';
import {readRegularFile} from './files/safe-file.js';
import {loginCommand} from './messages.js';
import {PORTAL_DEFAULT_MODEL_ID, PROVIDER_ID, RECOMMENDED_MODEL_ID} from './models.js';
import {envValue, GUIDE_PROFILE_PREFIX, parseApiKeyRef, resolvePointer, type ApiKeyRef} from './openclaw/api-key-ref.js';
import {ownCredentialsPath, readStore, storeLabel, type KeyStore} from './openclaw/key-store.js';
import {finishInterruptedChange} from './openclaw/state-change.js';
import {detectLayout, type StateLayout} from './openclaw/state-layout.js';
import {resolvePaths} from './paths.js';
import type {OpenClawPaths} from './paths.js';
import {DEFAULT_REGION_ID, getRegion, regionForBaseUrl, REGIONS, requestBaseUrl} from './regions.js';
import type {Region} from './regions.js';

/** The env vars that hold a key, in the order they win. */
export const KEY_ENV_VARS = ['QWEN_API_KEY', 'DASHSCOPE_API_KEY'] as const;

export type CredentialSource =
	| {readonly kind: 'env'; readonly name: (typeof KEY_ENV_VARS)[number]}
	| {readonly kind: 'profile'; readonly id: string; readonly store: KeyStore}
	/** `apiKey` names an environment variable. */
	| {readonly kind: 'reference'; readonly name: string}
	/** `apiKey` is a file SecretRef to a file other than our credentials file. */
	| {readonly kind: 'file'; readonly file: string}
	| {readonly kind: 'literal'};

export type Credential = {
	readonly key: string;
	readonly source: CredentialSource;
	/** For display: 'env QWEN_API_KEY', 'profile qwen-portal:default (state/openclaw.sqlite)'. */
	readonly sourceLabel: string;
	readonly profileType?: AuthProfileType;
};

export type EffectiveSetup = {
	readonly paths: OpenClawPaths;
	readonly configExists: boolean;
	/** Which kind of OpenClaw state this is, and what said so. */
	readonly layout: StateLayout;
	readonly credential?: Credential;
	/** The configured baseUrl, else the default region's canonical URL. */
	readonly baseUrl: string;
	readonly baseUrlConfigured: boolean;
	/** Where requests go (region env overrides applied). */
	readonly requestBaseUrl: string;
	/** undefined for a custom gateway. */
	readonly region?: Region;
	/** Model id from agents.defaults.model.primary, provider prefix stripped. */
	readonly defaultModel?: string;
	/** The aliases openclaw.json gives qwen-portal models (lower-cased alias → model id). */
	readonly modelAliases: Readonly<Record<string, string>>;
	readonly warnings: readonly SetupWarning[];
};

/**
 * Why a setup warning was given, so callers (doctor) can tell them apart
 * without reading the text. `env-*`: QWEN_API_KEY / DASHSCOPE_API_KEY;
 * `config-*`: a literal apiKey; `reference-*`: an apiKey naming a variable;
 * `stored-*`: a key in a profile or file.
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
	| 'stored-key-cleaned'
	| 'stored-key-invalid'
	| 'profile-missing'
	| 'profile-unusable'
	| 'secret-file-unreadable'
	| 'api-key-unresolvable'
	| 'token-expired'
	| 'base-url-missing';

export type SetupWarning = {readonly code: SetupWarningCode; readonly text: string};

type KeyOrigin = 'env' | 'config' | 'reference' | 'stored';

/**
 * The model used when none is named: the configured default, else the one
 * recommended for the credential (the portal's own under Qwen OAuth).
 */
export function modelInEffect(setup: Pick<EffectiveSetup, 'defaultModel' | 'credential'>): string {
	if (setup.defaultModel) return setup.defaultModel;
	return setup.credential?.profileType === 'oauth' ? PORTAL_DEFAULT_MODEL_ID : RECOMMENDED_MODEL_ID;
}

/** Throws an AppError when openclaw.json or a key store cannot be read. */
export function loadEffectiveSetup(env: Env = process.env): EffectiveSetup {
	const paths = resolvePaths(env);
	finishInterruptedChange(paths);
	return effectiveSetupFrom(readOpenClawConfig(paths), paths, env);
}

/** The same from an openclaw.json already read (doctor reads it once for all its checks). */
export function effectiveSetupFrom(config: ConfigRead, paths: OpenClawPaths, env: Env = process.env): EffectiveSetup {
	const provider = getQwenProvider(config.data);
	const warnings: SetupWarning[] = [];
	const layout = detectLayout(paths, config.data, env);

	const credential = keyFromEnv(env, warnings) ?? keyFromConfig({paths, config, layout, env}, provider?.apiKey, warnings);

	const configuredUrl = configuredBaseUrl(provider?.baseUrl, env, warnings);
	const baseUrl = configuredUrl || getRegion(DEFAULT_REGION_ID).baseUrl;
	if (!configuredUrl && credential) warnings.push({code: 'base-url-missing', text: missingBaseUrlWarning(paths)});
	const region = regionForBaseUrl(baseUrl, env);

	const defaultRef = getDefaultModelRef(config.data);
	const defaultModel = defaultRef?.startsWith(`${PROVIDER_ID}/`) ? defaultRef.slice(PROVIDER_ID.length + 1) : undefined;

	return {
		paths,
		configExists: config.exists,
		layout,
		...(credential ? {credential} : {}),
		baseUrl,
		baseUrlConfigured: Boolean(configuredUrl),
		requestBaseUrl: requestBaseUrl(baseUrl, env),
		...(region ? {region} : {}),
		...(defaultModel ? {defaultModel} : {}),
		modelAliases: configuredAliases(config.data),
		warnings,
	};
}

/** The provider's baseUrl; a `${VAR}` placeholder (OpenClaw substitutes those) is read from the environment. */
function configuredBaseUrl(value: unknown, env: Env, warnings: SetupWarning[]): string {
	const url = typeof value === 'string' ? value.trim() : '';
	const variable = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(url)?.[1];
	if (!variable) return url;
	const resolved = envValue(env, variable)?.trim();
	if (!resolved) {
		warnings.push({code: 'reference-unset', text: `openclaw.json sets ${PROVIDER_ID} baseUrl to \${${variable}}, but ${variable} is not set.`});
		return '';
	}
	return resolved;
}

/** agents.defaults.models["qwen-portal/<id>"].alias, as OpenClaw matches them: case-insensitively. */
function configuredAliases(config: Record<string, unknown>): Record<string, string> {
	const aliases: Record<string, string> = {};
	const agents = isObject(config.agents) ? config.agents : undefined;
	const defaults = isObject(agents?.defaults) ? agents.defaults : undefined;
	const models = isObject(defaults?.models) ? defaults.models : {};
	for (const [ref, entry] of Object.entries(models)) {
		if (!ref.startsWith(`${PROVIDER_ID}/`) || !isObject(entry) || typeof entry.alias !== 'string' || entry.alias.trim() === '') continue;
		aliases[entry.alias.trim().toLowerCase()] = ref.slice(PROVIDER_ID.length + 1);
	}
	return aliases;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Just the credential in effect (`models list` needs no more): the files are read only when no env var holds a key. */
export function loadCredential(env: Env = process.env): Credential | undefined {
	const fromEnv = keyFromEnv(env, []);
	if (fromEnv) return fromEnv;
	return credentialFromConfig(readOpenClawConfig(resolvePaths(env)), env);
}

/** The credential openclaw.json and the stores give, env vars aside (doctor's "also found"). */
export function credentialFromConfig(config: ConfigRead, env: Env = process.env): Credential | undefined {
	const paths = resolvePaths(env);
	const layout = detectLayout(paths, config.data, env);
	return keyFromConfig({paths, config, layout, env}, getQwenProvider(config.data)?.apiKey, []);
}

/**
 * The stores a profile may be in, in the order the state's OpenClaw would
 * look: its SQLite store first, then the guide's auth-profiles.json.
 */
export function profileStores(layout: StateLayout, paths: OpenClawPaths): KeyStore[] {
	const stores: KeyStore[] = [];
	if (layout.store) stores.push(layout.store);
	if (fs.existsSync(paths.authProfilesPath)) stores.push({kind: 'agent-json', file: paths.authProfilesPath});
	return stores;
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

type Context = {paths: OpenClawPaths; config: ConfigRead; layout: StateLayout; env: Env};

function keyFromConfig(context: Context, apiKey: unknown, warnings: SetupWarning[]): Credential | undefined {
	const {paths, config, env} = context;
	const ref = parseApiKeyRef(apiKey, config.data, paths.home);
	switch (ref.kind) {
		case 'none':
			return firstStoredProfile(context, warnings);
		case 'profile':
			return keyFromProfile(context, ref, warnings);
		case 'env': {
			const value = envValue(env, ref.name);
			if (!value) {
				warnings.push({
					code: 'reference-unset',
					text: `openclaw.json sets ${PROVIDER_ID} apiKey to ${describeRef(ref)}, but ${ref.name} is ${env[ref.name] === undefined ? 'not set' : 'set but empty'}.`,
				});
				return undefined;
			}
			return {key: cleanKey(value, ref.name, 'reference', warnings), source: {kind: 'reference', name: ref.name}, sourceLabel: `env ${ref.name} (apiKey in openclaw.json)`};
		}
		case 'file':
			return keyFromFile(context, ref, warnings);
		case 'literal':
			return {key: cleanKey(ref.value, 'The apiKey in openclaw.json', 'config', warnings), source: {kind: 'literal'}, sourceLabel: 'apiKey in openclaw.json'};
		case 'unresolvable':
			warnings.push({code: 'api-key-unresolvable', text: `openclaw.json's ${PROVIDER_ID} apiKey cannot be followed: ${ref.reason}.`});
			return undefined;
	}
}

function keyFromProfile(context: Context, ref: Extract<ApiKeyRef, {kind: 'profile'}>, warnings: SetupWarning[]): Credential | undefined {
	const {paths, layout} = context;
	const stores = profileStores(layout, paths);
	for (const store of stores) {
		const {profiles} = readStore(store);
		if (Object.hasOwn(profiles, ref.id)) return credentialFromProfile(profiles[ref.id], ref.id, store, warnings);
	}
	const where = stores.length > 0 ? stores.map(store => storeLabel(store)).join(' or ') : 'any key store (there is none yet)';
	const written = ref.guideForm ? `${GUIDE_PROFILE_PREFIX}${ref.id}` : ref.id;
	warnings.push({
		code: 'profile-missing',
		text: `openclaw.json points ${PROVIDER_ID} apiKey at the login profile "${written}", but there is no such profile in ${where}. Run \`${loginCommand()}\` or set QWEN_API_KEY.`,
	});
	return undefined;
}

/** No apiKey: the provider's stored profiles, the API key's first, then OAuth's, then any other for the provider. */
function firstStoredProfile(context: Context, warnings: SetupWarning[]): Credential | undefined {
	for (const store of profileStores(context.layout, context.paths)) {
		const {profiles} = readStore(store);
		const ids = [API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, ...Object.keys(profiles).filter(id => profileProvider(profiles[id]) === PROVIDER_ID)];
		const id = ids.find(candidate => Object.hasOwn(profiles, candidate));
		if (id) return credentialFromProfile(profiles[id], id, store, warnings, ' (no apiKey in openclaw.json)');
	}
	return undefined;
}

function keyFromFile(context: Context, ref: Extract<ApiKeyRef, {kind: 'file'}>, warnings: SetupWarning[]): Credential | undefined {
	const {paths} = context;
	const own = ref.file === ownCredentialsPath(paths);
	let text: string | undefined;
	try {
		text = readRegularFile(ref.file);
	} catch (error) {
		warnings.push({code: 'secret-file-unreadable', text: `openclaw.json's ${PROVIDER_ID} apiKey reads ${ref.file}, which cannot be read: ${error instanceof Error ? error.message : String(error)}`});
		return undefined;
	}
	if (text === undefined) {
		warnings.push({code: 'secret-file-unreadable', text: `openclaw.json's ${PROVIDER_ID} apiKey reads ${ref.file}, which does not exist. Run \`${loginCommand()}\` to save the key again.`});
		return undefined;
	}
	if (own && ref.pointer) {
		// Our credentials file: the pointer names a profile, kept as one so a renewal writes it back there.
		const id = /^\/profiles\/([^/]+)\//.exec(ref.pointer)?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
		const store: KeyStore = {kind: 'own-file', file: ref.file};
		const {profiles} = readStore(store);
		if (id && Object.hasOwn(profiles, id)) return credentialFromProfile(profiles[id], id, store, warnings);
	}
	let value: string | undefined = text;
	if (ref.pointer !== undefined) {
		try {
			value = resolvePointer(JSON.parse(text), ref.pointer);
		} catch {
			value = undefined;
		}
	}
	if (!value?.trim()) {
		warnings.push({code: 'secret-file-unreadable', text: `openclaw.json's ${PROVIDER_ID} apiKey reads ${ref.file}${ref.pointer ? ` at ${ref.pointer}` : ''}, which holds no key.`});
		return undefined;
	}
	return {key: cleanKey(value, ref.file, 'stored', warnings), source: {kind: 'file', file: ref.file}, sourceLabel: `file ${ref.file} (apiKey in openclaw.json)`};
}

function credentialFromProfile(profile: unknown, id: string, store: KeyStore, warnings: SetupWarning[], note = ''): Credential | undefined {
	const found = profileSecret(profile);
	const label = `profile ${id} (${storeLabel(store)})${note}`;
	if (!found) {
		warnings.push({code: 'profile-unusable', text: `Login profile "${id}" in ${storeLabel(store)} has no usable key (unknown type or empty value). Run \`${loginCommand()}\` again.`});
		return undefined;
	}
	// An expired OAuth access token is renewed on use with its refresh token; a bare token is not.
	if (found.type === 'token' && found.expires !== undefined && found.expires <= Date.now()) {
		warnings.push({code: 'token-expired', text: `The token in login profile "${id}" has expired; log in again with \`${loginCommand()}\`.`});
	}
	const key = found.type === 'api_key' ? cleanKey(found.secret, `Login profile "${id}"`, 'stored', warnings) : found.secret;
	return {key, source: {kind: 'profile', id, store}, sourceLabel: label, profileType: found.type};
}

function describeRef(ref: Extract<ApiKeyRef, {kind: 'env'}>): string {
	if (ref.form === 'template') return `\${${ref.name}}`;
	if (ref.form === 'secret-ref') return `the environment variable ${ref.name} (a SecretRef)`;
	return ref.name;
}

/**
 * The same cleaning for every source (env, stdin, the wizard's field, a
 * profile, a file): paste junk such as whitespace or quotes is removed, with a
 * warning; a key that is still malformed is kept for the key check to name.
 */
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
	return raw.trim().replace(/^["'`]+|["'`]+$/g, '');
}

function missingBaseUrlWarning(paths: OpenClawPaths): string {
	const region = getRegion(DEFAULT_REGION_ID);
	const choices = REGIONS.map(candidate => `${candidate.label}: ${candidate.baseUrl}`).join('; ');
	return `No baseUrl is set for ${PROVIDER_ID} in ${paths.configPath}, so ${region.label} is assumed. You still need to set the correct baseUrl (${choices}), or run \`${loginCommand()}\`.`;
}
