/**
 * The one way anything saves setup (wizard and CLI both call this): the key as
 * profile qwen-portal:default, the provider entry the seed shows plus a real
 * `models` list (OpenClaw's validator requires one), the default model and the
 * seed's aliases. Every key this tool does not own is kept.
 */
import {API_KEY_PROFILE_ID, profileRef, readAuthProfiles, restoreAuthProfile, writeAuthProfile} from './auth-profiles.js';
import type {AuthProfile} from './auth-profiles.js';
import {childObject, isPlainObject, readOpenClawConfig, updateOpenClawConfig} from './config-file.js';
import type {ConfigData} from './config-file.js';
import {contextWindowFor, isRetired, modelsFor, PROVIDER_ID, toModelRef} from './models.js';
import type {OpenClawPaths} from './paths.js';
import {getRegion} from './regions.js';
import type {Region, RegionId} from './regions.js';

export type SaveResult = {
	configPath: string;
	authProfilesPath: string;
	backupPath?: string;
	modelRef: string;
	region: Region;
};

export const OPENAI_COMPLETIONS_API = 'openai-completions';
const API_KEY_REF = profileRef(API_KEY_PROFILE_ID);

export async function saveApiKeySetup(
	paths: OpenClawPaths,
	input: {regionId: RegionId; key: string; modelId: string},
): Promise<SaveResult> {
	const key = input.key.trim();
	// Callers validate with validateApiKey; this guards the file against a blank or broken value.
	if (!key || /\s/.test(key)) throw new Error('Refusing to save an empty API key or one with spaces inside it.');
	const modelRef = toModelRef(input.modelId);
	const region = getRegion(input.regionId);
	const {configPath, backupPath} = await saveProfileAndConfig(
		paths,
		API_KEY_PROFILE_ID,
		{type: 'api_key', provider: PROVIDER_ID, key},
		data => {
			applyApiKeySetup(data, region, modelRef);
		},
	);
	return {configPath, authProfilesPath: paths.authProfilesPath, ...(backupPath ? {backupPath} : {}), modelRef, region};
}

/**
 * A save that failed part-way and could not take back what it had written:
 * `written` names those files.
 */
export class SetupWriteError extends Error {
	readonly written: string[];

	constructor(message: string, written: string[], cause: unknown) {
		super(message, {cause});
		this.name = 'SetupWriteError';
		this.written = written;
	}
}

/**
 * Writes a login as one change: both files are read (and refused when
 * unparsable) before anything is written, then the profile, then
 * openclaw.json. When the config write fails the profile is put back as it
 * was, so a failed save leaves nothing behind; should that fail too, the
 * SetupWriteError says which file kept the new profile.
 */
export async function saveProfileAndConfig(
	paths: OpenClawPaths,
	profileId: string,
	profile: AuthProfile,
	mutate: (data: ConfigData) => void,
): Promise<{configPath: string; backupPath?: string}> {
	readOpenClawConfig(paths);
	readAuthProfiles(paths);
	const write = await writeAuthProfile(paths, profileId, profile);
	try {
		return await updateOpenClawConfig(paths, mutate);
	} catch (error) {
		try {
			await restoreAuthProfile(paths, write);
		} catch {
			const reason = error instanceof Error ? error.message : String(error);
			throw new SetupWriteError(
				`${reason} The login was already saved to ${paths.authProfilesPath} (profile ${profileId}) and could not be taken back; openclaw.json was not changed.`,
				[paths.authProfilesPath],
				error,
			);
		}
		throw error;
	}
}

export async function setDefaultModel(
	paths: OpenClawPaths,
	modelId: string,
): Promise<{configPath: string; modelRef: string; backupPath?: string}> {
	const modelRef = toModelRef(modelId);
	const {configPath, backupPath} = await updateOpenClawConfig(paths, data => {
		applyDefaultModel(data, modelRef);
	});
	return {configPath, modelRef, ...(backupPath ? {backupPath} : {})};
}

/** The registry's DashScope models as OpenClaw provider model entries, with this region's limits. */
function dashScopeModelEntries(regionId: RegionId): Array<Record<string, unknown>> {
	return modelsFor('dashscope')
		.filter(model => !isRetired(model))
		.map(model => ({
			id: model.id,
			name: model.name,
			reasoning: model.thinking,
			input: [...model.input],
			contextWindow: contextWindowFor(model, regionId),
			maxTokens: model.maxTokens,
		}));
}

/** Mutates openclaw.json data for an API-key login; only the owned keys change. */
function applyApiKeySetup(data: ConfigData, region: Region, modelRef: string): void {
	const providers = childObject(childObject(data, 'models'), 'providers');
	const previous = isPlainObject(providers[PROVIDER_ID]) ? providers[PROVIDER_ID] : {};
	providers[PROVIDER_ID] = {
		...previous,
		baseUrl: region.baseUrl,
		apiKey: API_KEY_REF,
		api: OPENAI_COMPLETIONS_API,
		models: mergeModelEntries(previous.models, dashScopeModelEntries(region.id)),
	};
	const allowed = childObject(childObject(childObject(data, 'agents'), 'defaults'), 'models');
	for (const model of modelsFor('dashscope').filter(model => !isRetired(model))) {
		const ref = toModelRef(model.id);
		const entry = isPlainObject(allowed[ref]) ? allowed[ref] : {};
		allowed[ref] = model.alias ? {...entry, alias: model.alias} : entry;
		if (model.alias) dropAliasElsewhere(allowed, ref, model.alias);
	}
	applyDefaultModel(data, modelRef);
}

/** Sets agents.defaults.model.primary, keeping fallbacks and anything else beside it. */
export function applyDefaultModel(data: ConfigData, modelRef: string): void {
	const defaults = childObject(childObject(data, 'agents'), 'defaults');
	const model = isPlainObject(defaults.model) ? defaults.model : {};
	defaults.model = {...model, primary: modelRef};
	// agents.defaults.models doubles as OpenClaw's model allowlist: keep the default in it.
	const allowed = childObject(defaults, 'models');
	if (!isPlainObject(allowed[modelRef])) allowed[modelRef] = {};
}

/**
 * Registry entries replace same-id entries (keeping fields we do not write,
 * such as cost); the portal's models go, since the entry now points at
 * DashScope; models the user added by hand stay.
 */
function mergeModelEntries(existing: unknown, entries: Array<Record<string, unknown>>): unknown[] {
	const previous: unknown[] = Array.isArray(existing) ? existing : [];
	const byId = new Map(previous.filter(isPlainObject).map(entry => [entry.id, entry]));
	const portalIds = new Set(modelsFor('portal').map(model => model.id));
	const ours = new Set(entries.map(entry => entry.id));
	const kept = previous.filter(entry => !isPlainObject(entry) || (!ours.has(entry.id) && !portalIds.has(String(entry.id))));
	return [...entries.map(entry => ({...byId.get(entry.id), ...entry})), ...kept];
}

/** Aliases match case-insensitively, so another qwen-portal entry with the same alias would be ambiguous. */
function dropAliasElsewhere(allowed: Record<string, unknown>, ref: string, alias: string): void {
	for (const [otherRef, entry] of Object.entries(allowed)) {
		if (otherRef === ref || !otherRef.startsWith(`${PROVIDER_ID}/`) || !isPlainObject(entry)) continue;
		if (typeof entry.alias === 'string' && entry.alias.toLowerCase() === alias.toLowerCase()) delete entry.alias;
	}
}
