import {describe, expect, it} from 'vitest';
import {SUMMARY_QUESTION} from '../../../source/core/chat-request.js';
import {
	biggerWindowModel,
	checkSend,
	contextTokens,
	formatMeter,
	formatTokenCount,
	measuredContext,
	windowFor,
} from '../../../source/core/conversation/context-meter.js';

const exchange = (text: string, answer: string) => ({text, images: [], answer});

describe('the context meter', () => {
	it('reads counts at a glance, k and M being thousands and millions', () => {
		expect([812, 5_300, 53_210, 131_072, 999_999, 1_000_000, 1_048_576].map(formatTokenCount)).toEqual(['812', '5.3k', '53k', '131k', '1M', '1M', '1.05M']);
	});

	it('shows the share of the window, rounded down, and just the count when the window is not known', () => {
		expect(formatMeter(53_000, 131_072)).toBe('ctx 40% · 53k/131k');
		expect(formatMeter(32_700, 32_768, true)).toBe('ctx 99%');
		expect(formatMeter(40_000, 32_768, true)).toBe('ctx 122%');
		expect(formatMeter(53_000, undefined)).toBe('ctx 53k');
	});

	it('takes the window by region (qwen-max: 32K abroad, 128K in China); an unknown id has none', () => {
		expect(windowFor('qwen-max', 'intl')).toBe(32_768);
		expect(windowFor('qwen-max', 'cn')).toBe(131_072);
		expect(windowFor('qwen-long-latest', 'intl')).toBeUndefined();
	});

	it('starts from the last request\'s real count (its answer in, its reasoning out) and estimates what came after', () => {
		const measured = measuredContext({promptTokens: 10_000, completionTokens: 600, totalTokens: 10_600, reasoningTokens: 400}, 1);
		expect(measured).toEqual({tokens: 10_200, exchanges: 1});
		const exchanges = [exchange('a', 'b'), exchange('x'.repeat(400), 'y'.repeat(400))];
		expect(contextTokens({provider: 'dashscope', exchanges, measured})).toBe(10_200 + 200);
		// Without a count, the whole conversation is estimated; a failed exchange (no answer) is not sent, so not counted.
		expect(contextTokens({provider: 'dashscope', exchanges: [...exchanges, exchange('z'.repeat(4000), '')]})).toBe(0.5 + 200);
	});

	it('counts a summary in place of the turns it stands in for', () => {
		const exchanges = [exchange('q'.repeat(40_000), 'a'.repeat(40_000)), exchange('last', 'one!')];
		const summary = {text: 's'.repeat(400), turns: 1};
		expect(contextTokens({provider: 'dashscope', exchanges, summary})).toBe(SUMMARY_QUESTION.length / 4 + 100 + 2);
		// A count taken before the compaction no longer applies.
		expect(contextTokens({provider: 'dashscope', exchanges, summary, measured: {tokens: 20_002, exchanges: 0}})).toBe(SUMMARY_QUESTION.length / 4 + 102);
	});
});

describe('before a message is sent', () => {
	const window = 32_768;
	const base = {window, compactable: true, autoCompactHeld: false};

	it('sends it while it fits under 85%', () => {
		expect(checkSend({...base, conversation: 27_000, message: 800})).toEqual({kind: 'send'});
	});

	it('compacts first from 85%, when there are turns to summarise and the conversation itself fits the window', () => {
		expect(checkSend({...base, conversation: 27_000, message: 900})).toEqual({kind: 'compact-first'});
		expect(checkSend({...base, conversation: 27_000, message: 900, compactable: false})).toEqual({kind: 'send'});
		expect(checkSend({...base, conversation: 40_000, message: 10})).toEqual({kind: 'refuse', reason: 'conversation'});
	});

	it('after a compaction that did not shrink enough, sends what fits and refuses the rest without compacting again', () => {
		const held = {...base, autoCompactHeld: true};
		expect(checkSend({...held, conversation: 30_000, message: 100})).toEqual({kind: 'send'});
		expect(checkSend({...held, conversation: 30_000, message: 3000})).toEqual({kind: 'refuse', reason: 'conversation'});
	});

	it('refuses a message bigger than the window whatever the conversation; with no window known, sends', () => {
		expect(checkSend({...base, conversation: 0, message: 35_000})).toEqual({kind: 'refuse', reason: 'message'});
		expect(checkSend({...base, window: undefined, conversation: 9e9, message: 9e9})).toEqual({kind: 'send'});
	});

	it('suggests the registry\'s largest window on the same provider, never a retired model', () => {
		expect(biggerWindowModel('qwen-max', 'dashscope', 'intl')?.id).toBe('qwen3-coder-plus');
		expect(biggerWindowModel('qwen3-coder-plus', 'dashscope', 'intl')).toBeUndefined();
		expect(biggerWindowModel('coder-model', 'portal', undefined)).toBeUndefined();
	});
});
