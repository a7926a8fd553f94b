/**
 * `openclaw models list`: the curated registry, grouped like the seed's tables.
 */
import {
	CATEGORY_LABELS,
	CATEGORY_ORDER,
	MODELS,
	RECOMMENDED_MODEL_ID,
	starRating,
	type ModelInfo,
} from '../core/models.js';
import type {CommandContext} from './context.js';
import {formatTable} from './text-table.js';

export function formatTokens(tokens: number): string {
	if (tokens % 1_048_576 === 0) return `${tokens / 1_048_576}M`;
	if (tokens % 1_000_000 === 0) return `${tokens / 1_000_000}M`;
	if (tokens % 1024 === 0) return `${tokens / 1024}K`;
	return `${Math.round(tokens / 1000)}K`;
}

export function contextLabel(model: ModelInfo): string {
	const byRegion = Object.entries(model.contextWindowByRegion ?? {})
		.map(([region, tokens]) => `${region} ${formatTokens(tokens)}`)
		.join(', ');
	return byRegion ? `${formatTokens(model.contextWindow)} (${byRegion})` : formatTokens(model.contextWindow);
}

export function statusLabel(model: ModelInfo, today = new Date()): string {
	const status = model.status;
	switch (status.state) {
		case 'active':
			return 'active';
		case 'legacy':
			return 'legacy';
		case 'retired': {
			const verb = new Date(status.date) <= today ? 'retired' : 'retires';
			return `${verb} ${status.date} → ${status.replacement}`;
		}
	}
}

function modelJson(model: ModelInfo) {
	return {
		id: model.id,
		ref: `qwen-portal/${model.id}`,
		name: model.name,
		alias: model.alias ?? null,
		provider: model.provider,
		category: model.category,
		bestFor: model.bestFor,
		stars: model.stars,
		input: model.input,
		contextWindow: model.contextWindow,
		contextWindowByRegion: model.contextWindowByRegion ?? null,
		maxTokens: model.maxTokens,
		thinking: model.thinking,
		recommended: model.id === RECOMMENDED_MODEL_ID,
		status: model.status,
	};
}

export function runModelsList(context: CommandContext, options: {json?: boolean}): number {
	if (options.json) {
		context.print(JSON.stringify({models: MODELS.map(model => modelJson(model))}, null, 2));
		return 0;
	}

	const {out} = context;
	// Emoji stars on a terminal; plain asterisks where output is piped or saved.
	const plainStars = context.stdout.isTTY !== true;
	const header = ['ID', 'NAME', 'ALIAS', 'BEST FOR', 'INPUT', 'CONTEXT', 'STATUS'];
	const groups = CATEGORY_ORDER.map(category => ({
		label: CATEGORY_LABELS[category],
		models: MODELS.filter(model => model.provider === 'dashscope' && model.category === category),
	})).filter(group => group.models.length > 0);
	const rowFor = (model: ModelInfo) => [
		model.id,
		model.name,
		model.alias ?? '-',
		`${model.bestFor} ${starRating(model, plainStars)}`,
		model.input.join('+'),
		contextLabel(model),
		statusLabel(model),
	];
	// One table for all groups so the columns line up across them.
	const lines = formatTable([header, ...groups.flatMap(group => group.models.map(rowFor))], '  ');
	context.print(out.bold(lines[0] ?? ''));
	let lineIndex = 1;
	for (const [groupIndex, group] of groups.entries()) {
		context.print(`${groupIndex === 0 ? '' : '\n'}${out.bold(group.label)}`);
		for (const model of group.models) {
			const line = lines[lineIndex++] ?? '';
			context.print(model.status.state === 'active' ? line : out.dim(line));
		}
	}
	context.print();
	context.print(`Recommended: ${RECOMMENDED_MODEL_ID}. Aliases match case-insensitively: openclaw chat --model qwen "…"`);
	context.print(
		out.dim('Qwen OAuth portal models (free tier discontinued 2026-04-15): coder-model, vision-model.'),
	);
	context.print(out.dim('Your key can reach more models than these: openclaw models status --probe lists the count.'));
	return 0;
}
