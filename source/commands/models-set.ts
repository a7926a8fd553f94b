/**
 * `openclaw models set <id|alias>`: the default model in openclaw.json.
 */
import {loadEffectiveSetup} from '../core/credentials.js';
import {resolveModel} from '../core/resolve-model.js';
import {setDefaultModel} from '../core/setup.js';
import type {CommandContext} from './context.js';
import {CliError} from './cli-error.js';
import {isOAuthActive, switchToApiKeyLine} from './oauth-active.js';

export async function runModelsSet(context: CommandContext, input: string): Promise<number> {
	// Loading the setup first also refuses an unparsable openclaw.json before anything is written.
	const setup = loadEffectiveSetup(context.env);
	const portal = isOAuthActive(setup);
	const resolution = resolveModel(input, {provider: portal ? 'portal' : 'dashscope'});
	if (!resolution.ok) {
		throw new CliError(resolution.message, {
			details: [
				resolution.suggestion ? `Try: openclaw models set ${resolution.suggestion}` : 'See the ids with: openclaw models list',
				// Signed in with Qwen OAuth: the other models need the API key back.
				...(portal ? [switchToApiKeyLine()] : []),
			],
		});
	}

	const previous = setup.defaultModel;
	const result = await setDefaultModel(setup.paths, resolution.id);
	const {out} = context;
	const via = resolution.via === 'alias' ? ` (alias "${input.trim()}")` : '';
	if (previous === resolution.id) {
		context.print(`Default model is already ${out.bold(result.modelRef)}${via}.`);
	} else {
		context.print(`Default model: ${out.bold(result.modelRef)}${via}${previous ? `, was qwen-portal/${previous}` : ''}.`);
	}

	context.print(`Wrote ${result.configPath}`);
	if (result.backupPath) context.print(`Backup of the previous file: ${result.backupPath}`);
	for (const note of resolution.notes) context.warn(context.err.yellow(`note: ${note}`));
	return 0;
}
