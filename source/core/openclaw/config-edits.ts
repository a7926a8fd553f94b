/**
 * The edits a login makes to openclaw.json: the provider entry the guide
 * shows, our secrets provider, the profile list, the model map with the
 * guide's aliases, the allow-list and the default model. Each touches only
 * its own keys; everything else stays as the user or OpenClaw left it.
 */
import {childObject, type ConfigData} from '../config-file.js';
import {modelsFor, PROVIDER_ID, supportsImages, toModelRef, type ModelInfo} from '../models.js';
import {isPlainObject} from '../plain-object.js';
import {OWN_SECRETS_ALIAS} from './key-store.js';

export const OPENAI_COMPLETIONS_API = 'openai-completions';

/** An alias of the guide's that another model already has. */
export type SkippedAlias = {readonly alias: string; readonly takenBy: string};

/** models.providers.qwen-portal: where requests go, the key reference, the API and the model entries. */
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
