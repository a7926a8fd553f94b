/**
 * Saved requests added up by day and by model (with its region, which sets
 * the price list and the currency): tokens, and estimated costs kept per
 * currency. A request without a known price counts in tokens, and as unpriced.
 */
import type {RegionId} from '../regions.js';
import type {UsageRecord} from '../sessions/session-types.js';
import {addRequest, NO_USAGE, type UsageTotals} from './metered-request.js';

export type UsageRow = UsageTotals & {
	readonly inputTokens: number;
	readonly cachedTokens: number;
	/** Output, reasoning included. */
	readonly outputTokens: number;
	readonly reasoningTokens: number;
};

export type ModelUsageRow = UsageRow & {readonly model: string; readonly region?: RegionId};

export type UsageReport = {
	/** Oldest first. */
	readonly days: ReadonlyArray<UsageRow & {readonly day: string}>;
	/** Most requests first. */
	readonly models: readonly ModelUsageRow[];
	readonly total: UsageRow;
};

const EMPTY_ROW: UsageRow = {...NO_USAGE, inputTokens: 0, cachedTokens: 0, outputTokens: 0, reasoningTokens: 0};

function addRecord(row: UsageRow, {request}: UsageRecord): UsageRow {
	const usage = request.usage;
	if (!usage) return row;
	return {
		...addRequest(row, request),
		inputTokens: row.inputTokens + usage.promptTokens,
		cachedTokens: row.cachedTokens + (usage.cachedTokens ?? 0),
		outputTokens: row.outputTokens + usage.completionTokens,
		reasoningTokens: row.reasoningTokens + (usage.reasoningTokens ?? 0),
	};
}

/** `dayOf` names a moment's day (the local calendar day, for people). */
export function usageReport(records: readonly UsageRecord[], dayOf: (ms: number) => string): UsageReport {
	const days = new Map<string, UsageRow>();
	const models = new Map<string, ModelUsageRow>();
	let total = EMPTY_ROW;
	for (const record of records) {
		const day = dayOf(record.at);
		days.set(day, addRecord(days.get(day) ?? EMPTY_ROW, record));
		const {model, region} = record.request;
		const key = `${model}\u0000${region ?? ''}`;
		const row = models.get(key) ?? {...EMPTY_ROW, model, ...(region ? {region} : {})};
		models.set(key, {...row, ...addRecord(row, record)});
		total = addRecord(total, record);
	}

	return {
		days: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, row]) => ({day, ...row})),
		models: [...models.values()].sort((a, b) => b.requests - a.requests || a.model.localeCompare(b.model) || (a.region ?? '').localeCompare(b.region ?? '')),
		total,
	};
}
