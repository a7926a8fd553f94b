/**
 * Saves an approved OAuth login: the tokens as profile `qwen-portal:oauth`
 * (never `qwen-portal:default`, the API key's), and the provider entry
 * switched to the portal with its two models and `coder-model` as default.
 * Everything else in openclaw.json is kept; the API-key login switches back.
 */
import {OAUTH_PROFILE_ID, profileRef} from '../auth-profiles.js';
import {childObject, isPlainObject} from '../config-file.js';
import {modelsFor, PORTAL_DEFAULT_MODEL_ID, PROVIDER_ID, toModelRef} from '../models.js';
import type {OpenClawPaths} from '../paths.js';
import {applyDefaultModel, OPENAI_COMPLETIONS_API, saveProfileAndConfig} from '../setup.js';
import type {OAuthTokens} from './tokens.js';

export type OAuthSaveResult = {
	configPath: string;
	authProfilesPath: string;
	backupPath?: string;
	/** 'qwen-portal/coder-model' */
	modelRef: string;
	modelId: string;
	/** The portal API base written to the provider entry. */
	baseUrl: string;
	profileId: string;
	/** When the access token runs out (ms epoch); it is refreshed automatically. */
	expires: number;
};

const PORTAL_MODEL_REF = toModelRef(PORTAL_DEFAULT_MODEL_ID);

export async function saveOAuthSetup(
	paths: OpenClawPaths,
	tokens: OAuthTokens & {refresh: string},
): Promise<OAuthSaveResult> {
	// Refuses an unparsable openclaw.json before the tokens are written, and takes them back if the config write fails.
	const {configPath, backupPath} = await saveProfileAndConfig(
		paths,
		OAUTH_PROFILE_ID,
		{type: 'oauth', provider: PROVIDER_ID, access: tokens.access, refresh: tokens.refresh, expires: tokens.expires},
		data => {
			pointProviderAtPortal(data, tokens.baseUrl);
		},
	);

	return {
		configPath,
		authProfilesPath: paths.authProfilesPath,
		...(backupPath ? {backupPath} : {}),
		modelRef: PORTAL_MODEL_REF,
		modelId: PORTAL_DEFAULT_MODEL_ID,
		baseUrl: tokens.baseUrl,
		profileId: OAUTH_PROFILE_ID,
		expires: tokens.expires,
	};
}

/** The portal's model entries; its limits were never published, these are OpenClaw's. */
function portalModelEntries(): Array<Record<string, unknown>> {
	return modelsFor('portal').map(model => ({
		id: model.id,
		name: model.name,
		input: [...model.input],
		contextWindow: model.contextWindow,
		maxTokens: model.maxTokens,
	}));
}

function pointProviderAtPortal(data: Record<string, unknown>, baseUrl: string): void {
	const models = childObject(data, 'models');
	const providers = childObject(models, 'providers');
	const previous = isPlainObject(providers[PROVIDER_ID]) ? providers[PROVIDER_ID] : {};
	providers[PROVIDER_ID] = {
		...previous,
		baseUrl,
		apiKey: profileRef(OAUTH_PROFILE_ID),
		api: OPENAI_COMPLETIONS_API,
		models: portalModelEntries(),
	};

	applyDefaultModel(data, PORTAL_MODEL_REF);
	// agents.defaults.models doubles as OpenClaw's allowlist: list both portal
	// models there, without aliases (the original change's `qwen` alias clashed).
	const allowed = childObject(childObject(childObject(data, 'agents'), 'defaults'), 'models');
	for (const portalModel of modelsFor('portal')) {
		const ref = toModelRef(portalModel.id);
		if (!isPlainObject(allowed[ref])) allowed[ref] = {};
	}
}
