/**
 * `openclaw models list`: the curated registry, grouped like the guide's tables;
 * only the portal's two models when Qwen OAuth is the login in effect.
 */
import stringWidth from 'string-width';
import {OAUTH_PROFILE_ID} from '../core/auth-profiles.js';
import {loadCredential} from '../core/key-sources.js';
import {command, PORTAL_DISCONTINUED} from '../core/messages.js';
import {
	CATEGORY_LABELS,
	CATEGORY_ORDER,
	MODELS,
	modelsFor,
	portalModelIds,
	RECOMMENDED_MODEL_ID,
	starRating,
	toModelRef,
	type ModelInfo,
} from '../core/models.js';
import {availabilityOf, cellText, COLUMN_GAP, CURSOR_WIDTH, fitColumns, formatTokens} from '../core/model-table.js';
import {fitCells} from '../core/text/fit-cells.js';
import {wrapWords} from '../core/text/wrap.js';
import type {CommandContext} from '../cli/context.js';
import {isOAuthActive, portalDiscontinuedLine, switchToApiKeyLine} from '../cli/oauth-active.js';
import {terminalWidth} from '../cli/terminal-width.js';
import {formatTable} from '../cli/text-table.js';

function contextLabel(model: ModelInfo): string {
	const byRegion = Object.entries(model.contextWindowByRegion ?? {})
		.map(([region, tokens]) => `${region} ${formatTokens(tokens)}`)
		.join(', ');
	return byRegion ? `${formatTokens(model.contextWindow)} (${byRegion})` : formatTokens(model.contextWindow);
}

function statusLabel(model: ModelInfo, today = new Date()): string {
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
		ref: toModelRef(model.id),
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
	const oauth = oauthInEffect(context);
	if (options.json) {
		const listed = oauth ? modelsFor('portal') : MODELS;
		context.print(
			JSON.stringify(
				{models: listed.map(model => modelJson(model)), ...(oauth ? {onlyPortalModels: true, note: portalOnlyNote()} : {})},
				null,
				2,
			),
		);
		return 0;
	}

	const {out} = context;
	// Emoji stars on a terminal; plain asterisks where output is piped or saved.
	const plainStars = context.stdout.isTTY !== true;
	const models = oauth ? modelsFor('portal') : modelsFor('dashscope');
	const groups = CATEGORY_ORDER.map(category => ({
		label: CATEGORY_LABELS[category],
		models: models.filter(model => model.category === category),
	})).filter(group => group.models.length > 0);
	const width = terminalWidth(context.stdout, context.env);
	const wide = wideTable(groups, plainStars);
	const table = width !== undefined && wide.some(line => stringWidth(line) > width) ? narrowTable(groups, width, plainStars) : undefined;
	const lines = table?.lines ?? wide;

	context.print(out.bold(lines[0] ?? ''));
	let lineIndex = 1;
	for (const [groupIndex, group] of groups.entries()) {
		context.print(`${groupIndex === 0 ? '' : '\n'}${out.bold(group.label)}`);
		for (const model of group.models) {
			const line = lines[lineIndex++] ?? '';
			context.print(model.status.state === 'active' ? line : out.dim(line));
		}
	}

	const fit = (text: string) => (table && width !== undefined ? wrapWords(text, width, {longWords: 'keep'}) : [text]);
	const footer = (text: string, style: (text: string) => string = line => line) => {
		for (const line of fit(text)) context.print(style(line));
	};

	context.print();
	if (table && table.notes.length > 0) {
		for (const note of table.notes) footer(note, out.dim);
		context.print();
	}

	if (oauth) {
		footer(portalOnlyNote());
		footer(portalDiscontinuedLine(), out.yellow);
		footer(switchToApiKeyLine());
		return 0;
	}

	footer(`Recommended: ${RECOMMENDED_MODEL_ID}. Aliases match case-insensitively: ${command('chat --model qwen ')}"…"`);
	footer(`Qwen OAuth portal models: ${portalModelIds().join(', ')}. ${PORTAL_DISCONTINUED}`, out.dim);
	footer(`Your key can reach more models than these: ${command('models status --probe')} lists the count.`, out.dim);
	return 0;
}

type Group = {label: string; models: ModelInfo[]};

/** One table for all groups so the columns line up across them; first line is the header. */
function wideTable(groups: readonly Group[], plainStars: boolean): string[] {
	const header = ['ID', 'NAME', 'ALIAS', 'BEST FOR', 'INPUT', 'CONTEXT', 'STATUS'];
	const rowFor = (model: ModelInfo) => [
		model.id,
		model.name,
		model.alias ?? '-',
		`${model.bestFor} ${starRating(model.stars, plainStars)}`,
		model.input.join('+'),
		contextLabel(model),
		statusLabel(model),
	];
	return formatTable([header, ...groups.flatMap(group => group.models.map(rowFor))], '  ');
}

/**
 * The wizard's picker layout (its fitColumns drops Name, Alias, Context in
 * turn and shrinks Best for) with the availability mark in front of a row;
 * what a mark means goes in notes under the table.
 */
function narrowTable(groups: readonly Group[], width: number, plainStars: boolean): {lines: string[]; notes: string[]} {
	const columns = fitColumns(width);
	const gap = ' '.repeat(COLUMN_GAP);
	const join = (cells: string[]) =>
		cells
			.map((cell, index) => fitCells(cell, columns[index]?.width ?? 0))
			.join(gap)
			.trimEnd();
	const lines = [' '.repeat(CURSOR_WIDTH) + join(columns.map(column => column.header.toUpperCase()))];
	const notes: string[] = [];
	for (const model of groups.flatMap(group => group.models)) {
		const availability = availabilityOf(model);
		const mark = availability.kind === 'ok' ? ' ' : availability.mark;
		if (availability.kind !== 'ok') notes.push(`${availability.mark} ${model.id}: ${availability.note}`);
		const cells = columns.map(column =>
			cellText(model, column.key, undefined, plainStars),
		);
		lines.push(` ${mark} ${join(cells)}`.trimEnd());
	}

	return {lines, notes};
}

/** Whether Qwen OAuth is the credential in effect; a broken file only hides that (other commands name it). */
function oauthInEffect(context: CommandContext): boolean {
	try {
		return isOAuthActive({credential: loadCredential(context.env)});
	} catch {
		return false;
	}
}

function portalOnlyNote(): string {
	return `Signed in with Qwen OAuth (profile ${OAUTH_PROFILE_ID}): only the portal's models (${portalModelIds().join(', ')}) are listed, since the portal serves no others.`;
}
