/**
 * `openclaw models set <id|alias>`: the default model in openclaw.json.
 *
 * An id outside the registry may still be real (DashScope serves more models),
 * so before saving one we ask the region's own model list: a typo is caught
 * instead of becoming the default. Registry ids never cost a request.
 */
import type {CatalogueVerdict} from '../core/catalogue.js';
import {loadEffectiveSetup, type EffectiveSetup} from '../core/credentials.js';
import {SUGGESTED_KEY_ENV_VAR} from '../core/env-vars.js';
import {command, loginCommand} from '../core/messages.js';
import {toModelRef} from '../core/models.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';
import {resolveModel} from '../core/resolve-model.js';
import {setDefaultModel} from '../core/setup.js';
import type {CommandContext} from '../cli/context.js';
import {failure} from '../cli/failure.js';
import {closestIdsLine} from '../cli/hints.js';
import {unusableKeyError} from '../cli/key-check.js';
import {isOAuthActive, switchToApiKeyLine} from '../cli/oauth-active.js';

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
			const where = setup.region?.label ?? setup.baseUrl;
			const verdict = await checkCatalogue(context, setup, id);
			if (verdict.kind === 'not-listed') {
				throw failure(`${id} is not a model ${where} serves.`, {
					details: [closestIdsLine(verdict.closest), `To save it anyway: ${command(`models set ${id} --force`)}`, 'Nothing was written.'],
				});
			}

			const {listedOutsideRegistry} = await import('../core/catalogue.js');
			notes =
				verdict.kind === 'listed'
					? [listedOutsideRegistry(id, where)]
					: [...notes, `${id} could not be checked against the region's model list: ${verdict.reason}.`];
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

/** Asks the endpoint in effect for its model list (no retries, spends no tokens). */
async function checkCatalogue(context: CommandContext, setup: EffectiveSetup, id: string): Promise<CatalogueVerdict> {
	const {credential} = setup;
	if (!credential) return {kind: 'unchecked', reason: `no API key is set up (run ${loginCommand()}, or export ${SUGGESTED_KEY_ENV_VAR})`};
	const unusable = unusableKeyError(credential);
	if (unusable) return {kind: 'unchecked', reason: `the key from ${credential.sourceLabel} cannot be used`};

	const {catalogueVerdict} = await import('../core/catalogue.js');
	const {probeSetup} = await import('../core/region-probe.js');
	const timeoutMs = requestTimeoutFromEnv(context.env);
	const probe = await probeSetup(
		{key: credential.key, requestBaseUrl: setup.requestBaseUrl, ...(setup.region ? {region: setup.region} : {})},
		{env: context.env, ...(timeoutMs ? {timeoutMs} : {})},
	);
	const where = setup.region?.label ?? setup.baseUrl;
	const refused = `${where} refused the key from ${credential.sourceLabel}`;
	switch (probe.status) {
		case 'ok':
			return catalogueVerdict(id, probe.modelIds);
		case 'wrong_region':
			return {kind: 'unchecked', reason: `${refused}; it belongs to ${probe.belongsTo.label} (see: ${command('models status --probe')})`};
		case 'invalid_key':
			return {kind: 'unchecked', reason: `${refused} (see: ${command('models status --probe')})`};
		case 'unreachable':
			return {kind: 'unchecked', reason: `${where} did not answer (${probe.error.title})`};
	}
}
