/**
 * The model registry: the guide's nine DashScope models and the two Qwen OAuth
 * portal models, with the facts in docs/models.md. It is the curated,
 * offline part of the picture; a key's real catalogue comes from GET /models.
 */
import type {RegionId} from './regions.js';

export type ModelCategory = 'coding' | 'general' | 'vision';
export type InputType = 'text' | 'image';
export type ModelProvider = 'dashscope' | 'portal';

export type ModelStatus =
	| {readonly state: 'active'}
	| {readonly state: 'legacy'; readonly note: string}
	| {
			readonly state: 'retired';
			readonly date: string;
			readonly regions: readonly RegionId[];
			readonly replacement: string;
	  };

export type ModelInfo = {
	readonly id: string;
	readonly name: string;
	readonly alias?: string;
	readonly provider: ModelProvider;
	readonly category: ModelCategory;
	readonly bestFor: string;
	/** The guide's star rating, 1 to 5. */
	readonly stars: number;
	readonly input: readonly InputType[];
	readonly contextWindow: number;
	/** Regions whose context window differs from `contextWindow`. */
	readonly contextWindowByRegion?: Partial<Record<RegionId, number>>;
	readonly maxTokens: number;
	/** Hybrid thinking models accept `enable_thinking`. */
	readonly thinking: boolean;
	readonly status: ModelStatus;
};

/** OpenClaw's provider id for both the DashScope key and the OAuth portal. */
export const PROVIDER_ID = 'qwen-portal';

/** The model the guide recommends and the picker starts on. */
export const RECOMMENDED_MODEL_ID = 'qwen3-coder-plus';

/** The default model when the OAuth portal is active. */
export const PORTAL_DEFAULT_MODEL_ID = 'coder-model';

/** The vision model to suggest for images (DashScope). */
export const VISION_MODEL_ID = 'qwen3-vl-plus';

/** The general-purpose model that examples name and a suggestion falls back to when nothing nearer is known. */
export const GENERAL_MODEL_ID = 'qwen-plus';

const ACTIVE = {state: 'active'} as const;

export const MODELS: readonly ModelInfo[] = [
	{
		id: 'qwen3-coder-plus',
		name: 'Qwen3 Coder Plus',
		alias: 'qwen3-coder',
		provider: 'dashscope',
		category: 'coding',
		bestFor: 'Latest coding tasks',
		stars: 5,
		input: ['text'],
		contextWindow: 1_048_576,
		maxTokens: 65_536,
		thinking: false,
		status: ACTIVE,
	},
	{
		id: 'qwen-coder-plus',
		name: 'Qwen Coder Plus',
		alias: 'qwen-coder',
		provider: 'dashscope',
		category: 'coding',
		bestFor: 'Coding tasks',
		stars: 4,
		input: ['text'],
		contextWindow: 131_072,
		maxTokens: 8192,
		thinking: false,
		status: {
			state: 'legacy',
			note: 'Listed in the China docs; absent from the 2026 international lists.',
		},
	},
	{
		id: 'qwen3-coder-flash',
		name: 'Qwen3 Coder Flash',
		provider: 'dashscope',
		category: 'coding',
		bestFor: 'Fast coding',
		stars: 3,
		input: ['text'],
		contextWindow: 1_000_000,
		maxTokens: 65_536,
		thinking: false,
		status: ACTIVE,
	},
	{
		id: 'qwen3-max',
		name: 'Qwen3 Max',
		provider: 'dashscope',
		category: 'general',
		bestFor: 'Most capable',
		stars: 5,
		input: ['text'],
		contextWindow: 262_144,
		maxTokens: 65_536,
		thinking: true,
		status: ACTIVE,
	},
	{
		id: 'qwen-max',
		name: 'Qwen Max',
		provider: 'dashscope',
		category: 'general',
		bestFor: 'Complex reasoning',
		stars: 5,
		input: ['text'],
		contextWindow: 32_768,
		contextWindowByRegion: {cn: 131_072},
		maxTokens: 8192,
		thinking: false,
		status: ACTIVE,
	},
	{
		id: 'qwen-plus',
		name: 'Qwen Plus',
		alias: 'qwen',
		provider: 'dashscope',
		category: 'general',
		bestFor: 'General purpose',
		stars: 4,
		input: ['text'],
		contextWindow: 1_000_000,
		maxTokens: 32_768,
		thinking: true,
		status: ACTIVE,
	},
	{
		id: 'qwen-turbo',
		name: 'Qwen Turbo',
		provider: 'dashscope',
		category: 'general',
		bestFor: 'Fast responses',
		stars: 3,
		input: ['text'],
		contextWindow: 1_000_000,
		maxTokens: 16_384,
		thinking: false,
		status: {state: 'retired', date: '2026-10-10', regions: ['cn', 'intl'], replacement: 'qwen-flash'},
	},
	{
		id: 'qwen3-vl-plus',
		name: 'Qwen3 Vision Plus',
		provider: 'dashscope',
		category: 'vision',
		bestFor: 'Latest vision',
		stars: 5,
		input: ['text', 'image'],
		contextWindow: 262_144,
		maxTokens: 32_768,
		thinking: true,
		status: ACTIVE,
	},
	{
		id: 'qwen-vl-plus',
		name: 'Qwen Vision Plus',
		provider: 'dashscope',
		category: 'vision',
		bestFor: 'Image understanding',
		stars: 4,
		input: ['text', 'image'],
		contextWindow: 131_072,
		maxTokens: 8192,
		thinking: false,
		status: {state: 'retired', date: '2026-10-10', regions: ['cn', 'intl'], replacement: 'qwen3-vl-plus'},
	},
	{
		id: 'coder-model',
		name: 'Qwen Coder',
		provider: 'portal',
		category: 'coding',
		bestFor: 'Coding (OAuth portal)',
		stars: 4,
		input: ['text'],
		contextWindow: 128_000,
		maxTokens: 8192,
		thinking: false,
		status: ACTIVE,
	},
	{
		id: 'vision-model',
		name: 'Qwen Vision',
		provider: 'portal',
		category: 'vision',
		bestFor: 'Vision (OAuth portal)',
		stars: 4,
		input: ['text', 'image'],
		contextWindow: 128_000,
		maxTokens: 8192,
		thinking: false,
		status: ACTIVE,
	},
];

export const CATEGORY_LABELS: Record<ModelCategory, string> = {
	coding: 'Coding',
	general: 'General',
	vision: 'Vision',
};

export const CATEGORY_ORDER: readonly ModelCategory[] = ['coding', 'general', 'vision'];

export function modelsFor(provider: ModelProvider): ModelInfo[] {
	return MODELS.filter(model => model.provider === provider);
}

/** The ids the Qwen OAuth portal serves. */
export function portalModelIds(): string[] {
	return modelsFor('portal').map(model => model.id);
}

/** The vision model to suggest for images on a provider: VISION_MODEL_ID, or the portal's own. */
export function visionModelFor(provider: ModelProvider): string {
	if (provider === 'dashscope') return VISION_MODEL_ID;
	return MODELS.find(model => model.provider === provider && supportsImages(model))?.id ?? VISION_MODEL_ID;
}

/** The hybrid thinking models (they accept `enable_thinking`). */
export function thinkingModels(): ModelInfo[] {
	return MODELS.filter(model => model.thinking);
}

/** 'qwen-portal/<id>' for an id, or the ref itself when given one. */
export function toModelRef(modelId: string): string {
	const id = modelId.trim().replace(new RegExp(`^${PROVIDER_ID}/`), '');
	if (!id) throw new Error('No model id given.');
	return `${PROVIDER_ID}/${id}`;
}

export function findModel(id: string): ModelInfo | undefined {
	return MODELS.find(model => model.id === id);
}

export function contextWindowFor(model: ModelInfo, region?: RegionId): number {
	return (region && model.contextWindowByRegion?.[region]) ?? model.contextWindow;
}

export function supportsImages(model: ModelInfo): boolean {
	return model.input.includes('image');
}

/** A model the registry knows and that takes no images; unknown ids are given the benefit of the doubt. */
export function readsOnlyText(modelId: string): boolean {
	const info = findModel(modelId);
	return info !== undefined && !supportsImages(info);
}

/**
 * The thinking setting a request carries: sent only to a model with a thinking
 * mode (or one the registry does not know), so what is recorded and priced as
 * thinking is what was asked for. Both the one-shot chat and the pane use it.
 */
export function thinkingOption(modelId: string, thinking: boolean | undefined): {enableThinking?: boolean} {
	const info = findModel(modelId);
	return thinking !== undefined && (!info || info.thinking) ? {enableThinking: thinking} : {};
}

export function isRetired(model: ModelInfo): boolean {
	return model.status.state === 'retired';
}

/** "★★★★★" on a terminal (one cell each, so columns line up); plain "*****" into a pipe. */
export function starRating(stars: number, plain = false): string {
	return (plain ? '*' : '★').repeat(stars);
}
