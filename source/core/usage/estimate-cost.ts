/**
 * What a request cost, estimated from its usage figures and the price list:
 * the tier is chosen by prompt_tokens and every token of the request pays
 * that tier's rates; cached input pays its discount, input written to an
 * explicit cache its premium, and output the thinking rate when thinking was on.
 */
import type {RegionId} from '../regions.js';
import {pricesFor, tierFor, type Currency, type PriceTier} from './model-prices.js';

/** The usage figures cost depends on, as the stream reports them. */
export type TokenUsage = {
	readonly promptTokens: number;
	readonly completionTokens: number;
	readonly cachedTokens?: number;
	readonly cacheCreationTokens?: number;
	/** "ephemeral" when the request used an explicit cache. */
	readonly cacheType?: string;
	readonly reasoningTokens?: number;
};

/** Shares of the input price: implicit-cache hits pay 20%, explicit hits 10%, explicit creation 125%. */
const CACHE_RATES = {implicitHit: 0.2, explicitHit: 0.1, explicitCreation: 1.25} as const;

export type CostEstimate = {
	readonly currency: Currency;
	readonly amount: number;
	/** The tier's input limit, undefined for the top tier. */
	readonly tierUpTo: number | undefined;
	/** The limit of the tier below, undefined for the first tier (and for a price list of one tier). */
	readonly tierFrom?: number;
	/** Output was billed at the thinking rate. */
	readonly thinkingRate: boolean;
};

const PER_TOKEN = 1 / 1_000_000;

/** The estimate, or undefined when the model or region has no known price. */
export function estimateCost(usage: TokenUsage, modelId: string, region: RegionId, thinking: boolean): CostEstimate | undefined {
	const prices = pricesFor(modelId, region);
	if (!prices) return undefined;
	const tier = tierFor(prices, usage.promptTokens);
	const thinkingRate = thinking && tier.thinkingOutput !== undefined;
	const tierFrom = prices.tiers[prices.tiers.indexOf(tier) - 1]?.upTo;
	return {currency: prices.currency, amount: requestCost(usage, tier, thinkingRate), tierUpTo: tier.upTo, ...(tierFrom === undefined ? {} : {tierFrom}), thinkingRate};
}

/**
 * Which input tier a request was billed at, as the price list writes it:
 * "input ≤32K", "input 32K–128K", "input >256K"; undefined for a model with one tier.
 */
export function formatTier(estimate: Pick<CostEstimate, 'tierUpTo' | 'tierFrom'>): string | undefined {
	const {tierUpTo, tierFrom} = estimate;
	if (tierUpTo === undefined) return tierFrom === undefined ? undefined : `input >${formatTierLimit(tierFrom)}`;
	return tierFrom === undefined ? `input ≤${formatTierLimit(tierUpTo)}` : `input ${formatTierLimit(tierFrom)}–${formatTierLimit(tierUpTo)}`;
}

/** 32,768 as "32K": the price list's K is 1,024 tokens. */
function formatTierLimit(tokens: number): string {
	return tokens % (1024 * 1024) === 0 ? `${tokens / 1024 / 1024}M` : `${Math.round(tokens / 1024)}K`;
}

function requestCost(usage: TokenUsage, tier: PriceTier, thinkingRate: boolean): number {
	const cached = usage.cachedTokens ?? 0;
	const created = usage.cacheCreationTokens ?? 0;
	const uncached = Math.max(0, usage.promptTokens - cached - created);
	const hitRate = usage.cacheType ? CACHE_RATES.explicitHit : CACHE_RATES.implicitHit;
	const input = (uncached + created * CACHE_RATES.explicitCreation + cached * hitRate) * tier.input;
	const output = usage.completionTokens * (thinkingRate ? tier.thinkingOutput! : tier.output);
	return (input + output) * PER_TOKEN;
}

/** The share of input served from the cache, 0 to 1, or undefined when nothing was cached. */
export function cacheShare(usage: Pick<TokenUsage, 'promptTokens' | 'cachedTokens'>): number | undefined {
	if (!usage.cachedTokens || usage.promptTokens <= 0) return undefined;
	return usage.cachedTokens / usage.promptTokens;
}

const SYMBOLS: Record<Currency, string> = {USD: '$', CNY: '¥'};

/** "$0.0123" or "¥0.0123": four decimals below one unit, two above, so small turns still show; "<$0.0001" below that. */
export function formatCost(amount: number, currency: Currency): string {
	const symbol = SYMBOLS[currency];
	if (amount > 0 && amount < 0.000_05) return `<${symbol}0.0001`;
	const digits = amount >= 1 ? 2 : amount >= 0.01 ? 3 : 4;
	return `${symbol}${amount.toFixed(digits)}`;
}

/** A list price per 1,000,000 tokens as written: "$1.2", "¥0.15". */
export function formatRate(rate: number, currency: Currency): string {
	return `${SYMBOLS[currency]}${rate}`;
}

/** Sums of costs, kept per currency: a session can switch regions, and USD and CNY never add. */
export type CostTotals = Partial<Record<Currency, number>>;

export function addCost(totals: CostTotals, estimate: CostEstimate | undefined): CostTotals {
	if (!estimate) return totals;
	return {...totals, [estimate.currency]: (totals[estimate.currency] ?? 0) + estimate.amount};
}

export function formatTotals(totals: CostTotals): string | undefined {
	const parts = (Object.entries(totals) as Array<[Currency, number]>).map(([currency, amount]) => formatCost(amount, currency));
	return parts.length > 0 ? parts.join(' + ') : undefined;
}
