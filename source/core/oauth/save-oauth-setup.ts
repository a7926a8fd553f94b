/**
 * Saves an approved OAuth login: the tokens as profile `qwen-portal:oauth`
 * (never `qwen-portal:default`, the API key's), and the provider entry
 * switched to the portal with its two models and `coder-model` as default.
 * Everything else in openclaw.json is kept; the API-key login switches back.
 */
import {OAUTH_PROFILE_ID, type AuthProfile} from '../auth-profiles.js';
import type {Env} from '../env.js';
import type {LockNotices} from '../files/state-lock.js';
import {modelsFor, PORTAL_DEFAULT_MODEL_ID, PROVIDER_ID, toModelRef} from '../models.js';
import {addModels, applyDefaultModel, declareOwnSecrets, modelEntry, pointProviderAt, registerProfile} from '../openclaw/config-edits.js';
import {describeStore} from '../openclaw/key-store.js';
import {loginStore} from '../openclaw/login-store.js';
import {changeState} from '../openclaw/state-change.js';
import type {OpenClawPaths} from '../paths.js';
import type {OAuthTokens} from './tokens.js';

export type OAuthSaveResult = {
	configPath: string;
	/** The file the tokens were written to. */
	authProfilesPath: string;
	/** Where the tokens went, in words. */
	keyStore?: string;
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
	options: {env: Env; notices?: LockNotices},
): Promise<OAuthSaveResult> {
	const profile: AuthProfile = {type: 'oauth', provider: PROVIDER_ID, access: tokens.access, refresh: tokens.refresh, expires: tokens.expires};
	const {result, configPath, backupPath} = await changeState(
		paths,
		options.env,
		current => {
			const target = loginStore(current, paths);
			return {
				change: {
					profiles: target.stores.map(store => ({store, changes: [{id: OAUTH_PROFILE_ID, profile}], ...(store === target.stores[0] && target.bootstrap ? {bootstrap: true} : {})})),
					config: data => {
						pointProviderAt(data, {
							baseUrl: tokens.baseUrl,
							apiKey: target.apiKey(OAUTH_PROFILE_ID, 'access'),
							models: modelsFor('portal').map(model => modelEntry(model)),
							replacePortalModels: false,
						});
						if (target.secretsProvider) declareOwnSecrets(data, target.secretsProvider);
						if (target.registerProfile) registerProfile(data, OAUTH_PROFILE_ID, 'oauth');
						// The portal's models carry no aliases: the original change's `qwen` alias clashed with the API key's.
						addModels(data, modelsFor('portal').map(model => ({...model, alias: undefined})));
						applyDefaultModel(data, PORTAL_MODEL_REF);
					},
				},
				result: {authProfilesPath: target.stores[0]!.file, keyStore: describeStore(target.stores[0]!, paths)},
			};
		},
		options.notices ? {notices: options.notices} : {},
	);

	return {
		configPath,
		authProfilesPath: result.authProfilesPath,
		keyStore: result.keyStore,
		...(backupPath ? {backupPath} : {}),
		modelRef: PORTAL_MODEL_REF,
		modelId: PORTAL_DEFAULT_MODEL_ID,
		baseUrl: tokens.baseUrl,
		profileId: OAUTH_PROFILE_ID,
		expires: tokens.expires,
	};
}
