/**
 * `openclaw usage`: tokens and estimated cost by day and by model, from the
 * usage saved with each answer and each compaction. Dollars and yuan stay
 * apart; a model or region without a known price shows "no price".
 */
import {usageError} from '../core/app-error.js';
import {command, COST_ESTIMATE_NOTE} from '../core/messages.js';
import {formatDay, sinceDay} from '../core/sessions/session-dates.js';
import type {CostTotals} from '../core/usage/estimate-cost.js';
import {formatTotals} from '../core/usage/estimate-cost.js';
import {PRICES_CHECKED} from '../core/usage/model-prices.js';
import {usageReport, type UsageRow} from '../core/usage/usage-report.js';
import type {CommandContext} from '../cli/context.js';
import {withStore} from '../cli/sessions/open-store.js';
import {helpWidth, paragraph} from '../cli/help-layout.js';
import {terminalWidth} from '../cli/terminal-width.js';
import {formatTable} from '../cli/text-table.js';

export type UsageOptions = {since?: string; json?: boolean};

export function runUsage(context: CommandContext, options: UsageOptions): number {
	const since = options.since === undefined ? undefined : readSince(options.since, Date.now());
	const found = withStore(context, store =>
		store ? {records: store.usageRecords(since ?? 0), withoutUsage: store.answersWithoutUsage(since ?? 0)} : undefined,
	);
	const report = usageReport(found?.records ?? [], formatDay);
	const withoutUsage = found?.withoutUsage ?? 0;

	if (options.json) {
		context.print(
			JSON.stringify(
				{
					prices_checked: PRICES_CHECKED,
					since: since === undefined ? null : formatDay(since),
					days: report.days.map(row => ({day: row.day, ...rowJson(row)})),
					models: report.models.map(row => ({model: row.model, region: row.region ?? null, ...rowJson(row)})),
					total: rowJson(report.total),
					answers_without_usage: withoutUsage,
				},
				null,
				2,
			),
		);
		return 0;
	}

	if (!found) {
		context.print(`No saved conversations yet, so no usage to add up. Start one: ${command('chat')}`);
		return 0;
	}

	if (report.total.requests === 0) {
		context.print(`No usage saved${since === undefined ? '' : ` since ${formatDay(since)}`}.`);
		if (withoutUsage > 0) context.print(withoutUsageNote(withoutUsage));
		return 0;
	}

	const {out} = context;
	const heading = (title: string) => out.bold(title);
	const numbers = (row: UsageRow) => [row.requests, row.inputTokens, row.cachedTokens, row.outputTokens, row.reasoningTokens].map(count);
	const figures = ['REQUESTS', 'INPUT', 'CACHED', 'OUTPUT', 'REASONING', 'EST. COST'];

	context.print(heading(`By day${since === undefined ? '' : ` since ${formatDay(since)}`}`));
	printTable(context, [['DAY', ...figures], ...report.days.map(row => [row.day, ...numbers(row), costCell(row)])]);
	context.print();
	context.print(heading('By model'));
	printTable(context, [['MODEL', 'REGION', ...figures], ...report.models.map(row => [row.model, row.region ?? '–', ...numbers(row), costCell(row)])]);
	context.print();
	const {total} = report;
	const unpriced = total.unpriced > 0 ? ` (${count(total.unpriced)} without a known price)` : '';
	const cost = formatTotals(total.costs);
	context.print(
		`Total: ${count(total.requests)} requests, ${count(total.inputTokens)} tokens in, ${count(total.outputTokens)} out, ${cost ? `estimated ${cost}` : 'no price'}${unpriced}.`,
	);
	for (const line of paragraph(COST_ESTIMATE_NOTE, helpWidth(terminalWidth(context.stdout, context.env)))) context.print(out.dim(line));
	if (withoutUsage > 0) context.print(out.dim(withoutUsageNote(withoutUsage)));
	return 0;
}

function readSince(value: string, now: number): number {
	const since = sinceDay(value, now);
	if (since !== undefined) return since;
	throw usageError(
		`--since takes a date such as ${formatDay(now)} or a number of days such as 7d, not "${value}".`,
		[`  ${command('usage --since 7d')}         # the last 7 days, today included`, `  ${command(`usage --since ${formatDay(now)}`)}`],
		'Give a date (year-month-day) or a number of days followed by d.',
	);
}

function printTable(context: CommandContext, rows: string[][]): void {
	const [header = '', ...lines] = formatTable(rows);
	context.print(context.out.bold(header));
	for (const line of lines) context.print(line);
}

function count(value: number): string {
	return value.toLocaleString('en-US');
}

/** "$0.123", "$0.123 + ¥2.00", "$0.123 + 2 unpriced", or "no price". */
function costCell(row: UsageRow): string {
	const priced = formatTotals(row.costs);
	if (!priced) return 'no price';
	return row.unpriced > 0 ? `${priced} + ${count(row.unpriced)} unpriced` : priced;
}

function rowJson(row: UsageRow) {
	return {
		requests: row.requests,
		input_tokens: row.inputTokens,
		cached_tokens: row.cachedTokens,
		output_tokens: row.outputTokens,
		reasoning_tokens: row.reasoningTokens,
		estimated_cost: costsJson(row.costs),
		unpriced_requests: row.unpriced,
	};
}

/** Amounts per currency, rounded past float noise; never one sum of both. */
function costsJson(costs: CostTotals): Record<string, number> {
	return Object.fromEntries(Object.entries(costs).map(([currency, amount]) => [currency, Number(amount.toFixed(8))]));
}

function withoutUsageNote(answers: number): string {
	return `${count(answers)} answer${answers === 1 ? ' was' : 's were'} saved without usage figures (before openclaw recorded them, or from a service that sent none) and ${answers === 1 ? 'is' : 'are'} not counted.`;
}
