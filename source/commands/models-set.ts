/**
 * `openclaw models set <id|alias>`: the default model in openclaw.json.
 *
 * An id outside the registry may still be real (DashScope serves more models),
 * so before saving one we ask the region's own model list: a typo is caught
 * instead of becoming the default. Registry ids never cost a request.
 */
import {loadEffectiveSetup, type EffectiveSetup} from '../core/credentials.js';
import {command, loginCommand} from '../core/messages.js';
import {toModelRef} from '../core/models.js';
import {closestIds, resolveModel} from '../core/resolve-model.js';
import {setDefaultModel} from '../core/setup.js';
import type {CommandContext} from '../cli/context.js';
import {failure} from '../cli/failure.js';
import {unusableKeyError} from '../cli/key-check.js';
import {isOAuthActive, switchToApiKeyLine} from '../cli/oauth-active.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';

const MAX_SUGGESTIONS = 3;

type CatalogueCheck =
	| {status: 'listed'; where: string}
	| {status: 'not_listed'; where: string; closest: string[]}
	| {status: 'unchecked'; reason: string};

export async function runModelsSet(context: CommandContext, input: string, options: {force?: boolean} = {}): Promise<number> {
	// Loading the setup first also refuses an unparsable openclaw.json before anything is written.
	const setup = loadEffectiveSetup(context.env);
	const portal = isOAuthActive(setup);
	const resolution = resolveModel(input, {provider: portal ? 'portal' : 'dashscope', aliases: setup.modelAliases});
	if (!resolution.ok) {
		throw failure(resolution.message, {
			details: [
				resolution.suggestion ? `Try: ${command(`models set ${resolution.suggestion}`)}` : `See the ids with: ${command('models list')}`,
				// Signed in with Qwen OAuth: the other models need the API key back.
				...(portal ? [switchToApiKeyLine()] : []),
			],
		});
	}

	let notes = resolution.notes;
	if (resolution.via === 'passthrough') {
		const id = resolution.id;
		if (options.force) {
			notes = [...notes, `${id} was not checked against the region's model list (--force).`];
		} else {
			const check = await checkCatalogue(context, setup, id);
			if (check.status === 'not_listed') {
				throw failure(`${id} is not a model ${check.where} serves.`, {
					details: [
						check.closest.length > 0 ? `Closest ids there: ${check.closest.join(', ')}` : `See the registry with: ${command('models list')}`,
						`To save it anyway: ${command(`models set ${id} --force`)}`,
						'Nothing was written.',
					],
				});
			}

			notes =
				check.status === 'listed'
					? [`${id} is not in openclaw's registry, but ${check.where} lists it.`]
					: [...notes, `${id} could not be checked against the region's model list: ${check.reason}.`];
		}
	}

	const previous = setup.defaultModel;
	const result = await setDefaultModel(setup.paths, resolution.id, {env: context.env, notices: {notice: text => context.warn(context.err.dim(text))}});
	const {out} = context;
	const via = resolution.via === 'alias' ? ` (alias "${input.trim()}")` : '';
	if (previous === resolution.id) {
		context.print(`Default model is already ${out.bold(result.modelRef)}${via}.`);
	} else {
		context.print(`Default model: ${out.bold(result.modelRef)}${via}${previous ? `, was ${toModelRef(previous)}` : ''}.`);
	}

	context.print(`Wrote ${result.configPath}`);
	if (result.backupPath) context.print(`Backup of the previous file: ${result.backupPath}`);
	for (const note of notes) context.warn(context.err.yellow(`note: ${note}`));
	return 0;
}

/** One GET /models to the endpoint in effect (no retries, spends no tokens). */
async function checkCatalogue(context: CommandContext, setup: EffectiveSetup, id: string): Promise<CatalogueCheck> {
	const {credential} = setup;
	if (!credential) return {status: 'unchecked', reason: `no API key is set up (run ${loginCommand()}, or export QWEN_API_KEY)`};
	const unusable = unusableKeyError(credential);
	if (unusable) return {status: 'unchecked', reason: `the key from ${credential.sourceLabel} cannot be used`};

	const where = setup.region?.label ?? setup.baseUrl;
	const {listModelsAt} = await import('../core/catalogue.js');
	const timeoutMs = requestTimeoutFromEnv(context.env);
	const catalogue = await listModelsAt(
		{key: credential.key, requestBaseUrl: setup.requestBaseUrl, ...(setup.region ? {regionLabel: setup.region.label} : {})},
		timeoutMs ? {timeoutMs} : {},
	);
	if (!catalogue.ok) {
		return catalogue.problem.kind === 'invalid_key'
			? {status: 'unchecked', reason: `${where} refused the key from ${credential.sourceLabel} (see: ${command('models status --probe')})`}
			: {status: 'unchecked', reason: `${where} did not answer (${catalogue.problem.title})`};
	}
	const ids = catalogue.ids;
	if (ids.includes(id)) return {status: 'listed', where};
	return {status: 'not_listed', where, closest: closestIds(id, [...ids].sort(), MAX_SUGGESTIONS, true)};
}
