/**
 * DashScope's list prices per 1,000,000 tokens, by model and region, as
 * docs/pricing.md records them. A model or region without an entry has no
 * known price, and the program shows none rather than a guess.
 */
import type {RegionId} from '../regions.js';

/** When the figures below were checked against Alibaba Cloud's pages. */
export const PRICES_CHECKED = '2026-10';

export type Currency = 'USD' | 'CNY';

/** One tier: requests with at most `upTo` input tokens pay these rates. The last tier has no limit. */
export type PriceTier = {
	readonly upTo?: number;
	readonly input: number;
	readonly output: number;
	/** Output price with thinking on; undefined where the model does not think. */
	readonly thinkingOutput?: number;
};

export type RegionPrices = {readonly currency: Currency; readonly tiers: readonly PriceTier[]};

const K = 1024;

function usd(...tiers: PriceTier[]): RegionPrices {
	return {currency: 'USD', tiers};
}

function cny(...tiers: PriceTier[]): RegionPrices {
	return {currency: 'CNY', tiers};
}

/** Thinking output at the same rate as the answer. */
function same(tier: Omit<PriceTier, 'thinkingOutput'>): PriceTier {
	return {...tier, thinkingOutput: tier.output};
}

export const MODEL_PRICES: Readonly<Record<string, Partial<Record<RegionId, RegionPrices>>>> = {
	'qwen3-coder-plus': {
		intl: usd(
			{upTo: 32 * K, input: 1, output: 5},
			{upTo: 128 * K, input: 1.8, output: 9},
			{upTo: 256 * K, input: 3, output: 15},
			{input: 6, output: 60},
		),
		cn: cny(
			{upTo: 32 * K, input: 4, output: 16},
			{upTo: 128 * K, input: 6, output: 24},
			{upTo: 256 * K, input: 10, output: 40},
			{input: 20, output: 200},
		),
	},
	'qwen3-coder-flash': {
		intl: usd(
			{upTo: 32 * K, input: 0.3, output: 1.5},
			{upTo: 128 * K, input: 0.5, output: 2.5},
			{upTo: 256 * K, input: 0.8, output: 4},
			{input: 1.6, output: 9.6},
		),
		cn: cny(
			{upTo: 32 * K, input: 1, output: 4},
			{upTo: 128 * K, input: 1.5, output: 6},
			{upTo: 256 * K, input: 2.5, output: 10},
			{input: 5, output: 25},
		),
	},
	'qwen-coder-plus': {
		cn: cny({input: 3.5, output: 7}),
	},
	'qwen3-max': {
		intl: usd(same({upTo: 32 * K, input: 1.2, output: 6}), same({upTo: 128 * K, input: 2.4, output: 12}), same({input: 3, output: 15})),
		cn: cny(same({upTo: 32 * K, input: 2.5, output: 10}), same({upTo: 128 * K, input: 4, output: 16}), same({input: 7, output: 28})),
	},
	'qwen-max': {
		intl: usd({input: 1.6, output: 6.4}),
		cn: cny({input: 2.4, output: 9.6}),
	},
	'qwen-plus': {
		intl: usd({upTo: 256 * K, input: 0.4, output: 1.2, thinkingOutput: 4}, {input: 1.2, output: 3.6, thinkingOutput: 12}),
		cn: cny(
			{upTo: 128 * K, input: 0.8, output: 2, thinkingOutput: 8},
			{upTo: 256 * K, input: 2.4, output: 20, thinkingOutput: 24},
			{input: 4.8, output: 48, thinkingOutput: 64},
		),
	},
	'qwen-flash': {
		intl: usd(same({upTo: 256 * K, input: 0.05, output: 0.4}), same({input: 0.25, output: 2})),
		cn: cny(same({upTo: 128 * K, input: 0.15, output: 1.5}), same({upTo: 256 * K, input: 0.6, output: 6}), same({input: 1.2, output: 12})),
	},
	'qwen3-vl-plus': {
		intl: usd(same({upTo: 32 * K, input: 0.2, output: 1.6}), same({upTo: 128 * K, input: 0.3, output: 2.4}), same({input: 0.6, output: 4.8})),
		cn: cny(same({upTo: 32 * K, input: 1, output: 10}), same({upTo: 128 * K, input: 1.5, output: 15}), same({input: 3, output: 30})),
	},
	'qwen-turbo': {
		intl: usd({input: 0.05, output: 0.2, thinkingOutput: 0.5}),
		cn: cny({input: 0.3, output: 0.6, thinkingOutput: 3}),
	},
};

/** The prices of a model in a region, or undefined when none is known. */
export function pricesFor(modelId: string, region: RegionId): RegionPrices | undefined {
	return MODEL_PRICES[modelId]?.[region];
}

/** The tier a request with `promptTokens` input tokens is billed at: all its tokens pay that tier's rates. */
export function tierFor(prices: RegionPrices, promptTokens: number): PriceTier {
	return prices.tiers.find(tier => tier.upTo === undefined || promptTokens <= tier.upTo) ?? prices.tiers.at(-1)!;
}
