import {afterEach, describe, expect, test, vi} from 'vitest';
import {modelsFor, type ModelInfo} from '../../../source/core/models.js';
import {ModelPicker} from '../../../source/ui/components/model-picker.js';
import {KEYS, renderTerminal, type Terminal} from '../../support/ink-terminal.js';

const INTL_IDS = ['qwen3-coder-plus', 'qwen3-coder-flash', 'qwen3-max', 'qwen-max', 'qwen-plus', 'qwen3-vl-plus'];

let terminal: Terminal | undefined;
afterEach(() => {
	terminal?.unmount();
	terminal = undefined;
});

async function picker(
	options: {width?: number; height?: number; regionModelIds?: string[]; models?: readonly ModelInfo[]; initialId?: string} = {},
) {
	const onPick = vi.fn();
	const onCancel = vi.fn();
	const width = options.width ?? 78;
	terminal = await renderTerminal(
		<ModelPicker
			models={options.models ?? modelsFor('dashscope')}
			regionModelIds={options.regionModelIds}
			initialId={options.initialId ?? 'qwen3-coder-plus'}
			width={width}
			height={options.height ?? 18}
			onPick={onPick}
			onCancel={onCancel}
		/>,
		{columns: width + 2},
	);
	return {t: terminal, onPick, onCancel};
}

const highlightedRow = (frame: string) => frame.split('\n').find(line => line.includes('❯')) ?? '';

describe('ModelPicker', () => {
	test('a grouped table with ID, Name, Alias, Best for and Context that starts on qwen3-coder-plus', async () => {
		const {t, onPick} = await picker({regionModelIds: INTL_IDS});
		const frame = t.frame();
		expect(frame).toMatch(/ID\s+Name\s+Alias\s+Best for\s+Context/);
		expect(frame.indexOf('Coding')).toBeLessThan(frame.indexOf('General'));
		expect(frame.indexOf('General')).toBeLessThan(frame.indexOf('Vision'));
		expect(highlightedRow(frame)).toMatch(/qwen3-coder-plus\s+Qwen3 Coder Pl…\s+qwen3-coder\s+★★★★★ Latest coding/);
		expect(frame).toContain('Qwen3 Coder Plus: text in · 1,048,576 tokens context · 65,536 max output');
		await t.press(KEYS.enter);
		expect(onPick).toHaveBeenCalledWith('qwen3-coder-plus');
	});

	test('arrows and j/k move; the detail line follows', async () => {
		const {t, onPick} = await picker();
		await t.press(KEYS.down, 'j', 'j');
		expect(highlightedRow(t.frame())).toContain('qwen3-max');
		expect(t.frame()).toContain('Qwen3 Max: text in · 262,144 tokens context');
		await t.press('k', KEYS.up);
		expect(highlightedRow(t.frame())).toContain('qwen-coder-plus');
		await t.press(KEYS.enter);
		expect(onPick).toHaveBeenCalledWith('qwen-coder-plus');
	});

	test('typing filters; Esc clears the filter, then cancels', async () => {
		const {t, onPick, onCancel} = await picker();
		await t.type('vl');
		expect(t.frame()).toContain('Filter: vl');
		expect(t.frame()).not.toContain('qwen3-max');
		expect(highlightedRow(t.frame())).toContain('qwen3-vl-plus');
		expect(t.frame()).toContain('text + images in');
		await t.press(KEYS.enter);
		expect(onPick).toHaveBeenCalledWith('qwen3-vl-plus');
		await t.press(KEYS.escape);
		expect(t.frame()).toContain('qwen3-max');
		expect(onCancel).not.toHaveBeenCalled();
		await t.press(KEYS.escape);
		expect(onCancel).toHaveBeenCalledOnce();
	});

	test('retired rows are marked, explained with their replacement, and cannot be picked', async () => {
		const {t, onPick} = await picker({regionModelIds: INTL_IDS});
		await t.type('turbo');
		// The cursor and the mark each have a cell of their own.
		expect(highlightedRow(t.frame())).toMatch(/❯ ✗ qwen-turbo/);
		expect(t.frame()).toContain('Retired 2026-10-10; use qwen-flash instead.');
		await t.press(KEYS.enter);
		expect(onPick).not.toHaveBeenCalled();
		expect(t.frame()).toContain('qwen-turbo cannot be picked');
	});

	test('rows the region did not list are marked and explained, and take a second Enter to pick', async () => {
		const {t, onPick} = await picker({regionModelIds: INTL_IDS});
		await t.press(KEYS.down);
		expect(highlightedRow(t.frame())).toMatch(/❯ \? qwen-coder-plus/);
		expect(t.frame()).toContain('Not in the models your key’s region lists');
		expect(t.frame()).toContain('? not listed by your region');
		await t.press(KEYS.enter);
		expect(onPick).not.toHaveBeenCalled();
		expect(t.frame()).toContain('Enter again to pick qwen-coder-plus anyway: your key’s region does not list it.');
		// Moving away and back asks again.
		await t.press(KEYS.down);
		await t.press(KEYS.up);
		await t.press(KEYS.enter);
		expect(onPick).not.toHaveBeenCalled();
		await t.press(KEYS.enter);
		expect(onPick).toHaveBeenCalledWith('qwen-coder-plus');
	});

	test('two Enters in one write pick a model the region did not list, as two presses do', async () => {
		const {t, onPick} = await picker({regionModelIds: INTL_IDS, initialId: 'qwen-coder-plus'});
		await t.press('\r\r');
		expect(onPick).toHaveBeenCalledWith('qwen-coder-plus');
	});

	test('fits 80 columns, and a narrow terminal drops the Name column rather than wrapping', async () => {
		const wide = await picker({width: 78});
		for (const line of wide.t.frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
		wide.t.unmount();
		terminal = undefined;
		const narrow = await picker({width: 48});
		const frame = narrow.t.frame();
		expect(frame).not.toContain('Name');
		expect(highlightedRow(frame)).toMatch(/qwen3-coder-plus/);
		for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(50);
	});

	test('a short terminal scrolls the table to keep the highlighted row in view', async () => {
		const {t} = await picker({height: 9});
		expect(t.frame()).not.toContain('qwen-vl-plus');
		for (let index = 0; index < 8; index++) await t.press('j');
		expect(highlightedRow(t.frame())).toContain('qwen-vl-plus');
		expect(t.frame()).not.toContain('qwen3-coder-plus');
	});

	test('under Qwen OAuth (modelsFor(\'portal\')) the picker offers only the two portal models', async () => {
		const {t, onPick} = await picker({models: modelsFor('portal'), initialId: 'coder-model'});
		const frame = t.frame();
		expect(highlightedRow(frame)).toContain('coder-model');
		expect(frame).toContain('vision-model');
		expect(frame).not.toContain('qwen3-coder-plus');
		expect(frame).not.toContain('qwen-plus');
		await t.type('qwen3');
		expect(t.frame()).not.toContain('qwen3-');
		await t.press(KEYS.escape, 'j', KEYS.enter);
		expect(onPick).toHaveBeenCalledWith('vision-model');
	});

	describe('keys that arrive together', () => {
		test('"jj" in one chunk moves down twice instead of filtering', async () => {
			const {t} = await picker();
			await t.press('jj');
			expect(highlightedRow(t.frame())).toContain('qwen3-coder-flash');
			expect(t.frame()).toContain('Filter: type to filter');
		});

		test('every key of a chunk counts, in order: filter letters, a move, then Enter', async () => {
			const {t, onPick} = await picker();
			await t.press(`max${KEYS.down}${KEYS.enter}`);
			expect(onPick).toHaveBeenCalledWith('qwen-max');
		});

		test('two Downs and an Enter in one write pick the row two below', async () => {
			const {t, onPick} = await picker();
			await t.press(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
			expect(onPick).toHaveBeenCalledWith('qwen3-coder-flash');
		});
	});

	test('Esc on a filter keeps the highlighted model', async () => {
		const {t} = await picker();
		await t.type('max');
		await t.press('j');
		expect(highlightedRow(t.frame())).toContain('qwen-max');
		await t.press(KEYS.escape);
		expect(t.frame()).toContain('Filter: type to filter');
		expect(highlightedRow(t.frame())).toContain('qwen-max');
	});

	test('a filter that matches nothing keeps the highlight for when it is cleared', async () => {
		const {t} = await picker({initialId: 'qwen-plus'});
		await t.type('zz');
		expect(t.frame()).toContain('no model matches');
		await t.press(KEYS.backspace, KEYS.backspace);
		expect(highlightedRow(t.frame())).toContain('qwen-plus');
	});
});
