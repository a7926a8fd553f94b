/**
 * The one way a login or `models set` saves setup (the wizard and the CLI
 * both call this). The key goes where this state's OpenClaw reads it
 * (loginStore); openclaw.json gets the provider entry the guide shows, with a
 * real `models` list, an `apiKey` both programs resolve, the default model
 * and the guide's aliases. Every setting that is not ours stays as it was,
 * and what we did not take (an alias, a custom baseUrl, someone else's
 * default model) is reported, not overwritten in silence.
 */
import {API_KEY_PROFILE_ID, profileProvider, profileSecret, type AuthProfile} from './auth-profiles.js';
import {getDefaultModelRef, getQwenProvider} from './config-file.js';
import type {ConfigData} from './config-file.js';
import type {Env} from './env.js';
import type {KeyEnvVar} from './env-vars.js';
import type {LockNotices} from './files/state-lock.js';
import {keyVariableOverriding} from './key-sources.js';
import {contextWindowFor, isRetired, modelsFor, PROVIDER_ID, toModelRef} from './models.js';
import {ENV_TEMPLATE, GUIDE_PROFILE_PREFIX} from './openclaw/api-key-ref.js';
import {addModels, applyDefaultModel, declareOwnSecrets, modelEntry, pointProviderAt, registerProfile, type SkippedAlias} from './openclaw/config-edits.js';
import {describeStore, readStore, type KeyStore} from './openclaw/key-store.js';
import {loginStore} from './openclaw/login-store.js';
import {changeState, type StateChange} from './openclaw/state-change.js';
import {isPortalUrl} from './oauth/constants.js';
import type {OpenClawPaths} from './paths.js';
import {getRegion, regionForBaseUrl} from './regions.js';
import type {Region, RegionId} from './regions.js';

export type SaveResult = {
	readonly configPath: string;
	/** The file the key was written to (auth-profiles.json, a database, our credentials file). */
	readonly authProfilesPath: string;
	/** Where the key went, in words. */
	readonly keyStore?: string;
	readonly backupPath?: string;
	readonly modelRef: string;
	readonly region: Region;
	/** The default model this login replaced, when it was another provider's. */
	readonly replacedDefault?: string;
	/** A baseUrl of the user's that was kept (a gateway, a proxy). */
	readonly keptBaseUrl?: string;
	readonly skippedAliases?: readonly SkippedAlias[];
	/** Notes for the user about the state (OpenClaw still needs to migrate its old files, …). */
	readonly notes?: readonly string[];
	/** A key variable (QWEN_API_KEY, DASHSCOPE_API_KEY) holding another key: it is used instead of the saved one while it is set. */
	readonly overriddenBy?: KeyEnvVar;
	/** Whether the key's store was written; false when it already held this key. */
	readonly keyWritten: boolean;
	/** Whether openclaw.json was written; false when it already had this setup. */
	readonly configWritten: boolean;
};

type SaveOptions = {env: Env; notices?: LockNotices};

export async function saveApiKeySetup(
	paths: OpenClawPaths,
	input: {regionId: RegionId; key: string; modelId: string},
	options: SaveOptions,
): Promise<SaveResult> {
	const key = input.key.trim();
	// Callers validate with validateApiKey; this guards the store against a blank or broken value.
	if (!key || /\s/.test(key)) throw new Error('Refusing to save an empty API key or one with spaces inside it.');
	const modelRef = toModelRef(input.modelId);
	const region = getRegion(input.regionId);
	const profile: AuthProfile = {type: 'api_key', provider: PROVIDER_ID, key};
	const {result, configPath, backupPath, configChanged, profilesChanged} = await changeState(
		paths,
		options.env,
		current => {
			const target = loginStore(current, paths);
			const provider = getQwenProvider(current.config.data);
			const keptBaseUrl = baseUrlToKeep(provider?.baseUrl, region, options.env);
			const replacedDefault = otherProvidersDefault(current.config.data);
			const skippedAliases: SkippedAlias[] = [];
			const change: StateChange = {
				profiles: target.stores.map(store => ({
					store,
					changes: [{id: API_KEY_PROFILE_ID, profile}, ...bogusProfiles(store).map(id => ({id, profile: undefined}))],
					...(store === target.stores[0] && target.bootstrap ? {bootstrap: true} : {}),
				})),
				config: data => {
					pointProviderAt(data, {
						baseUrl: keptBaseUrl ?? region.baseUrl,
						apiKey: target.apiKey(API_KEY_PROFILE_ID, 'key'),
						models: dashScopeModelEntries(region.id),
						replacePortalModels: true,
					});
					if (target.secretsProvider) declareOwnSecrets(data, target.secretsProvider);
					if (target.registerProfile) registerProfile(data, API_KEY_PROFILE_ID, 'api_key');
					const refs = modelsFor('dashscope').filter(model => !isRetired(model));
					skippedAliases.push(...addModels(data, refs));
					applyDefaultModel(data, modelRef);
				},
			};
			return {
				change,
				result: {
					authProfilesPath: target.stores[0]!.file,
					keyStore: describeStore(target.stores[0]!, paths),
					region,
					modelRef,
					...(keptBaseUrl ? {keptBaseUrl} : {}),
					...(replacedDefault && replacedDefault !== modelRef ? {replacedDefault} : {}),
					skippedAliases,
					notes: target.notes,
				},
			};
		},
		options.notices ? {notices: options.notices} : {},
	);
	const overriddenBy = keyVariableOverriding(options.env, key);
	return {
		...result,
		configPath,
		...(backupPath ? {backupPath} : {}),
		...(overriddenBy ? {overriddenBy} : {}),
		keyWritten: profilesChanged,
		configWritten: configChanged,
	};
}

export async function setDefaultModel(
	paths: OpenClawPaths,
	modelId: string,
	options: SaveOptions,
): Promise<{configPath: string; modelRef: string; backupPath?: string; previous?: string}> {
	const modelRef = toModelRef(modelId);
	const {result, configPath, backupPath} = await changeState(
		paths,
		options.env,
		current => ({
			change: {
				config: data => {
					applyDefaultModel(data, modelRef);
				},
			},
			result: getDefaultModelRef(current.config.data),
		}),
		options.notices ? {notices: options.notices} : {},
	);
	return {configPath, modelRef, ...(backupPath ? {backupPath} : {}), ...(result ? {previous: result} : {})};
}

/**
 * Profiles OpenClaw's migration made from the guide's `profile:` apiKey text:
 * "keys" that are that text, which OpenClaw tries and gets a 401 for.
 */
function bogusProfiles(store: KeyStore): string[] {
	let profiles: Readonly<Record<string, unknown>>;
	try {
		profiles = readStore(store).profiles;
	} catch {
		return [];
	}
	return Object.entries(profiles)
		.filter(([, value]) => profileProvider(value) === PROVIDER_ID && profileSecret(value)?.secret.startsWith(GUIDE_PROFILE_PREFIX))
		.map(([id]) => id);
}

/**
 * The baseUrl a login keeps: the user's own when it is a gateway or proxy (no
 * known region), or the region's own URL in another form; a different
 * region's URL is replaced, since the key would not work there.
 */
function baseUrlToKeep(current: unknown, region: Region, env: Env): string | undefined {
	if (typeof current !== 'string' || current.trim() === '') return undefined;
	const url = current.trim();
	if (url === region.baseUrl) return undefined;
	// A ${VAR} placeholder is the user's way to point OpenClaw elsewhere; it stays.
	if (ENV_TEMPLATE.test(url)) return url;
	const known = regionForBaseUrl(url, env);
	if (known) return known.id === region.id ? url : undefined;
	// The OAuth portal's URL was ours; a gateway or proxy of the user's stays.
	return /^https?:\/\//i.test(url) && !isPortalUrl(url) ? url : undefined;
}

/** The configured default model when it belongs to another provider (which a login replaces). */
function otherProvidersDefault(config: ConfigData): string | undefined {
	const ref = getDefaultModelRef(config);
	if (!ref) return undefined;
	const slash = ref.indexOf('/');
	return slash !== -1 && ref.slice(0, slash).toLowerCase() !== PROVIDER_ID ? ref : undefined;
}

/** The registry's DashScope models as OpenClaw provider model entries, with this region's limits. */
function dashScopeModelEntries(regionId: RegionId): Array<Record<string, unknown>> {
	return modelsFor('dashscope')
		.filter(model => !isRetired(model))
		.map(model => modelEntry(model, contextWindowFor(model, regionId)));
}
