/**
 * openclaw.json itself: there, readable, a complete qwen-portal entry, and a
 * default model that resolves. Parse errors come from config-file.ts with the
 * file:line:column already in the message.
 */
import {API_KEY_PROFILE_ID} from '../auth-profiles.js';
import {ConfigParseError, getDefaultModelRef, getQwenProvider} from '../config-file.js';
import {PROVIDER_ID, RECOMMENDED_MODEL_ID} from '../models.js';
import {resolveModel} from '../resolve-model.js';
import {OPENAI_COMPLETIONS_API} from '../openclaw/config-edits.js';
import {getRegion, DEFAULT_REGION_ID, regionForBaseUrl} from '../regions.js';
import {command, loginCommand} from '../messages.js';
import {ENV_TEMPLATE, parseApiKeyRef} from '../openclaw/api-key-ref.js';
import {ok, problem, warning, type DoctorCheck} from './types.js';
import type {Env} from '../env.js';
import {KEY_ENV_VARS} from '../env-vars.js';

/** An http(s) URL with a host, or a `${VAR}` OpenClaw fills in. */
function isUsableBaseUrl(url: string): boolean {
	return /^https?:\/\/[^\s/]+/.test(url) || ENV_TEMPLATE.test(url);
}

/** `keySource`: where the key in effect comes from, as Credential.sourceLabel says it; undefined when there is none. */
export function checkConfigPresent(configPath: string, exists: boolean, keySource: string | undefined): DoctorCheck {
	const id = 'config.file';
	if (exists) return ok(id, 'openclaw.json found', configPath);
	const detail = `${configPath} does not exist.`;
	if (keySource !== undefined) {
		return warning(
			id,
			'No openclaw.json; running on defaults',
			`${detail} The key from ${keySource} is used with the ${getRegion(DEFAULT_REGION_ID).label} endpoint and the default model.`,
			`Run \`${loginCommand()}\` to write the config with your key's region and a default model.`,
		);
	}

	return problem(id, 'Not set up yet: no openclaw.json', detail, `Run \`${loginCommand()}\`.`);
}

export function checkParseError(error: ConfigParseError, id = 'config.file'): DoctorCheck {
	return problem(
		id,
		error.problem.title,
		error.problem.message,
		`Fix ${error.file} at line ${error.line} column ${error.column} (or move it aside and run \`${loginCommand()}\`); openclaw changes nothing until it parses.`,
	);
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'string' ? `"${value}"` : `a ${typeof value}`;
}

export function checkProviderEntry(config: Record<string, unknown>, configPath: string, env: Env, home: string): DoctorCheck {
	const id = 'config.provider';
	const entry = getQwenProvider(config);
	if (!entry) {
		return problem(
			id,
			`No ${PROVIDER_ID} provider in openclaw.json`,
			`${configPath} has no models.providers.${PROVIDER_ID} entry, so openclaw does not know the region endpoint.`,
			`Run \`${loginCommand()}\` to add it (your other settings are kept).`,
		);
	}

	const broken: string[] = [];
	const missing: string[] = [];
	if (entry.baseUrl === undefined) missing.push('baseUrl');
	else if (typeof entry.baseUrl !== 'string' || !isUsableBaseUrl(entry.baseUrl.trim())) {
		broken.push(`baseUrl is ${describeValue(entry.baseUrl)}; it must be an https URL such as ${getRegion(DEFAULT_REGION_ID).baseUrl}`);
	}

	const apiKey = parseApiKeyRef(entry.apiKey, config, home);
	if (entry.apiKey === undefined) missing.push('apiKey');
	else if (apiKey.kind === 'unresolvable') broken.push(`apiKey cannot be followed: ${apiKey.reason} (a login profile id such as "${API_KEY_PROFILE_ID}" works for both programs)`);

	if (entry.api === undefined) missing.push('api');
	else if (entry.api !== OPENAI_COMPLETIONS_API) broken.push(`api is ${describeValue(entry.api)}; DashScope's compatible mode needs "${OPENAI_COMPLETIONS_API}"`);

	if (entry.models === undefined) missing.push('models');
	else if (!Array.isArray(entry.models)) broken.push(`models is ${describeValue(entry.models)}; it must be an array of model entries`);

	const where = `models.providers.${PROVIDER_ID} in ${configPath}`;
	if (broken.length > 0) {
		return problem(
			id,
			`The ${PROVIDER_ID} provider entry is wrong`,
			`${where}: ${[...broken, ...missing.map(field => `${field} is missing`)].join('; ')}.`,
			`Fix those fields, or run \`${loginCommand()}\` to rewrite the entry.`,
		);
	}

	if (missing.length > 0) {
		const why: string[] = [];
		if (missing.includes('baseUrl')) why.push(`without baseUrl the ${getRegion(DEFAULT_REGION_ID).label} endpoint is assumed (China keys need ${getRegion('cn').baseUrl})`);
		if (missing.includes('models')) why.push(`OpenClaw's own \`openclaw config validate\` rejects a custom provider without a models array`);
		if (missing.includes('apiKey')) why.push(`without apiKey the key comes only from ${KEY_ENV_VARS.join(' or ')} or the login profiles`);
		if (missing.includes('api')) why.push(`OpenClaw needs api: "${OPENAI_COMPLETIONS_API}" to talk to DashScope`);
		return warning(
			id,
			`The ${PROVIDER_ID} provider entry is incomplete (missing ${missing.join(', ')})`,
			`${where}: ${why.join('; ')}.`,
			`Run \`${loginCommand()}\` to complete the entry (your other settings are kept).`,
		);
	}

	const baseUrl = String(entry.baseUrl);
	const region = regionForBaseUrl(baseUrl, env);
	return ok(
		id,
		`${PROVIDER_ID} provider entry is complete`,
		region ? `${region.label}: ${baseUrl}` : `Custom endpoint (not a known DashScope region): ${baseUrl}`,
	);
}

export function checkDefaultModel(config: Record<string, unknown>, configPath: string): DoctorCheck {
	const id = 'config.default-model';
	const ref = getDefaultModelRef(config);
	if (!ref) {
		return warning(
			id,
			'No default model set',
			`${configPath} has no agents.defaults.model.primary.`,
			`Run \`${command(`models set ${RECOMMENDED_MODEL_ID}`)}\` (or another id from \`${command('models list')}\`).`,
		);
	}

	const slash = ref.indexOf('/');
	if (slash !== -1 && ref.slice(0, slash).toLowerCase() !== PROVIDER_ID) {
		return warning(
			id,
			`The default model belongs to another provider (${ref})`,
			`agents.defaults.model.primary is "${ref}"; openclaw only talks to ${PROVIDER_ID}, so \`${command('chat')}\` needs --model until a Qwen model is the default.`,
			`Run \`${command('models set')} ${RECOMMENDED_MODEL_ID}\` to make a Qwen model the default.`,
		);
	}

	const resolution = resolveModel(ref);
	const portal = resolution.ok ? undefined : resolveModel(ref, {provider: 'portal'});
	const accepted = resolution.ok ? resolution : portal?.ok ? portal : undefined;
	if (!accepted) {
		const failed = resolution.ok ? undefined : resolution;
		const suggestion = failed?.suggestion;
		return problem(
			id,
			`The default model "${ref}" will not be found`,
			`agents.defaults.model.primary in ${configPath}: ${failed?.message ?? 'not a model id'}`,
			`Run \`${command('models set')} ${suggestion ?? RECOMMENDED_MODEL_ID}\`.`,
		);
	}

	const retired = accepted.model?.status.state === 'retired' ? accepted.model.status : undefined;
	if (retired) {
		return warning(
			id,
			`The default model ${accepted.id} is retired`,
			accepted.notes.join(' '),
			`Run \`${command('models set')} ${retired.replacement}\`.`,
		);
	}

	return ok(id, `Default model: ${accepted.id}`, [accepted.ref, ...accepted.notes].join('\n'));
}
