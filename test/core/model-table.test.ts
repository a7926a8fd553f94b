import {describe, expect, test} from 'vitest';
import {findModel, modelsFor} from '../../source/core/models.js';
import {
	availabilityOf,
	CURSOR_WIDTH,
	COLUMN_GAP,
	detailLine,
	fitColumns,
	formatTokens,
	tableLines,
} from '../../source/core/model-table.js';

const dashscope = modelsFor('dashscope');
const model = (id: string) => {
	const found = findModel(id);
	if (!found) throw new Error(id);
	return found;
};

const tableWidth = (columns: ReturnType<typeof fitColumns>) =>
	CURSOR_WIDTH + columns.reduce((sum, column) => sum + column.width, 0) + (columns.length - 1) * COLUMN_GAP;

describe('model table', () => {
	test('groups Coding, General, Vision in that order and filters across id, name, alias and use', () => {
		const groups = tableLines(dashscope, '').filter(line => line.type === 'group');
		expect(groups.map(line => line.type === 'group' && line.label)).toEqual(['Coding', 'General', 'Vision']);
		const ids = (filter: string) => tableLines(dashscope, filter).flatMap(line => (line.type === 'model' ? [line.model.id] : []));
		expect(ids('vision')).toEqual(['qwen3-vl-plus', 'qwen-vl-plus']);
		expect(ids('QWEN3-CODER')).toEqual(['qwen3-coder-plus', 'qwen3-coder-flash']);
		expect(ids('reasoning')).toEqual(['qwen-max']);
		expect(ids('nothing like it')).toEqual([]);
	});

	test('retired rows name their replacement; unlisted rows are marked only when the region list is known', () => {
		expect(availabilityOf(model('qwen-turbo'), ['qwen-turbo'])).toMatchObject({kind: 'retired', note: expect.stringContaining('qwen-flash')});
		expect(availabilityOf(model('qwen-vl-plus'))).toMatchObject({kind: 'retired', note: expect.stringContaining('qwen3-vl-plus')});
		expect(availabilityOf(model('qwen-max'), ['qwen-plus'])).toMatchObject({kind: 'not_listed'});
		expect(availabilityOf(model('qwen-max'))).toEqual({kind: 'ok'});
		expect(availabilityOf(model('qwen-coder-plus'), ['qwen-coder-plus'])).toMatchObject({kind: 'legacy'});
	});

	test('all five columns fit 80 columns; narrower terminals drop Name, then Alias', () => {
		for (const width of [120, 100, 78, 60, 48]) {
			expect(tableWidth(fitColumns(width))).toBeLessThanOrEqual(width);
		}

		expect(fitColumns(78).map(column => column.key)).toEqual(['id', 'name', 'alias', 'bestFor', 'context']);
		expect(fitColumns(78).find(column => column.key === 'id')?.width).toBe(17);
		expect(fitColumns(58).map(column => column.key)).toEqual(['id', 'alias', 'bestFor', 'context']);
		expect(fitColumns(48).map(column => column.key)).toEqual(['id', 'bestFor', 'context']);
	});

	test('context sizes read like the docs, and the detail line gives input types and limits', () => {
		expect(formatTokens(1_048_576)).toBe('1M');
		expect(formatTokens(1_000_000)).toBe('1M');
		expect(formatTokens(262_144)).toBe('256K');
		expect(formatTokens(128_000)).toBe('128K');
		expect(detailLine(model('qwen3-vl-plus'))).toBe(
			'Qwen3 Vision Plus: text + images in · 262,144 tokens context · 32,768 max output · thinking mode',
		);
		expect(detailLine(model('qwen-max'), 'cn')).toContain('131,072 tokens context');
	});
});
