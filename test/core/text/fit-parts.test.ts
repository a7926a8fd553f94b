import {describe, expect, it} from 'vitest';
import {fitParts, joinParts} from '../../../source/core/text/fit-parts.js';

describe('fitting parts to a width', () => {
	const parts = [
		{forms: ['qwen3-coder-plus'], rank: 100},
		{forms: ['International (Singapore)', 'International', ''], rank: 4},
		{forms: ['ctx 82% · 861k/1.05M', 'ctx 82%'], rank: 7},
	];

	it('keeps every long form while they fit', () => {
		expect(joinParts(fitParts(parts, 80))).toBe('qwen3-coder-plus · International (Singapore) · ctx 82% · 861k/1.05M');
	});

	it('shortens the lowest rank first, one step at a time, and drops it last', () => {
		expect(joinParts(fitParts(parts, 60))).toBe('qwen3-coder-plus · International · ctx 82% · 861k/1.05M');
		expect(joinParts(fitParts(parts, 40))).toBe('qwen3-coder-plus · ctx 82% · 861k/1.05M');
		expect(joinParts(fitParts(parts, 30))).toBe('qwen3-coder-plus · ctx 82%');
	});

	it('stops when nothing can give way: the caller cuts what is left', () => {
		expect(joinParts(fitParts(parts, 10))).toBe('qwen3-coder-plus · ctx 82%');
	});
});
