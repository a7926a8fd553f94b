/**
 * The model picker's state as a reducer over keys: what each key does to the
 * filter and the highlighted row. Picking and cancelling are the picker's to
 * act on; `pickerChoice` says which a key means.
 */
import type {ModelInfo} from '../../core/models.js';
import type {KeyPress} from '../keys/each-key.js';
import {availabilityOf, selectableModels, tableLines} from '../../core/model-table.js';

export type PickerState = {
	readonly filter: string;
	/** The highlighted model; kept while a filter matches nothing, so clearing it comes back to the same row. */
	readonly highlightedId: string;
	/** Why Enter did nothing (a retired model, or one the region does not list), until the next move. */
	readonly notice?: string;
	/** A model the region does not list, after one Enter: a second Enter picks it anyway (as `models set --force` would). */
	readonly confirming?: string;
};

export type PickerContext = {
	readonly models: readonly ModelInfo[];
	readonly regionModelIds?: readonly string[];
};

export type PickerAction = {readonly press: KeyPress; readonly context: PickerContext};

export type PickerChoice = {readonly type: 'pick'; readonly modelId: string} | {readonly type: 'cancel'};

const FILTER_CHARACTER = /^[\w .:-]$/;

export function initialPickerState(initialId: string): PickerState {
	return {filter: '', highlightedId: initialId};
}

/** The rows a filter leaves, in table order. */
export function pickerRows(state: PickerState, context: PickerContext): ModelInfo[] {
	return selectableModels(tableLines(context.models, state.filter));
}

/** The highlighted model as drawn: the remembered one while the filter shows it, else the first match. */
export function highlightedModel(state: PickerState, context: PickerContext): ModelInfo | undefined {
	const rows = pickerRows(state, context);
	return rows.find(model => model.id === state.highlightedId) ?? rows[0];
}

/** What a key leaves the picker's state as (one character at a time: j and k move, other letters filter). */
export function pickerReducer(state: PickerState, {press, context}: PickerAction): PickerState {
	const {input, key} = press;
	if (key.upArrow || (input === 'k' && !key.ctrl && !key.meta)) return moveBy(state, -1, context);
	if (key.downArrow || (input === 'j' && !key.ctrl && !key.meta)) return moveBy(state, 1, context);
	if (key.pageUp || key.home) return moveTo(state, () => 0, context);
	if (key.pageDown || key.end) return moveTo(state, count => count - 1, context);
	if (key.return) return withNotice(state, context);
	if (key.escape) return withFilter(state, '', context);
	if (key.backspace || key.delete) return withFilter(state, state.filter.slice(0, -1), context);
	if (!key.ctrl && !key.meta && !key.tab && FILTER_CHARACTER.test(input)) return withFilter(state, state.filter + input, context);
	return state;
}

/**
 * Enter picks the highlighted model, except a retired one; one the region does
 * not list takes a second Enter. Esc with no filter left cancels.
 */
export function pickerChoice(state: PickerState, {press, context}: PickerAction): PickerChoice | undefined {
	if (press.key.escape && state.filter === '') return {type: 'cancel'};
	if (!press.key.return) return undefined;
	const model = highlightedModel(state, context);
	if (!model) return undefined;
	const {kind} = availabilityOf(model, context.regionModelIds);
	if (kind === 'retired' || (kind === 'not_listed' && state.confirming !== model.id)) return undefined;
	return {type: 'pick', modelId: model.id};
}

function withNotice(state: PickerState, context: PickerContext): PickerState {
	const model = highlightedModel(state, context);
	if (!model) return state;
	const availability = availabilityOf(model, context.regionModelIds);
	if (availability.kind === 'retired') return {...state, notice: `${model.id} cannot be picked: ${availability.note}`};
	if (availability.kind === 'not_listed' && state.confirming !== model.id) {
		// The way forward first: the line is cut to the table's width.
		return {...state, notice: `Enter again to pick ${model.id} anyway: your key’s region does not list it.`, confirming: model.id};
	}

	return state;
}

function moveBy(state: PickerState, delta: number, context: PickerContext): PickerState {
	const rows = pickerRows(state, context);
	const at = Math.max(0, rows.findIndex(model => model.id === state.highlightedId));
	return moveTo(state, () => at + delta, context);
}

function moveTo(state: PickerState, target: (count: number) => number, context: PickerContext): PickerState {
	const rows = pickerRows(state, context);
	const model = rows[Math.min(Math.max(target(rows.length), 0), rows.length - 1)];
	if (!model) return state;
	return {filter: state.filter, highlightedId: model.id};
}

/**
 * A new filter keeps the highlighted model when it still matches, else moves
 * to the first match; with no match at all the highlight stays where it was.
 */
function withFilter(state: PickerState, filter: string, context: PickerContext): PickerState {
	if (filter === state.filter) return state;
	const next: PickerState = {filter, highlightedId: state.highlightedId};
	const rows = pickerRows(next, context);
	if (rows.length === 0 || rows.some(model => model.id === state.highlightedId)) return next;
	return {filter, highlightedId: rows[0]!.id};
}
