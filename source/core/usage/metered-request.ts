/**
 * One request as it is billed: the model and region it went to, whether
 * thinking was asked for, how it ended and the usage figures the service sent
 * back. The pane, the one-shot chat, the session store and `openclaw usage`
 * all keep requests in this form and price them the same way.
 */
import type {UsageEvent} from '../dashscope-client.js';
import type {RegionId} from '../regions.js';
import {addCost, cacheShare, estimateCost, formatCost, formatTier, type CostEstimate, type CostTotals} from './estimate-cost.js';
import {PRICES_CHECKED} from './model-prices.js';

/** DashScope's usage figures; the details are undefined when the service left them out. */
export type RequestUsage = {
	readonly promptTokens: number;
	readonly completionTokens: number;
	readonly totalTokens: number;
	readonly cachedTokens?: number;
	readonly cacheCreationTokens?: number;
	readonly cacheType?: string;
	readonly reasoningTokens?: number;
};

export type MeteredRequest = {
	readonly model: string;
	/** undefined for a custom endpoint or the OAuth portal: no price list applies. */
	readonly region?: RegionId;
	/** Thinking was asked for (enable_thinking). */
	readonly thinking: boolean;
	/** The service's finish_reason: 'stop', 'length', …; undefined when the answer never finished. */
	readonly finishReason?: string;
	readonly usage?: RequestUsage;
};

/** The figures of a usage event, without its type and without the details the service did not send. */
export function usageFromEvent(event: Omit<UsageEvent, 'type'>): RequestUsage {
	return {
		promptTokens: event.promptTokens,
		completionTokens: event.completionTokens,
		totalTokens: event.totalTokens,
		...(event.cachedTokens === undefined ? {} : {cachedTokens: event.cachedTokens}),
		...(event.cacheCreationTokens === undefined ? {} : {cacheCreationTokens: event.cacheCreationTokens}),
		...(event.cacheType === undefined ? {} : {cacheType: event.cacheType}),
		...(event.reasoningTokens === undefined ? {} : {reasoningTokens: event.reasoningTokens}),
	};
}

/**
 * The estimated cost; undefined without usage figures or without a price for
 * the model in its region. Reasoning tokens mean thinking was on, whatever was asked.
 */
export function costOf(request: MeteredRequest): CostEstimate | undefined {
	const {usage, region} = request;
	if (!usage || !region) return undefined;
	return estimateCost(usage, request.model, region, request.thinking || (usage.reasoningTokens ?? 0) > 0);
}

/** "$0.0371 (input ≤32K)", or "no price" where none is known; `tier` false leaves the tier out. */
export function describeCost(request: MeteredRequest, options: {tier?: boolean} = {}): string {
	const cost = costOf(request);
	if (!cost) return 'no price';
	const tier = options.tier === false ? undefined : formatTier(cost);
	return `${formatCost(cost.amount, cost.currency)}${tier ? ` (${tier})` : ''}`;
}

/** The answer stopped because it reached the output limit. */
export function wasCutOff(request: Pick<MeteredRequest, 'finishReason'>): boolean {
	return request.finishReason === 'length';
}

/** Requests added up: costs per currency, and how many had no known price. */
export type UsageTotals = {readonly costs: CostTotals; readonly unpriced: number; readonly requests: number};

export const NO_USAGE: UsageTotals = {costs: {}, unpriced: 0, requests: 0};

/** Adds a request that got usage figures back; one without them was not counted by the service either. */
export function addRequest(totals: UsageTotals, request: MeteredRequest): UsageTotals {
	if (!request.usage) return totals;
	const cost = costOf(request);
	return {costs: addCost(totals.costs, cost), unpriced: totals.unpriced + (cost ? 0 : 1), requests: totals.requests + 1};
}

/**
 * The request for scripts (`chat --usage json`): every usage field under
 * DashScope's own names, and the estimate with the date of its price list
 * (null where no price is known).
 */
export function meteredJson(request: MeteredRequest) {
	const {usage} = request;
	const cost = costOf(request);
	return {
		model: request.model,
		region: request.region ?? null,
		thinking: request.thinking,
		finish_reason: request.finishReason ?? null,
		cut_off: wasCutOff(request),
		usage: usage
			? {
					prompt_tokens: usage.promptTokens,
					completion_tokens: usage.completionTokens,
					total_tokens: usage.totalTokens,
					cached_tokens: usage.cachedTokens ?? null,
					cache_creation_input_tokens: usage.cacheCreationTokens ?? null,
					cache_type: usage.cacheType ?? null,
					reasoning_tokens: usage.reasoningTokens ?? null,
					cache_share: cacheShare(usage) ?? null,
				}
			: null,
		estimate: cost
			? {
					currency: cost.currency,
					// Rounded past floating-point noise, far below any price.
					amount: Number(cost.amount.toFixed(10)),
					tier: formatTier(cost) ?? null,
					thinking_rate: cost.thinkingRate,
					prices_checked: PRICES_CHECKED,
				}
			: null,
	};
}
