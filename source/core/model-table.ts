/**
 * The model table's data, shared by the picker on screen and `models list`:
 * which rows show for a filter, how each row stands in the key's region, and
 * which columns fit a width.
 */
import {CATEGORY_LABELS, CATEGORY_ORDER, contextWindowFor, starRating, type ModelCategory, type ModelInfo} from './models.js';
import type {RegionId} from './regions.js';

export type Availability =
	| {readonly kind: 'ok'}
	| {readonly kind: 'retired'; readonly mark: string; readonly note: string}
	| {readonly kind: 'not_listed'; readonly mark: string; readonly note: string}
	| {readonly kind: 'legacy'; readonly mark: string; readonly note: string};

export const RETIRED_MARK = '✗';
export const NOT_LISTED_MARK = '?';
export const LEGACY_MARK = '~';

/**
 * Retired beats everything (the server will refuse it); then whether the region's
 * GET /models listed it; then the registry's legacy note.
 */
export function availabilityOf(model: ModelInfo, regionModelIds?: readonly string[]): Availability {
	const {status} = model;
	if (status.state === 'retired') {
		return {
			kind: 'retired',
			mark: RETIRED_MARK,
			note: `Retired ${status.date}; use ${status.replacement} instead.`,
		};
	}

	if (regionModelIds && !regionModelIds.includes(model.id)) {
		return {
			kind: 'not_listed',
			mark: NOT_LISTED_MARK,
			note: 'Not in the models your key’s region lists; requests may fail.',
		};
	}

	if (status.state === 'legacy') return {kind: 'legacy', mark: LEGACY_MARK, note: status.note};
	return {kind: 'ok'};
}

function matchesFilter(model: ModelInfo, filter: string): boolean {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return true;
	return [model.id, model.name, model.alias ?? '', model.bestFor, CATEGORY_LABELS[model.category]].some(field =>
		field.toLowerCase().includes(needle),
	);
}

export type TableLine =
	| {readonly type: 'group'; readonly category: ModelCategory; readonly label: string}
	| {readonly type: 'model'; readonly model: ModelInfo};

/** Group headers and rows in category order. */
export function tableLines(models: readonly ModelInfo[], filter: string): TableLine[] {
	const lines: TableLine[] = [];
	for (const category of CATEGORY_ORDER) {
		const inGroup = models.filter(model => model.category === category && matchesFilter(model, filter));
		if (inGroup.length === 0) continue;
		lines.push({type: 'group', category, label: CATEGORY_LABELS[category]});
		for (const model of inGroup) lines.push({type: 'model', model});
	}

	return lines;
}

export function selectableModels(lines: readonly TableLine[]): ModelInfo[] {
	return lines.flatMap(line => (line.type === 'model' ? [line.model] : []));
}

/** 1,048,576 → "1M", 1,000,000 → "1M", 262,144 → "256K", 128,000 → "128K". */
export function formatTokens(tokens: number): string {
	if (tokens % 1_000_000 === 0) return `${tokens / 1_000_000}M`;
	if (tokens % 1_048_576 === 0) return `${tokens / 1_048_576}M`;
	if (tokens % 1000 === 0) return `${tokens / 1000}K`;
	if (tokens % 1024 === 0) return `${tokens / 1024}K`;
	if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
	return String(tokens);
}

/** Stars first in a fixed five cells, so they line up and the text is what gets cut. */
function bestForCell(model: ModelInfo, plainStars: boolean): string {
	return `${starRating(model.stars, plainStars).padEnd(5)} ${model.bestFor}`;
}

/** Input types and limits for the highlighted row. */
export function detailLine(model: ModelInfo, region?: RegionId): string {
	const input = model.input.map(type => (type === 'image' ? 'images' : 'text')).join(' + ');
	const context = contextWindowFor(model, region).toLocaleString('en-US');
	const output = model.maxTokens.toLocaleString('en-US');
	const thinking = model.thinking ? ' · thinking mode' : '';
	return `${model.name}: ${input} in · ${context} tokens context · ${output} max output${thinking}`;
}

export type ColumnKey = 'id' | 'name' | 'alias' | 'bestFor' | 'context';

export type Column = {readonly key: ColumnKey; readonly header: string; readonly width: number};

type ColumnSpec = {
	readonly key: ColumnKey;
	readonly header: string;
	readonly ideal: number;
	readonly min: number;
	/** Lower goes first when even the minimum widths do not fit; undefined never goes. */
	readonly dropOrder?: number;
};

const SPECS: readonly ColumnSpec[] = [
	// Ids are what people type: never cut.
	{key: 'id', header: 'ID', ideal: 17, min: 17},
	{key: 'name', header: 'Name', ideal: 17, min: 14, dropOrder: 1},
	{key: 'alias', header: 'Alias', ideal: 11, min: 11, dropOrder: 2},
	// "★★★★★ Latest coding tasks"
	{key: 'bestFor', header: 'Best for', ideal: 25, min: 16},
	{key: 'context', header: 'Context', ideal: 7, min: 7, dropOrder: 3},
];

/** Each step shrinks one column down to a floor: Best for gives a little first, then Name. */
const SHRINK_STEPS: ReadonlyArray<readonly [ColumnKey, number]> = [
	['bestFor', 20],
	['name', 14],
	['bestFor', 16],
];

/** The availability mark in front of each row of `models list` (" ✗ "). */
export const CURSOR_WIDTH = 3;
/** The picker's cursor and the availability mark, each in a cell of its own ("❯ ✗ "). */
export const PICKER_LEAD_WIDTH = 4;
export const COLUMN_GAP = 1;

/**
 * Columns for a table `width` cells wide, after `leadWidth` cells in front of
 * each row: ideal widths when they fit, else shrink step by step, else drop
 * Name, then Alias, then Context. Widths exclude the gap between columns.
 */
export function fitColumns(width: number, leadWidth = CURSOR_WIDTH): Column[] {
	const available = width - leadWidth;
	const total = (specs: readonly ColumnSpec[], widthOf: (spec: ColumnSpec) => number) =>
		specs.reduce((sum, spec) => sum + widthOf(spec), 0) + (specs.length - 1) * COLUMN_GAP;

	let specs = [...SPECS];
	while (total(specs, spec => spec.min) > available) {
		const droppable = specs.filter(spec => spec.dropOrder !== undefined);
		if (droppable.length === 0) break;
		const next = droppable.reduce((a, b) => ((a.dropOrder ?? 0) <= (b.dropOrder ?? 0) ? a : b));
		specs = specs.filter(spec => spec !== next);
	}

	const widths = new Map(specs.map(spec => [spec.key, spec.ideal]));
	const widthOf = (spec: ColumnSpec) => widths.get(spec.key) ?? spec.min;
	for (const [key, floor] of SHRINK_STEPS) {
		const excess = total(specs, widthOf) - available;
		if (excess <= 0) break;
		const current = widths.get(key);
		if (current === undefined || current <= floor) continue;
		widths.set(key, current - Math.min(excess, current - floor));
	}

	// Spare room goes to Best for, so its text is cut as little as possible.
	const spare = available - total(specs, widthOf);
	if (spare > 0 && widths.has('bestFor')) widths.set('bestFor', (widths.get('bestFor') ?? 0) + spare);

	return specs.map(spec => ({key: spec.key, header: spec.header, width: widthOf(spec)}));
}

export function cellText(model: ModelInfo, key: ColumnKey, region?: RegionId, plainStars = false): string {
	switch (key) {
		case 'id': {
			return model.id;
		}

		case 'name': {
			return model.name;
		}

		case 'alias': {
			return model.alias ?? '-';
		}

		case 'bestFor': {
			return bestForCell(model, plainStars);
		}

		case 'context': {
			return formatTokens(contextWindowFor(model, region));
		}
	}
}
