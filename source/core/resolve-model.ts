/**
 * Turns what a user typed for a model (`--model`, `/model`, `models set`) into a
 * registry entry, or a clear refusal with the id they most likely meant.
 */
import {createRequire} from 'node:module';
import {command, loginCommand} from './messages.js';
import {
	findModel,
	GENERAL_MODEL_ID,
	MODELS,
	PORTAL_DEFAULT_MODEL_ID,
	portalModelIds,
	PROVIDER_ID,
	RECOMMENDED_MODEL_ID,
	toModelRef,
	visionModelFor,
	type ModelInfo,
	type ModelProvider,
} from './models.js';
import {REGION_IDS} from './regions.js';

export type ModelResolution =
	| {
			ok: true;
			id: string;
			/** 'qwen-portal/<id>' */
			ref: string;
			/** Undefined when the id is not in the registry. */
			model?: ModelInfo;
			via: 'id' | 'alias' | 'ref' | 'passthrough';
			notes: string[];
	  }
	| {ok: false; message: string; suggestion?: string};

const MAX_ID_LENGTH = 128;
const VALID_ID = /^[A-Za-z0-9._:/-]+$/;
// Bedrock model ids end in a version like `-v1:0`; DashScope ids never do.
const BEDROCK_SUFFIX = /-v\d+:\d+$/i;
// `qwen.qwen-plus`, `intl.qwen-plus`: a prefix DashScope does not use.
const DOT_PREFIXES = ['qwen', 'dashscope', 'alibaba', ...REGION_IDS];
/** How many near ids are offered for one that is not known: here, and against an endpoint's list (catalogue.ts). */
export const MAX_CLOSEST_IDS = 3;

/** Every user-facing string of this module, each with the way forward. */
const MESSAGES = {
	empty: () => `No model given. Run \`${command('models list')}\` to see the ids.`,
	tooLong: (length: number) =>
		`That model name is ${length} characters; ids are at most ${MAX_ID_LENGTH}. Run \`${command('models list')}\` for the ids.`,
	badCharacter: (character: string) =>
		`Model ids use only letters, digits and . _ : / - (found ${describeCharacter(character)}). Run \`${command('models list')}\` for the ids.`,
	otherProvider: (provider: string, suggestion?: string) =>
		`"${provider}/" is another provider; openclaw talks only to ${PROVIDER_ID}.` +
		(suggestion ? ` Use ${suggestion}.` : ` Use a Qwen id such as ${GENERAL_MODEL_ID} (see \`${command('models list')}\`).`),
	nestedRef: () => `A model ref has one provider prefix, like ${PROVIDER_ID}/${GENERAL_MODEL_ID}.`,
	bedrock: (suggestion: string) =>
		`That is an AWS Bedrock model name, not a DashScope id. Use a DashScope id such as ${suggestion}.`,
	dotPrefix: (prefix: string, suggestion: string) =>
		`DashScope ids have no "${prefix}." prefix. Use ${suggestion}.`,
	wrongCase: (id: string) => `Model ids are case-sensitive on the server. Use ${id}.`,
	portalNeedsOAuth: (id: string) =>
		`${id} is a Qwen OAuth portal model and needs OAuth login: run \`${loginCommand()} --method oauth\`, or pick a DashScope id such as ${RECOMMENDED_MODEL_ID}.`,
	portalOnly: (suggestion: string) =>
		`The Qwen OAuth portal serves only ${portalModelIds().join(' and ')}. Use ${suggestion}, or log in with a DashScope API key to use other models.`,
	retired: (model: ModelInfo, date: string, replacement: string) =>
		`${model.id} is retired as of ${date}; requests may fail. Use ${replacement} instead.`,
	legacy: (model: ModelInfo, note: string) => `${model.id} is a legacy model: ${note}`,
	passthrough: (id: string, closest: string[]) =>
		`${id} is not in openclaw's registry; it will be sent to the server as-is.` +
		(closest.length > 0 ? ` Closest registry ids: ${closest.join(', ')}.` : ''),
};

export type ResolveOptions = {
	provider?: ModelProvider;
	/** The user's own aliases from openclaw.json (lower-cased alias → model id); they win over the registry's. */
	aliases?: Readonly<Record<string, string>>;
};

export function resolveModel(input: string, options: ResolveOptions = {}): ModelResolution {
	const provider = options.provider ?? 'dashscope';
	const text = input.trim();
	const malformed = checkShape(text);
	if (malformed) return malformed;

	const aliased = options.aliases?.[text.toLowerCase()];
	if (aliased !== undefined && aliased !== text) {
		const target = resolveModel(aliased, {provider});
		return target.ok ? {...target, via: 'alias'} : target;
	}

	const slash = text.indexOf('/');
	if (slash === -1) return resolveBare(text, provider);

	const prefix = text.slice(0, slash);
	const rest = text.slice(slash + 1);
	if (prefix.toLowerCase() !== PROVIDER_ID) {
		// `qwen/qwen3-coder` (OpenRouter style) still names a model we know: suggest it.
		const inner = resolveBare(rest, 'dashscope');
		const suggestion = inner.ok && inner.model ? inner.id : undefined;
		return suggestion
			? {ok: false, message: MESSAGES.otherProvider(prefix, suggestion), suggestion}
			: {ok: false, message: MESSAGES.otherProvider(prefix)};
	}

	if (rest.includes('/')) return {ok: false, message: MESSAGES.nestedRef()};
	const restShape = checkShape(rest);
	if (restShape) return restShape;
	const inner = resolveBare(rest, provider);
	// A ref to a known model reports 'ref'; an unknown one is still a passthrough.
	return inner.ok && inner.via !== 'passthrough' ? {...inner, via: 'ref'} : inner;
}

function checkShape(text: string): ModelResolution | undefined {
	if (text === '') return {ok: false, message: MESSAGES.empty()};
	if (text.length > MAX_ID_LENGTH) return {ok: false, message: MESSAGES.tooLong(text.length)};
	if (!VALID_ID.test(text)) {
		const bad = [...text].find(character => !VALID_ID.test(character)) ?? '';
		return {ok: false, message: MESSAGES.badCharacter(bad)};
	}

	return undefined;
}

function resolveBare(text: string, provider: ModelProvider): ModelResolution {
	if (BEDROCK_SUFFIX.test(text)) {
		const suggestion = closestForBedrock(text);
		return {ok: false, message: MESSAGES.bedrock(suggestion), suggestion};
	}

	const dotPrefix = DOT_PREFIXES.find(prefix => text.toLowerCase().startsWith(`${prefix}.`));
	if (dotPrefix) {
		const rest = text.slice(dotPrefix.length + 1);
		const known = findModel(rest) ?? findAlias(rest) ?? findCaseInsensitive(rest);
		const suggestion = known?.id ?? closestIds(rest, dashscopeIds(), 1)[0] ?? GENERAL_MODEL_ID;
		return {ok: false, message: MESSAGES.dotPrefix(text.slice(0, dotPrefix.length), suggestion), suggestion};
	}

	const exact = findModel(text);
	if (exact) return accept(exact, 'id', provider);

	const alias = findAlias(text);
	if (alias) return accept(alias, 'alias', provider);

	const wrongCase = findCaseInsensitive(text);
	if (wrongCase) {
		if (wrongCase.provider !== provider) return accept(wrongCase, 'id', provider);
		return {ok: false, message: MESSAGES.wrongCase(wrongCase.id), suggestion: wrongCase.id};
	}

	if (provider === 'portal') {
		const suggestion = portalSuggestion(text);
		return {ok: false, message: MESSAGES.portalOnly(suggestion), suggestion};
	}

	return {
		ok: true,
		id: text,
		ref: toModelRef(text),
		via: 'passthrough',
		notes: [MESSAGES.passthrough(text, closestIds(text, dashscopeIds(), MAX_CLOSEST_IDS, true))],
	};
}

function accept(model: ModelInfo, via: 'id' | 'alias', provider: ModelProvider): ModelResolution {
	if (model.provider === 'portal' && provider !== 'portal') {
		return {ok: false, message: MESSAGES.portalNeedsOAuth(model.id)};
	}

	if (model.provider !== 'portal' && provider === 'portal') {
		const suggestion = portalSuggestion(model.id);
		return {ok: false, message: MESSAGES.portalOnly(suggestion), suggestion};
	}

	const notes: string[] = [];
	if (model.status.state === 'retired') {
		notes.push(MESSAGES.retired(model, model.status.date, model.status.replacement));
	} else if (model.status.state === 'legacy') {
		notes.push(MESSAGES.legacy(model, model.status.note));
	}

	return {ok: true, id: model.id, ref: toModelRef(model.id), model, via, notes};
}

function findAlias(text: string): ModelInfo | undefined {
	const wanted = text.toLowerCase();
	return MODELS.find(model => model.alias?.toLowerCase() === wanted);
}

function findCaseInsensitive(text: string): ModelInfo | undefined {
	const wanted = text.toLowerCase();
	return MODELS.find(model => model.id.toLowerCase() === wanted);
}

function dashscopeIds(): string[] {
	return MODELS.filter(model => model.provider === 'dashscope' && model.status.state !== 'retired').map(
		model => model.id,
	);
}

function portalSuggestion(text: string): string {
	return /vl|vision|image/i.test(text) ? visionModelFor('portal') : PORTAL_DEFAULT_MODEL_ID;
}

function closestForBedrock(text: string): string {
	// `qwen.qwen3-coder-30b-a3b-v1:0` -> compare `qwen3-coder-30b-a3b` with coding or general ids.
	const core = text.replace(BEDROCK_SUFFIX, '').replace(/^[a-z]+\./i, '');
	const category = /coder/i.test(core) ? 'coding' : 'general';
	const candidates = MODELS.filter(
		model => model.provider === 'dashscope' && model.category === category && model.status.state === 'active',
	).map(model => model.id);
	return closestIds(core, candidates, 1)[0] ?? GENERAL_MODEL_ID;
}

/**
 * Ids nearest to `text` by edit distance, ties in the candidates' order. With
 * `nearOnly`, ids too far away to be a plausible typo are left out. Also used
 * against a region's own catalogue, which is larger than the registry.
 */
export function closestIds(text: string, candidates: string[], limit: number, nearOnly = false): string[] {
	// Loaded here: only a typo or an id outside the registry needs it, not every chat.
	const {distance} = createRequire(import.meta.url)('fastest-levenshtein') as typeof import('fastest-levenshtein');
	const wanted = text.toLowerCase();
	const threshold = Math.max(3, Math.ceil(wanted.length / 2));
	return candidates
		.map((id, index) => ({id, index, distance: distance(wanted, id)}))
		.filter(entry => !nearOnly || entry.distance <= threshold)
		.sort((a, b) => a.distance - b.distance || a.index - b.index)
		.slice(0, limit)
		.map(entry => entry.id);
}

function describeCharacter(character: string): string {
	const code = character.codePointAt(0) ?? 0;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	if (code === 0x20) return 'a space';
	return code > 0x20 && code < 0x7f ? `"${character}"` : hex;
}
