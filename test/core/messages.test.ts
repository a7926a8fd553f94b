import {describe, expect, it} from 'vitest';
import {outputLimitNote, thinkingCostNote} from '../../source/core/messages.js';

describe('what thinking costs', () => {
	it('names the thinking rate against the answer\'s, at the first input tier, with the date of the prices', () => {
		expect(thinkingCostNote('qwen-plus', 'intl')).toBe(
			'Thinking on qwen-plus bills all output, reasoning included, at $4 per 1M tokens instead of $1.2 (input ≤256K), prices as of 2026-10.',
		);
		expect(thinkingCostNote('qwen-plus', 'cn')).toContain('at ¥8 per 1M tokens instead of ¥2 (input ≤128K)');
	});

	it('says so where thinking is billed as output, where a model does not think, and where no price is known', () => {
		expect(thinkingCostNote('qwen3-max', 'intl')).toBe('Thinking on qwen3-max is billed as output, $6 per 1M tokens (input ≤32K), prices as of 2026-10: the reasoning adds output tokens.');
		expect(thinkingCostNote('qwen3-coder-plus', 'intl')).toMatch(/^qwen3-coder-plus has no thinking mode; it applies to qwen3-max, qwen-plus, qwen3-vl-plus\.$/);
		expect(thinkingCostNote('qwen-plus', 'us')).toBe('No price is known for thinking on qwen-plus in US (Virginia); the reasoning counts as output tokens.');
		expect(thinkingCostNote('qwen-plus', undefined)).toContain('on this endpoint');
	});
});

it('marks an answer cut at the output limit with its tokens', () => {
	expect(outputLimitNote(8192)).toBe('stopped at the output limit (8192 tokens)');
	expect(outputLimitNote(1)).toBe('stopped at the output limit (1 token)');
	expect(outputLimitNote(undefined)).toBe('stopped at the output limit');
});
