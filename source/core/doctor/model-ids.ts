/**
 * Ids DashScope answers "model not found" for: region-prefixed ids such as
 * `qwen.qwen-plus` and AWS Bedrock ids such as `qwen.qwen3-coder-30b-a3b-v1:0`
 * hide anywhere a model id is written. This finds every qwen-portal id in the
 * config and asks resolveModel, the one judge of ids, about each.
 */
import {isPlainObject} from '../plain-object.js';
import {PROVIDER_ID} from '../models.js';
import {resolveModel} from '../resolve-model.js';
import {ok, problem, type DoctorCheck} from './types.js';
import {command} from '../messages.js';

export type ModelIdMention = {where: string; value: string};

function child(value: unknown, key: string): unknown {
	return isPlainObject(value) ? value[key] : undefined;
}

/** A ref is ours when it names qwen-portal or has no provider at all. */
function isOurs(ref: string): boolean {
	const slash = ref.indexOf('/');
	return slash === -1 || ref.slice(0, slash).toLowerCase() === PROVIDER_ID;
}

export function collectModelIds(config: Record<string, unknown>, options: {skipPrimary?: boolean} = {}): ModelIdMention[] {
	const mentions: ModelIdMention[] = [];
	const provider = child(child(child(config, 'models'), 'providers'), PROVIDER_ID);
	const models = child(provider, 'models');
	if (Array.isArray(models)) {
		models.forEach((entry, index) => {
			const id = child(entry, 'id');
			if (typeof id === 'string') {
				mentions.push({where: `models.providers.${PROVIDER_ID}.models[${index}].id`, value: id});
			}
		});
	}

	const defaults = child(child(config, 'agents'), 'defaults');
	const model = child(defaults, 'model');
	// OpenClaw also accepts `model: "provider/id"` as a plain string.
	const primary = typeof model === 'string' ? model : child(model, 'primary');
	if (typeof primary === 'string' && isOurs(primary) && !options.skipPrimary) {
		mentions.push({where: 'agents.defaults.model.primary', value: primary});
	}

	const fallbacks = child(model, 'fallbacks');
	if (Array.isArray(fallbacks)) {
		fallbacks.forEach((ref, index) => {
			if (typeof ref === 'string' && isOurs(ref)) {
				mentions.push({where: `agents.defaults.model.fallbacks[${index}]`, value: ref});
			}
		});
	}

	const configured = child(defaults, 'models');
	if (isPlainObject(configured)) {
		for (const ref of Object.keys(configured)) {
			if (isOurs(ref)) mentions.push({where: `agents.defaults.models["${ref}"]`, value: ref});
		}
	}

	return mentions;
}

export function checkModelIds(
	config: Record<string, unknown>,
	configPath = 'openclaw.json',
	options: {skipPrimary?: boolean} = {},
): DoctorCheck {
	const id = 'config.model-ids';
	const mentions = collectModelIds(config, options);
	const bad = mentions.flatMap(mention => {
		const resolution = resolveModel(mention.value);
		// An OAuth user's coder-model is fine too; only ids neither provider takes are wrong.
		if (resolution.ok || resolveModel(mention.value, {provider: 'portal'}).ok) return [];
		return [{...mention, message: resolution.message, suggestion: resolution.suggestion}];
	});
	if (bad.length === 0) {
		return ok(
			id,
			'Model ids look like DashScope ids',
			mentions.length === 0 ? 'No qwen-portal model ids in the config.' : `${mentions.length} checked; no region prefix or Bedrock-style id.`,
		);
	}

	const detail = bad.map(entry => `${entry.where}: "${entry.value}": ${entry.message}`).join('\n');
	const fixes = bad
		.filter(entry => entry.suggestion)
		.map(entry => `"${entry.value}" → "${entry.suggestion}"`);
	const nextStep = fixes.length > 0
		? `In ${configPath} replace ${fixes.join(', ')}.`
		: `In ${configPath} use plain DashScope ids such as qwen-plus (see \`${command('models list')}\`).`;
	return problem(id, `${bad.length === 1 ? 'A model id' : `${bad.length} model ids`} that DashScope will not find`, detail, nextStep);
}
