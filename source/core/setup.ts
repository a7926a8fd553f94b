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
import {childObject, getDefaultModelRef, getQwenProvider, isPlainObject} from './config-file.js';
import type {ConfigData} from './config-file.js';
import type {Env} from './env.js';
import type {LockNotices} from './files/state-lock.js';
import {contextWindowFor, isRetired, modelsFor, PROVIDER_ID, supportsImages, toModelRef, type ModelInfo} from './models.js';
import {GUIDE_PROFILE_PREFIX, parseApiKeyRef, pointerTo} from './openclaw/api-key-ref.js';
import {describeStore, ownCredentialsPath, readStore, type KeyStore} from './openclaw/key-store.js';
import {changeState, type CurrentState, type StateChange} from './openclaw/state-change.js';
import {refusalToWrite} from './openclaw/state-db.js';
import {isPortalUrl} from './oauth/constants.js';
import type {OpenClawPaths} from './paths.js';
import {getRegion, regionForBaseUrl} from './regions.js';
import type {Region, RegionId} from './regions.js';

export const OPENAI_COMPLETIONS_API = 'openai-completions';

/** The secrets provider alias under which OpenClaw reads our credentials file. */
export const OWN_SECRETS_ALIAS = 'openclaw-qwen';

/** An alias of the guide's that another model already has. */
export type SkippedAlias = {readonly alias: string; readonly takenBy: string};

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
};

type SaveOptions = {env: Env; notices?: LockNotices};

export async function saveApiKeySetup(
	paths: OpenClawPaths,
	input: {regionId: RegionId; key: string; modelId: string},
	options: SaveOptions = {env: process.env},
): Promise<SaveResult> {
	const key = input.key.trim();
	// Callers validate with validateApiKey; this guards the store against a blank or broken value.
	if (!key || /\s/.test(key)) throw new Error('Refusing to save an empty API key or one with spaces inside it.');
	const modelRef = toModelRef(input.modelId);
	const region = getRegion(input.regionId);
	const profile: AuthProfile = {type: 'api_key', provider: PROVIDER_ID, key};
	const {result, configPath, backupPath} = await changeState(
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
	return {...result, configPath, ...(backupPath ? {backupPath} : {})};
}

export async function setDefaultModel(
	paths: OpenClawPaths,
	modelId: string,
	options: SaveOptions = {env: process.env},
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

/** Where a login's key goes, and how openclaw.json then refers to it. */
export type LoginStore = {
	/** The first is where the key is read from; a second (the old JSON file OpenClaw still has to migrate) is kept in step. */
	readonly stores: readonly KeyStore[];
	/** Claim OpenClaw's shared store first (a state OpenClaw created but has stored no key in yet). */
	readonly bootstrap: boolean;
	/** The `apiKey` value for a profile, and the field of it that holds the secret. */
	readonly apiKey: (profileId: string, field: 'key' | 'access') => unknown;
	/** Declare our credentials file under secrets.providers (OpenClaw reads it by reference). */
	readonly secretsProvider?: string;
	/** List the profile under auth.profiles, as OpenClaw's own key save does. */
	readonly registerProfile: boolean;
	readonly notes: string[];
};

/**
 * Decides where a login writes, from the state as it is (docs/openclaw-2026.9.md):
 * - already using our credentials file by reference: keep using it;
 * - OpenClaw 2026.9 with its database: its store (refused for a newer OpenClaw);
 * - the guide's layout: auth-profiles.json, as the guide says;
 * - otherwise (nothing yet, or OpenClaw's marks but no database): our own
 *   credentials file, which OpenClaw reads through a file SecretRef. We never
 *   create OpenClaw's databases, nor a file that makes it stop.
 */
export function loginStore(current: CurrentState, paths: OpenClawPaths): LoginStore {
	const {layout, config} = current;
	const own: KeyStore = {kind: 'own-file', file: ownCredentialsPath(paths)};
	const byProfileId = (profileId: string) => profileId;
	const ownReference = (profileId: string, field: 'key' | 'access') => ({source: 'file', provider: OWN_SECRETS_ALIAS, id: pointerTo('profiles', profileId, field)});
	const ref = parseApiKeyRef(getQwenProvider(config.data)?.apiKey, config.data, paths.home);
	if (ref.kind === 'file' && ref.file === own.file) {
		return {stores: [own], bootstrap: false, apiKey: ownReference, secretsProvider: own.file, registerProfile: false, notes: []};
	}
	if (layout.kind === 'openclaw') {
		const refusal = refusalToWrite(layout.databases);
		if (refusal) throw refusal;
		const legacy: KeyStore[] = layout.authProfilesJson ? [{kind: 'agent-json', file: layout.authProfilesJson}] : [];
		const notes = layout.legacyFiles.length > 0 ? [migrationNote(layout.legacyFiles)] : [];
		if (layout.store) return {stores: [layout.store, ...legacy], bootstrap: false, apiKey: byProfileId, registerProfile: true, notes};
		if (layout.databases.stateDb) {
			return {stores: [{kind: 'state-db', file: layout.databases.stateDb.file}, ...legacy], bootstrap: true, apiKey: byProfileId, registerProfile: true, notes};
		}
		return {stores: [own], bootstrap: false, apiKey: ownReference, secretsProvider: own.file, registerProfile: false, notes};
	}
	if (layout.kind === 'guide') {
		return {stores: [{kind: 'agent-json', file: paths.authProfilesPath}], bootstrap: false, apiKey: byProfileId, registerProfile: false, notes: []};
	}
	return {stores: [own], bootstrap: false, apiKey: ownReference, secretsProvider: own.file, registerProfile: false, notes: []};
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

function migrationNote(files: readonly string[]): string {
	return `OpenClaw 2026.9 will not run while ${files.join(', ')} ${files.length === 1 ? 'is' : 'are'} there: run \`openclaw doctor --fix --non-interactive\` with OpenClaw to move ${files.length === 1 ? 'it' : 'them'} into its database. The key was saved in both places, so either way it is the new one.`;
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
	if (/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(url)) return url;
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

export function pointProviderAt(
	data: ConfigData,
	entry: {baseUrl: string; apiKey: unknown; models: Array<Record<string, unknown>>; replacePortalModels: boolean},
): void {
	const providers = childObject(childObject(data, 'models'), 'providers');
	const previous = isPlainObject(providers[PROVIDER_ID]) ? providers[PROVIDER_ID] : {};
	providers[PROVIDER_ID] = {
		...previous,
		baseUrl: entry.baseUrl,
		apiKey: entry.apiKey,
		api: OPENAI_COMPLETIONS_API,
		models: mergeModelEntries(previous.models, entry.models, entry.replacePortalModels),
	};
}

/** secrets.providers.openclaw-qwen: our credentials file, read as JSON by pointer. */
export function declareOwnSecrets(data: ConfigData, file: string): void {
	const providers = childObject(childObject(data, 'secrets'), 'providers');
	providers[OWN_SECRETS_ALIAS] = {source: 'file', path: file, mode: 'json'};
}

/** auth.profiles["<id>"]: OpenClaw's list of stored profiles, kept as its own key save keeps it. */
export function registerProfile(data: ConfigData, profileId: string, mode: 'api_key' | 'oauth'): void {
	const profiles = childObject(childObject(data, 'auth'), 'profiles');
	const previous = isPlainObject(profiles[profileId]) ? profiles[profileId] : {};
	profiles[profileId] = {...previous, provider: PROVIDER_ID, mode};
}

/** The registry's DashScope models as OpenClaw provider model entries, with this region's limits. */
function dashScopeModelEntries(regionId: RegionId): Array<Record<string, unknown>> {
	return modelsFor('dashscope')
		.filter(model => !isRetired(model))
		.map(model => modelEntry(model, contextWindowFor(model, regionId)));
}

/**
 * One provider model entry. Text-only models get `requiresStringContent`:
 * OpenClaw sends content as an array of parts otherwise, which DashScope's
 * text models refuse ("input content must be a string").
 */
export function modelEntry(model: ModelInfo, contextWindow = model.contextWindow): Record<string, unknown> {
	return {
		id: model.id,
		name: model.name,
		reasoning: model.thinking,
		input: [...model.input],
		contextWindow,
		maxTokens: model.maxTokens,
		...(supportsImages(model) ? {} : {compat: {requiresStringContent: true}}),
	};
}

/**
 * Lists `models` in agents.defaults.models (OpenClaw's model map) with the
 * guide's aliases, and in modelPolicy.allow when the state uses one. An alias
 * another model already has (any provider, any case) is not taken; a model
 * that already has an alias of the user's keeps it. Returns what was skipped.
 */
export function addModels(data: ConfigData, models: readonly ModelInfo[]): SkippedAlias[] {
	const defaults = childObject(childObject(data, 'agents'), 'defaults');
	const map = childObject(defaults, 'models');
	const skipped: SkippedAlias[] = [];
	for (const model of models) {
		const ref = toModelRef(model.id);
		const entry = isPlainObject(map[ref]) ? map[ref] : {};
		map[ref] = entry;
		if (!model.alias || typeof entry.alias === 'string') continue;
		const takenBy = aliasOwner(map, model.alias, ref);
		if (takenBy) skipped.push({alias: model.alias, takenBy});
		else entry.alias = model.alias;
	}
	allowModels(data, models.map(model => toModelRef(model.id)));
	return skipped;
}

function aliasOwner(map: Record<string, unknown>, alias: string, except: string): string | undefined {
	const wanted = alias.toLowerCase();
	for (const [ref, entry] of Object.entries(map)) {
		if (ref !== except && isPlainObject(entry) && typeof entry.alias === 'string' && entry.alias.toLowerCase() === wanted) return ref;
	}
	return undefined;
}

/**
 * Keeps agents.defaults.modelPolicy.allow in step: OpenClaw 2026.9 only lets
 * listed models be picked once the list exists (or once it has migrated to it).
 * An empty list, or one that already allows every qwen-portal model, is left.
 */
function allowModels(data: ConfigData, refs: readonly string[]): void {
	const defaults = childObject(childObject(data, 'agents'), 'defaults');
	const meta = isPlainObject(data.meta) ? data.meta : undefined;
	const migrated = isPlainObject(meta?.migrations) && meta.migrations.modelPolicyAllowlist === true;
	const policy = isPlainObject(defaults.modelPolicy) ? defaults.modelPolicy : undefined;
	if (!policy && !migrated) return;
	if (policy && Array.isArray(policy.allow) && policy.allow.length === 0) return;
	const target = policy ?? childObject(defaults, 'modelPolicy');
	const allow: unknown[] = Array.isArray(target.allow) ? [...(target.allow as unknown[])] : Object.keys(childObject(defaults, 'models'));
	if (allow.includes(`${PROVIDER_ID}/*`)) return;
	for (const ref of refs) if (!allow.includes(ref)) allow.push(ref);
	target.allow = allow;
}

/** Sets agents.defaults.model.primary, keeping fallbacks and anything else beside it, and lists the model. */
export function applyDefaultModel(data: ConfigData, modelRef: string): void {
	const defaults = childObject(childObject(data, 'agents'), 'defaults');
	const model = isPlainObject(defaults.model) ? defaults.model : {};
	defaults.model = {...model, primary: modelRef};
	const map = childObject(defaults, 'models');
	if (!isPlainObject(map[modelRef])) map[modelRef] = {};
	allowModels(data, [modelRef]);
}

/**
 * Registry entries replace same-id entries (keeping fields we do not write,
 * such as cost); the other provider kind's models go when the entry changes
 * kind; models the user added by hand stay.
 */
function mergeModelEntries(existing: unknown, entries: Array<Record<string, unknown>>, replacePortalModels: boolean): unknown[] {
	const previous: unknown[] = Array.isArray(existing) ? existing : [];
	const byId = new Map(previous.filter(isPlainObject).map(entry => [entry.id, entry]));
	const otherKind = new Set(modelsFor(replacePortalModels ? 'portal' : 'dashscope').map(model => model.id));
	const ours = new Set(entries.map(entry => entry.id));
	const kept = previous.filter(entry => !isPlainObject(entry) || (!ours.has(entry.id) && !otherKind.has(String(entry.id))));
	return [...entries.map(entry => ({...byId.get(entry.id), ...entry})), ...kept];
}

