import {describe, expect, it} from 'vitest';
import {formatDay, sinceDay} from '../../../source/core/sessions/session-dates.js';
import type {MeteredRequest} from '../../../source/core/usage/metered-request.js';
import {usageReport} from '../../../source/core/usage/usage-report.js';

const record = (at: string, request: Partial<MeteredRequest> & {promptTokens: number; completionTokens: number; cachedTokens?: number}) => {
	const {promptTokens, completionTokens, cachedTokens, ...rest} = request;
	const usage = {promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, ...(cachedTokens === undefined ? {} : {cachedTokens})};
	return {at: new Date(at).getTime(), request: {model: 'qwen3-coder-plus', region: 'intl' as const, thinking: false, ...rest, usage}};
};

describe('usage by day and by model', () => {
	const records = [
		record('2026-10-14T09:00:00', {promptTokens: 1_000_000, completionTokens: 0}),
		record('2026-10-14T21:00:00', {promptTokens: 1_000_000, completionTokens: 0, region: 'cn'}),
		record('2026-10-15T10:00:00', {promptTokens: 10_000, completionTokens: 100, cachedTokens: 5000, model: 'coder-model', region: undefined}),
	];
	const report = usageReport(records, formatDay);

	it('adds up each day\'s tokens, with dollars and yuan kept apart', () => {
		// 1M tokens in is the top tier of qwen3-coder-plus: $6 abroad, ¥20 in China.
		expect(report.days.map(({day, requests, inputTokens, costs}) => ({day, requests, inputTokens, costs}))).toEqual([
			{day: '2026-10-14', requests: 2, inputTokens: 2_000_000, costs: {USD: 6, CNY: 20}},
			{day: '2026-10-15', requests: 1, inputTokens: 10_000, costs: {}},
		]);
	});

	it('by model and region, a model without a price counted in tokens and as unpriced', () => {
		expect(report.models.map(({model, region, requests, unpriced, cachedTokens}) => ({model, region, requests, unpriced, cachedTokens}))).toEqual([
			{model: 'coder-model', region: undefined, requests: 1, unpriced: 1, cachedTokens: 5000},
			{model: 'qwen3-coder-plus', region: 'cn', requests: 1, unpriced: 0, cachedTokens: 0},
			{model: 'qwen3-coder-plus', region: 'intl', requests: 1, unpriced: 0, cachedTokens: 0},
		]);
		expect(report.total).toMatchObject({requests: 3, unpriced: 1, outputTokens: 100, costs: {USD: 6, CNY: 20}});
	});
});

describe('--since', () => {
	const now = new Date('2026-10-15T13:30:00').getTime();

	it('takes a date, or a number of days back with today counted, from local midnight', () => {
		expect(sinceDay('2026-10-01', now)).toBe(new Date('2026-10-01T00:00:00').getTime());
		expect(sinceDay('1d', now)).toBe(new Date('2026-10-15T00:00:00').getTime());
		expect(sinceDay('7d', now)).toBe(new Date('2026-10-09T00:00:00').getTime());
	});

	it('names no day for anything else', () => {
		for (const value of ['garbage', '2026-02-31', '2026-13-01', '0d', '-3d', '7', '2026/10/01', '']) expect(sinceDay(value, now), value).toBeUndefined();
	});
});
