/**
 * `openclaw models auth login --provider qwen-portal`: the wizard on a
 * terminal; otherwise the key comes from stdin (never argv, which leaks to ps
 * and shell history), is checked against its region and saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import {maskKey, validateApiKey} from '../core/api-key.js';
import {KEY_ENV_VARS} from '../core/env-vars.js';
import {command, keyVariableWins, loginCommand, NOTHING_WRITTEN, PORTAL_DISCONTINUED, unreachedRegionsNote} from '../core/messages.js';
import {API_KEY_PROFILE_ID} from '../core/auth-profiles.js';
import {PORTAL_DEFAULT_MODEL_ID, PROVIDER_ID, RECOMMENDED_MODEL_ID} from '../core/models.js';
import {formatMode, isPrivate} from '../core/files/modes.js';
import {resolvePaths} from '../core/paths.js';
import {getRegion, isRegionId, REGION_IDS, type RegionId} from '../core/regions.js';
import {resolveModel, type ModelResolution} from '../core/resolve-model.js';
import type {CommandContext} from '../cli/context.js';
import {isInteractive} from '../cli/context.js';
import {usageError} from '../core/app-error.js';
import {failure} from '../cli/failure.js';
import {closestIdsLine} from '../cli/hints.js';
import {readStdin} from '../cli/read-stdin.js';
import {terminalWidth} from '../cli/terminal-width.js';
import {formatDefinitions} from '../cli/text-table.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';
import type {SaveResult} from '../core/setup.js';

export type AuthLoginOptions = {
	provider: string;
	region?: string;
	method?: string;
	model?: string;
	check: boolean;
};

type ResolvedModel = Extract<ModelResolution, {ok: true}>;

const STDIN_EXAMPLE = `printf %s "$${KEY_ENV_VARS[1]}" | ${loginCommand()} --region intl`;

export async function runAuthLogin(context: CommandContext, options: AuthLoginOptions): Promise<number> {
	if (options.provider !== PROVIDER_ID) {
		throw usageError(`Unknown provider "${options.provider}". openclaw logs in to ${PROVIDER_ID} only.`, [
			`Run: ${loginCommand()}`,
		]);
	}

	const regionId = options.region && isRegionId(options.region) ? options.region : undefined;
	if (context.stdin.isTTY === true) {
		if (!isInteractive(context)) {
			throw usageError('The login wizard needs a terminal on stdout, and no key was piped on stdin.', [
				`Pipe the key instead: ${STDIN_EXAMPLE}`,
			]);
		}

		// Checked before the wizard opens, so it starts on the model asked for or not at all.
		const model = options.model === undefined ? undefined : await wizardModel(context, options.model, options.method);
		return runInteractive(context, {regionId, method: options.method, check: options.check, model});
	}

	if (options.method === 'oauth') {
		throw failure('Qwen OAuth login needs an interactive terminal (it shows a code to approve in a browser).', {
			details: [
				`Run it in a terminal: ${loginCommand()} --method oauth`,
				`Note: ${PORTAL_DISCONTINUED} A DashScope API key is the supported way.`,
			],
		});
	}

	if (!regionId) {
		throw usageError(`--region is required when the key comes from stdin (${REGION_IDS.join(', ')}).`, [
			'Keys are bound to the region that issued them, so the region cannot be guessed safely.',
			`Example: ${STDIN_EXAMPLE}`,
		]);
	}

	const resolution = await resolveLoginModel(context, options.model ?? RECOMMENDED_MODEL_ID);

	const raw = await readStdin(context.stdin, {maxBytes: 64 * 1024});
	const validation = validateApiKey(raw);
	if (!validation.ok) {
		throw failure(validation.problem === 'empty' ? 'No API key on stdin.' : validation.message, {
			details: validation.problem === 'empty' ? [`Pipe the key in: ${STDIN_EXAMPLE}`] : [],
		});
	}

	const {out, err} = context;
	const key = validation.key;
	for (const note of validation.notes) context.warn(err.dim(`note: ${note}`));
	const region = getRegion(regionId);

	let regionModelIds: string[] | undefined;
	if (options.check) {
		regionModelIds = await checkKey(context, key, regionId);
	} else {
		context.warn(err.yellow(`Saving without checking the key against ${region.label} (--no-check).`));
	}

	// An id outside the registry is held against the list the region just gave, as `models set` does.
	let modelNotes = resolution.notes;
	if (resolution.via === 'passthrough' && regionModelIds) {
		const {catalogueVerdict, listedOutsideRegistry} = await import('../core/catalogue.js');
		const verdict = catalogueVerdict(resolution.id, regionModelIds);
		if (verdict.kind === 'not-listed') {
			throw failure(`${resolution.id} is not a model ${region.label} serves. Nothing was saved.`, {details: [closestIdsLine(verdict.closest)]});
		}
		modelNotes = [listedOutsideRegistry(resolution.id, region.label)];
	}

	const {saveApiKeySetup} = await import('../core/setup.js');
	const paths = resolvePaths(context.env);
	const saved = await saveApiKeySetup(paths, {regionId, key, modelId: resolution.id}, {env: context.env, notices: {notice: text => context.warn(err.dim(text))}});
	context.print(savedLine(saved, maskKey(key), out));
	const mode = privateMode(saved.authProfilesPath);
	const rows: Array<[string, string]> = [
		['Key', `${saved.keyStore ?? saved.authProfilesPath}; profile ${API_KEY_PROFILE_ID}${mode ? `, file mode ${mode}` : ''}${saved.keyWritten ? '' : UNCHANGED}`],
		['Config', `${saved.configPath}${saved.configWritten ? '' : UNCHANGED}`],
		['Base URL', saved.keptBaseUrl ? `${saved.keptBaseUrl}  (yours, kept)` : saved.region.baseUrl],
		['Default model', saved.modelRef],
		...(saved.backupPath ? [['Backup', saved.backupPath] as [string, string]] : []),
	];
	for (const line of formatDefinitions(rows, terminalWidth(context.stdout, context.env), '  ')) context.print(line);
	if (saved.replacedDefault) context.warn(err.yellow(`note: the default model was ${saved.replacedDefault} (another provider's); it is now ${saved.modelRef}.`));
	for (const skipped of saved.skippedAliases ?? []) {
		context.warn(err.yellow(`note: the alias "${skipped.alias}" already belongs to ${skipped.takenBy}, so it was left there.`));
	}
	for (const note of [...modelNotes, ...(saved.notes ?? [])]) context.warn(err.yellow(`note: ${note}`));
	if (saved.overriddenBy) context.warn(err.yellow(`warning: ${keyVariableWins(saved.overriddenBy)}`));

	context.print(`Try it: ${command('chat "Hello"')}`);
	return 0;
}

/** After a file's line when the login found it as it should be and left it alone. */
const UNCHANGED = '  (unchanged)';

/** The login's first line: what it saved, naming only what it wrote, or that it had nothing to write. */
function savedLine(saved: SaveResult, maskedKey: string, out: CommandContext['out']): string {
	const where = saved.region.label;
	if (saved.keyWritten) {
		const config = saved.configWritten ? '' : ` ${path.basename(saved.configPath)} already had this setup.`;
		return out.green(`Saved DashScope API key ${maskedKey} for ${where}.${config}`);
	}
	if (saved.configWritten) return out.green(`Saved the setup for ${where} in ${path.basename(saved.configPath)}; the key ${maskedKey} was already saved.`);
	return NOTHING_WRITTEN;
}

/** Asks the region about the key; returns the models it lists. Anything but "accepted" ends the login. */
async function checkKey(context: CommandContext, key: string, regionId: RegionId): Promise<string[]> {
	const {joinRegionLabels, probeKey} = await import('../core/region-probe.js');
	const timeoutMs = requestTimeoutFromEnv(context.env);
	const result = await probeKey(key, regionId, {env: context.env, ...(timeoutMs ? {timeoutMs} : {})});
	const {err} = context;
	switch (result.status) {
		case 'ok':
			context.warn(err.dim(`Key accepted by ${result.region.label} (${result.modelIds.length} models).`));
			return result.modelIds;
		case 'wrong_region':
			// The probe's advice says why; nothing is saved yet, so the fix is this same command with the key's region.
			throw failure(`${result.error.title}. Nothing was saved.`, {
				details: [result.error.message, `Run again with: --region ${result.belongsTo.id}`],
			});
		case 'invalid_key':
		case 'unreachable': {
			const unreached = result.status === 'invalid_key' ? result.unreachableRegions.map(entry => entry.region) : [];
			throw failure(`${result.error.title}. Nothing was saved.`, {
				details: [
					result.error.message,
					...(unreached.length > 0
						? [unreachedRegionsNote(joinRegionLabels(unreached))]
						: []),
					`Next step: ${result.error.nextStep}`,
					...(result.status === 'unreachable' || unreached.length > 0 ? ['To save the key anyway, add --no-check.'] : []),
				],
			});
		}
	}
}

/**
 * --model as both ways in take it: an id, a registry alias or one of the
 * user's aliases in openclaw.json. Anything else is a usage error, before a
 * key is read or a screen opens.
 */
async function resolveLoginModel(context: CommandContext, input: string): Promise<ResolvedModel> {
	const {readOpenClawConfig} = await import('../core/config-file.js');
	const {configuredAliases} = await import('../core/credentials.js');
	const resolution = resolveModel(input, {aliases: configuredAliases(readOpenClawConfig(resolvePaths(context.env)).data)});
	if (!resolution.ok) throw usageError(resolution.message, [`See the ids with: ${command('models list')}`]);
	return resolution;
}

/** The model the wizard's table starts on: one of its rows that can be picked; anything else is refused rather than ignored. */
async function wizardModel(context: CommandContext, input: string, method: string | undefined): Promise<string> {
	if (method === 'oauth') {
		throw usageError(`--model sets the API-key login's default model; the Qwen OAuth login sets ${PORTAL_DEFAULT_MODEL_ID}.`, [
			`Log in with a key instead: ${loginCommand()} --method api-key --model ${input.trim()}`,
		]);
	}
	const {id, model} = await resolveLoginModel(context, input);
	if (!model) {
		throw usageError(`${id} is not in the setup wizard's model table, so the wizard cannot start on it.`, [
			`After the login, set it with: ${command(`models set ${id}`)} (it is checked against your region first)`,
			`Or pipe the key: ${STDIN_EXAMPLE} --model ${id}`,
		]);
	}
	if (model.status.state === 'retired') {
		throw usageError(`${id} was retired on ${model.status.date}; the wizard's table cannot pick it.`, [`Use its replacement: --model ${model.status.replacement}`]);
	}
	return id;
}

async function runInteractive(context: CommandContext, preset: {regionId?: RegionId; method?: string; check: boolean; model?: string}): Promise<number> {
	const {continueAfterWizard, exitCodeAfterWizard, launchWizard} = await import('../cli/ui-launch.js');
	const {regionId, method, check, model} = preset;
	const outcome = await launchWizard(context, {
		...(regionId ? {region: regionId} : {}),
		...(method === 'api-key' || method === 'oauth' ? {method} : {}),
		...(check ? {} : {checkKey: false}),
		...(model ? {model} : {}),
	});
	return exitCodeAfterWizard(outcome, await continueAfterWizard(context, outcome));
}

/**
 * The key file's mode when it and any SQLite journal beside it (which holds
 * the key too until it is checkpointed) are for their owner only; undefined
 * otherwise, or where it cannot be read, so nothing is claimed that is untrue.
 */
function privateMode(file: string): string | undefined {
	try {
		const mode = fs.statSync(file).mode;
		const journals = [`${file}-wal`, `${file}-journal`].filter(journal => fs.existsSync(journal));
		const modes = [mode, ...journals.map(journal => fs.statSync(journal).mode)];
		return modes.every(each => isPrivate(each)) ? formatMode(mode) : undefined;
	} catch {
		return undefined;
	}
}
