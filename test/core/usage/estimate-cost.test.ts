import {describe, expect, it} from 'vitest';
import {findModel, MODELS} from '../../../source/core/models.js';
import {addCost, cacheShare, estimateCost, formatCost, formatTier, formatTotals} from '../../../source/core/usage/estimate-cost.js';
import {MODEL_PRICES} from '../../../source/core/usage/model-prices.js';

describe('the cost of one request', () => {
	// Figures worked by hand from docs/pricing.md: rate per 1M tokens × tokens / 1,000,000.
	it.each([
		['intl, at the 32K limit: the first tier', 'intl', 32_768, 0.032_768 + 0.005, 'USD'],
		['intl, one token over: every token at the second tier', 'intl', 32_769, 0.058_984_2 + 0.009, 'USD'],
		['intl, the top tier', 'intl', 300_000, 1.8 + 0.06, 'USD'],
		['China, at the 32K limit', 'cn', 32_768, 0.131_072 + 0.016, 'CNY'],
		['China, one token over', 'cn', 32_769, 0.196_614 + 0.024, 'CNY'],
	] as const)('qwen3-coder-plus %s', (_name, region, promptTokens, amount, currency) => {
		const estimate = estimateCost({promptTokens, completionTokens: 1000}, 'qwen3-coder-plus', region, false);
		expect(estimate?.currency).toBe(currency);
		expect(estimate?.amount).toBeCloseTo(amount, 10);
	});

	it('bills implicit cache hits at 20% of the input price', () => {
		const estimate = estimateCost({promptTokens: 10_000, completionTokens: 0, cachedTokens: 6000}, 'qwen3-coder-plus', 'intl', false);
		expect(estimate?.amount).toBeCloseTo((4000 + 6000 * 0.2) / 1e6, 12);
	});

	it('bills explicit cache hits at 10% and cache creation at 125%', () => {
		const usage = {promptTokens: 10_000, completionTokens: 0, cachedTokens: 3000, cacheCreationTokens: 5000, cacheType: 'ephemeral'};
		expect(estimateCost(usage, 'qwen3-coder-plus', 'intl', false)?.amount).toBeCloseTo((2000 + 5000 * 1.25 + 3000 * 0.1) / 1e6, 12);
	});

	it('bills output at the thinking rate when thinking was on, where the model has one', () => {
		const usage = {promptTokens: 1000, completionTokens: 2000, reasoningTokens: 1500};
		expect(estimateCost(usage, 'qwen-plus', 'intl', true)).toMatchObject({thinkingRate: true});
		expect(estimateCost(usage, 'qwen-plus', 'intl', true)?.amount).toBeCloseTo((1000 * 0.4 + 2000 * 4) / 1e6, 12);
		expect(estimateCost(usage, 'qwen-plus', 'intl', false)?.amount).toBeCloseTo((1000 * 0.4 + 2000 * 1.2) / 1e6, 12);
		expect(estimateCost(usage, 'qwen3-coder-plus', 'intl', true)).toMatchObject({thinkingRate: false});
	});

	it('uses the region\'s own tier limits (qwen-plus breaks at 128K in China, 256K abroad)', () => {
		const usage = {promptTokens: 200_000, completionTokens: 0};
		expect(estimateCost(usage, 'qwen-plus', 'intl', false)?.tierUpTo).toBe(256 * 1024);
		expect(estimateCost(usage, 'qwen-plus', 'cn', false)?.tierUpTo).toBe(256 * 1024);
		expect(estimateCost({promptTokens: 100_000, completionTokens: 0}, 'qwen-plus', 'cn', false)?.tierUpTo).toBe(128 * 1024);
	});

	it.each([
		['a region without a price list', 'qwen3-coder-plus', 'us'],
		['Hong Kong', 'qwen-plus', 'hk'],
		['a model priced only in China, abroad', 'qwen-coder-plus', 'intl'],
		['the OAuth portal model', 'coder-model', 'intl'],
		['a model outside the registry', 'qwen-long-latest', 'intl'],
	] as const)('gives no price for %s', (_name, model, region) => {
		expect(estimateCost({promptTokens: 1000, completionTokens: 1000}, model, region, false)).toBeUndefined();
	});
});

describe('figures for people', () => {
	it('shows small amounts with enough digits to see them', () => {
		expect(formatCost(0.000_42, 'USD')).toBe('$0.0004');
		expect(formatCost(0.037_768, 'USD')).toBe('$0.038');
		expect(formatCost(1.86, 'CNY')).toBe('¥1.86');
		// A turn of a few tokens is not free: it is less than the smallest figure shown.
		expect(formatCost(0.000_02, 'USD')).toBe('<$0.0001');
		expect(formatCost(0, 'USD')).toBe('$0.0000');
	});

	it('names the input tier a request was billed at, as the price list writes it', () => {
		const tier = (model: string, promptTokens: number) => formatTier(estimateCost({promptTokens, completionTokens: 0}, model, 'intl', false)!);
		expect(tier('qwen3-coder-plus', 32_768)).toBe('input ≤32K');
		expect(tier('qwen3-coder-plus', 32_769)).toBe('input 32K–128K');
		expect(tier('qwen3-coder-plus', 300_000)).toBe('input >256K');
		expect(tier('qwen-max', 30_000)).toBeUndefined();
	});

	it('never adds dollars to yuan', () => {
		let totals = addCost({}, {currency: 'USD', amount: 0.5, tierUpTo: undefined, thinkingRate: false});
		totals = addCost(totals, {currency: 'CNY', amount: 2, tierUpTo: undefined, thinkingRate: false});
		totals = addCost(totals, {currency: 'USD', amount: 0.25, tierUpTo: undefined, thinkingRate: false});
		totals = addCost(totals, undefined);
		expect(formatTotals(totals)).toBe('$0.750 + ¥2.00');
		expect(formatTotals({})).toBeUndefined();
	});

	it('gives the cache share only when something was cached', () => {
		expect(cacheShare({promptTokens: 1000, cachedTokens: 620})).toBeCloseTo(0.62);
		expect(cacheShare({promptTokens: 1000, cachedTokens: 0})).toBeUndefined();
		expect(cacheShare({promptTokens: 1000})).toBeUndefined();
	});
});

describe('the price list', () => {
	it('prices models the registry names (its models and their replacements), with ascending tiers and an open top tier', () => {
		const named = new Set(MODELS.flatMap(model => [model.id, ...(model.status.state === 'retired' ? [model.status.replacement] : [])]));
		for (const [id, regions] of Object.entries(MODEL_PRICES)) {
			expect(named.has(id), id).toBe(true);
			for (const prices of Object.values(regions)) {
				const limits = prices.tiers.map(tier => tier.upTo);
				expect(limits.at(-1), id).toBeUndefined();
				const bounded = limits.slice(0, -1) as number[];
				expect(bounded, id).toEqual([...bounded].sort((a, b) => a - b));
				if (findModel(id)?.thinking === false && prices.tiers.some(tier => tier.thinkingOutput !== undefined)) {
					// qwen-turbo: retired, and a hybrid-thinking model in its day.
					expect(id).toBe('qwen-turbo');
				}
			}
		}
	});
});
