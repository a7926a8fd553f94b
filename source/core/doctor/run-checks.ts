/**
 * Runs every doctor check in order (config, credential, region, default model,
 * permissions) and, with `fix`, repairs permissions first — the only thing
 * doctor ever changes.
 */
import {ConfigParseError, getQwenProvider, readOpenClawConfig, type ConfigRead} from '../config-file.js';
import {parseApiKeyRef} from '../openclaw/api-key-ref.js';
import {effectiveSetupFrom, modelInEffect, type EffectiveSetup} from '../credentials.js';
import {credentialFromConfig, keyVariableOf, type SetupWarningCode} from '../key-sources.js';
import {AppError} from '../app-error.js';
import {resolvePaths, type OpenClawPaths} from '../paths.js';
import {checkConfigPresent, checkDefaultModel, checkParseError, checkProviderEntry} from './config.js';
import {checkCredentialSource, checkKeyEnvVars, checkKeyFormat, checkLiteralKey} from './credential.js';
import {checkModelIds} from './model-ids.js';
import {checkOpenClawState} from './openclaw-state.js';
import {checkPermissions, repairPermissions, type KeyFile, type PermissionRepair} from './permissions.js';
import {checkModelAvailable, checkRegion} from './region.js';
import {hasProblem, problem, warning, type DoctorCheck} from './types.js';
import type {Env} from '../env.js';

export type DoctorOptions = {
	env: Env;
	fix?: boolean;
	/** Per request to the service; the probe's default when undefined. */
	timeoutMs?: number;
};

export type DoctorReport = {
	ok: boolean;
	checks: DoctorCheck[];
	repairs: PermissionRepair[];
};

type Loaded<T> = {value: T} | {error: DoctorCheck};

function unreadable(error: unknown, id: string): DoctorCheck {
	if (error instanceof ConfigParseError) return checkParseError(error, id);
	if (error instanceof AppError) return problem(id, error.problem.title, error.problem.message, error.problem.nextStep);

	throw error;
}

function load<T>(id: string, read: () => T): Loaded<T> {
	try {
		return {value: read()};
	} catch (error) {
		return {error: unreadable(error, id)};
	}
}

// Setup warnings doctor already turns into their own checks (key env vars, key format, provider entry).
const COVERED_ELSEWHERE = [
	'env-empty',
	'env-key-cleaned',
	'env-key-invalid',
	'config-key-invalid',
	'reference-key-invalid',
	'base-url-missing',
] as const satisfies readonly SetupWarningCode[];
type CoveredCode = (typeof COVERED_ELSEWHERE)[number];
const COVERED: ReadonlySet<SetupWarningCode> = new Set(COVERED_ELSEWHERE);
const isCovered = (code: SetupWarningCode): code is CoveredCode => COVERED.has(code);

// The title of every other setup warning, shown above its text.
const NOTE_TITLES: Record<Exclude<SetupWarningCode, CoveredCode>, string> = {
	'config-key-cleaned': 'Stray whitespace or quotes around the apiKey in openclaw.json',
	'reference-key-cleaned': 'Stray whitespace or quotes around the key the ${VAR} apiKey names',
	'reference-unset': 'The apiKey names an environment variable that is not set',
	'profile-missing': 'The login profile openclaw.json names is missing',
	'profile-unusable': 'The login profile has no usable key',
	'token-expired': 'The login token has expired',
	'stored-key-cleaned': 'Stray whitespace or quotes around the saved key',
	'stored-key-invalid': 'The saved key is malformed',
	'secret-file-unreadable': 'The file the apiKey reads cannot be used',
	'api-key-unresolvable': 'The apiKey cannot be followed',
};

/**
 * Where a saved key is read from, env vars aside: the apiKey's file (a file
 * SecretRef), and the store holding the profile in use. Each must be as
 * private as the key it holds; what cannot be read is reported elsewhere.
 */
function keyFilesOf(paths: OpenClawPaths, env: Env): KeyFile[] {
	let config: ConfigRead;
	try {
		config = readOpenClawConfig(paths);
	} catch {
		return [];
	}
	const files: KeyFile[] = [];
	const ref = parseApiKeyRef(getQwenProvider(config.data)?.apiKey, config.data, paths.home);
	if (ref.kind === 'file') files.push({file: ref.file, secretRef: true});
	try {
		const source = credentialFromConfig(config, env)?.source;
		if (source?.kind === 'profile') {
			const {kind, file} = source.store;
			files.push({file, ...(kind === 'state-db' || kind === 'agent-db' ? {ownedByOpenClaw: true} : {})});
		}
	} catch {
		// An unreadable store is its own check.
	}
	return files;
}

export async function runDoctorChecks(options: DoctorOptions): Promise<DoctorReport> {
	const {env} = options;
	const paths = resolvePaths(env);
	const keyFiles = keyFilesOf(paths, env);
	const repairs = options.fix ? repairPermissions(paths, keyFiles) : [];
	const checks: DoctorCheck[] = [];

	const config = load('config.file', () => readOpenClawConfig(paths));
	// From the config just read; what can still fail here is auth-profiles.json.
	const setup = 'value' in config ? load('config.setup', () => effectiveSetupFrom(config.value, paths, env)) : undefined;

	// Config
	if ('error' in config) {
		checks.push(config.error);
	} else {
		const credential = setup !== undefined && 'value' in setup ? setup.value.credential : undefined;
		checks.push(checkConfigPresent(paths.configPath, config.value.exists, credential?.sourceLabel));
		if (config.value.exists) {
			const data = config.value.data;
			checks.push(checkProviderEntry(data, paths.configPath, env, paths.home));
			const defaultModel = checkDefaultModel(data, paths.configPath);
			checks.push(defaultModel);
			// The primary model is judged by the default-model check; the lint covers the rest.
			checks.push(checkModelIds(data, paths.configPath, {skipPrimary: true}));
		}
	}

	if (setup && 'error' in setup) checks.push(setup.error);
	if (setup && 'value' in setup && 'value' in config) checks.push(...checkOpenClawState(setup.value.layout, config.value.data, paths));

	if (setup && 'value' in setup && 'value' in config) {
		checks.push(...(await credentialAndService(setup.value, config.value, checks, options)));
	} else {
		checks.push(...checkKeyEnvVars(env, {}));
	}
	checks.push(...checkPermissions(paths, keyFiles));
	return {ok: !hasProblem(checks), checks, repairs};
}

async function credentialAndService(
	setup: EffectiveSetup,
	config: ConfigRead,
	earlier: DoctorCheck[],
	options: DoctorOptions,
): Promise<DoctorCheck[]> {
	const {env} = options;
	const checks: DoctorCheck[] = [...checkKeyEnvVars(env, setup), checkCredentialSource(env, setup, config)];
	const format = checkKeyFormat(setup);
	if (format) checks.push(format);
	const literal = checkLiteralKey(setup);
	if (literal) checks.push(literal);
	if (setup.credential) {
		for (const {code, text} of setup.warnings) {
			if (!isCovered(code)) checks.push(warning('credential.note', NOTE_TITLES[code], text, ''));
		}
	}

	const credential = setup.credential;
	const isApiKey = credential !== undefined && (credential.profileType === undefined || credential.profileType === 'api_key');
	if (!credential || !isApiKey || format?.status === 'problem') return checks;

	const keyVariable = keyVariableOf(credential);
	const region = await checkRegion({
		key: credential.key,
		...(setup.region ? {region: setup.region} : {}),
		requestBaseUrl: setup.requestBaseUrl,
		baseUrl: setup.baseUrl,
		configPath: setup.paths.configPath,
		...(keyVariable ? {keyVariable} : {}),
		env,
		...(options.timeoutMs ? {timeoutMs: options.timeoutMs} : {}),
	});
	checks.push(region.check);

	const defaultModelBroken = earlier.some(check => check.id === 'config.default-model' && check.status === 'problem');
	if (region.modelIds && !defaultModelBroken) {
		checks.push(checkModelAvailable(modelInEffect(setup), region.modelIds, region.regionLabel));
	}

	return checks;
}
