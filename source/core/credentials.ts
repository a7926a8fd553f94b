/**
 * The one place that decides which key, region and model are in effect: the
 * key from key-sources.ts, the region from the provider's baseUrl, the model
 * from the configured default.
 */
import {getDefaultModelRef, getQwenProvider, readOpenClawConfig} from './config-file.js';
import type {ConfigRead} from './config-file.js';
import type {Env} from './env.js';
import {keyFromConfig, keyFromEnv, type Credential, type SetupWarning} from './key-sources.js';
import {loginCommand} from './messages.js';
import {PORTAL_DEFAULT_MODEL_ID, PROVIDER_ID, RECOMMENDED_MODEL_ID} from './models.js';
import {ENV_TEMPLATE, envValue} from './openclaw/api-key-ref.js';
import {finishInterruptedChange} from './openclaw/state-change.js';
import {detectLayout, type StateLayout} from './openclaw/state-layout.js';
import {resolvePaths} from './paths.js';
import {isPlainObject} from './plain-object.js';
import type {OpenClawPaths} from './paths.js';
import {DEFAULT_REGION_ID, getRegion, regionForBaseUrl, REGIONS, requestBaseUrl} from './regions.js';
import type {Region} from './regions.js';

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
 * The model used when none is named: the configured default, else the one
 * recommended for the credential (the portal's own under Qwen OAuth).
 */
export function modelInEffect(setup: Pick<EffectiveSetup, 'defaultModel' | 'credential'>): string {
	if (setup.defaultModel) return setup.defaultModel;
	return setup.credential?.profileType === 'oauth' ? PORTAL_DEFAULT_MODEL_ID : RECOMMENDED_MODEL_ID;
}

/** Throws an AppError when openclaw.json or a key store cannot be read. */
export function loadEffectiveSetup(env: Env): EffectiveSetup {
	const paths = resolvePaths(env);
	finishInterruptedChange(paths);
	return effectiveSetupFrom(readOpenClawConfig(paths), paths, env);
}

/** The same from an openclaw.json already read (doctor reads it once for all its checks). */
export function effectiveSetupFrom(config: ConfigRead, paths: OpenClawPaths, env: Env): EffectiveSetup {
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
	const variable = ENV_TEMPLATE.exec(url)?.[1];
	if (!variable) return url;
	const resolved = envValue(env, variable)?.trim();
	if (!resolved) {
		warnings.push({code: 'reference-unset', text: `openclaw.json sets ${PROVIDER_ID} baseUrl to \${${variable}}, but ${variable} is not set.`});
		return '';
	}
	return resolved;
}

/** agents.defaults.models["qwen-portal/<id>"].alias, as OpenClaw matches them: case-insensitively. */
export function configuredAliases(config: Record<string, unknown>): Record<string, string> {
	const aliases: Record<string, string> = {};
	const agents = isPlainObject(config.agents) ? config.agents : undefined;
	const defaults = isPlainObject(agents?.defaults) ? agents.defaults : undefined;
	const models = isPlainObject(defaults?.models) ? defaults.models : {};
	for (const [ref, entry] of Object.entries(models)) {
		if (!ref.startsWith(`${PROVIDER_ID}/`) || !isPlainObject(entry) || typeof entry.alias !== 'string' || entry.alias.trim() === '') continue;
		aliases[entry.alias.trim().toLowerCase()] = ref.slice(PROVIDER_ID.length + 1);
	}
	return aliases;
}

function missingBaseUrlWarning(paths: OpenClawPaths): string {
	const region = getRegion(DEFAULT_REGION_ID);
	const choices = REGIONS.map(candidate => `${candidate.label}: ${candidate.baseUrl}`).join('; ');
	return `No baseUrl is set for ${PROVIDER_ID} in ${paths.configPath}, so ${region.label} is assumed. You still need to set the correct baseUrl (${choices}), or run \`${loginCommand()}\`.`;
}
