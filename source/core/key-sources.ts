/**
 * Where a key comes from, in the order that wins: QWEN_API_KEY, then
 * DASHSCOPE_API_KEY (the guide's Method 2), then the provider's `apiKey` in
 * openclaw.json, followed the way OpenClaw 2026.9 follows it
 * (openclaw/api-key-ref.ts): a login profile in whichever store the state
 * uses (the guide's auth-profiles.json, OpenClaw's SQLite stores, or our own
 * credentials file), an environment variable, a file, or the key itself.
 * With no `apiKey`, the provider's stored profiles are used. Whatever is
 * wrong with a source is a warning, never a silent skip.
 */
import fs from 'node:fs';
import {stripQuotes, validateApiKey} from './api-key.js';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, profileProvider, profileSecret, type AuthProfileType} from './auth-profiles.js';
import {getQwenProvider, readOpenClawConfig, type ConfigRead} from './config-file.js';
import type {Env} from './env.js';
import {readRegularFile} from './files/safe-file.js';
import {KEY_ENV_VARS, SUGGESTED_KEY_ENV_VAR, type KeyEnvVar} from './env-vars.js';
import {ADVICE, loginCommand} from './messages.js';
import {PROVIDER_ID} from './models.js';
import {envValue, GUIDE_PROFILE_PREFIX, parseApiKeyRef, resolvePointer, unescapePointerSegment, type ApiKeyRef} from './openclaw/api-key-ref.js';
import {ownCredentialsPath, parseJsonStore, readStore, storeLabel, type KeyStore} from './openclaw/key-store.js';
import {detectLayout, type StateLayout} from './openclaw/state-layout.js';
import {resolvePaths, type OpenClawPaths} from './paths.js';
import {isPlainObject} from './plain-object.js';

export type CredentialSource =
	| {readonly kind: 'env'; readonly name: KeyEnvVar}
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

/** Just the credential in effect (`models list` needs no more): the files are read only when no env var holds a key. */
export function loadCredential(env: Env): Credential | undefined {
	const fromEnv = keyFromEnv(env, []);
	if (fromEnv) return fromEnv;
	return credentialFromConfig(readOpenClawConfig(resolvePaths(env)), env);
}

/** The credential openclaw.json and the stores give, env vars aside (doctor's "also found"). */
export function credentialFromConfig(config: ConfigRead, env: Env): Credential | undefined {
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

/** The first key variable that is set and not blank; a blank one is skipped with a warning. */
export function keyFromEnv(env: Env, warnings: SetupWarning[]): Credential | undefined {
	for (const name of KEY_ENV_VARS) {
		const raw = env[name];
		if (raw === undefined) continue;
		if (raw.trim() === '') {
			warnings.push({
				code: 'env-empty',
				text: `${name} is set but empty, so it was skipped. Export the key itself (${ADVICE.exportKey(name)}) or unset ${name}.`,
			});
			continue;
		}
		return {key: cleanKey(raw, name, 'env', warnings), source: {kind: 'env', name}, sourceLabel: `env ${name}`};
	}
	return undefined;
}

/** The key variable a credential came from, when it did: the one a new login would not replace. */
export function keyVariableOf(credential: Credential | undefined): KeyEnvVar | undefined {
	return credential?.source.kind === 'env' ? credential.source.name : undefined;
}

/** The key variable used instead of `savedKey` while it is set; none when it holds that same key. */
export function keyVariableOverriding(env: Env, savedKey: string): KeyEnvVar | undefined {
	const fromEnv = keyFromEnv(env, []);
	return fromEnv && fromEnv.key !== savedKey.trim() ? keyVariableOf(fromEnv) : undefined;
}

export type KeyContext = {paths: OpenClawPaths; config: ConfigRead; layout: StateLayout; env: Env};

/** The key openclaw.json's `apiKey` leads to, followed as OpenClaw follows it; with no `apiKey`, the provider's stored profiles. */
export function keyFromConfig(context: KeyContext, apiKey: unknown, warnings: SetupWarning[]): Credential | undefined {
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

function keyFromProfile(context: KeyContext, ref: Extract<ApiKeyRef, {kind: 'profile'}>, warnings: SetupWarning[]): Credential | undefined {
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
		text: `openclaw.json points ${PROVIDER_ID} apiKey at the login profile "${written}", but there is no such profile in ${where}. Run \`${loginCommand()}\` or set ${SUGGESTED_KEY_ENV_VAR}.`,
	});
	return undefined;
}

/** No apiKey: the provider's stored profiles, the API key's first, then OAuth's, then any other for the provider. */
function firstStoredProfile(context: KeyContext, warnings: SetupWarning[]): Credential | undefined {
	for (const store of profileStores(context.layout, context.paths)) {
		const {profiles} = readStore(store);
		const ids = [API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, ...Object.keys(profiles).filter(id => profileProvider(profiles[id]) === PROVIDER_ID)];
		const id = ids.find(candidate => Object.hasOwn(profiles, candidate));
		if (id) return credentialFromProfile(profiles[id], id, store, warnings, ' (no apiKey in openclaw.json)');
	}
	return undefined;
}

function keyFromFile(context: KeyContext, ref: Extract<ApiKeyRef, {kind: 'file'}>, warnings: SetupWarning[]): Credential | undefined {
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
		const segment = /^\/profiles\/([^/]+)\//.exec(ref.pointer)?.[1];
		const id = segment === undefined ? undefined : unescapePointerSegment(segment);
		const store: KeyStore = {kind: 'own-file', file: ref.file};
		// The file is read already: parsed as the store it is, not read again.
		const data = parseJsonStore(text, ref.file);
		const profiles = isPlainObject(data.profiles) ? data.profiles : {};
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
	return stripQuotes(raw.trim());
}
