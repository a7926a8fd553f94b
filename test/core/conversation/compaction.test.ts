import {describe, expect, it} from 'vitest';
import {SUMMARY_QUESTION} from '../../../source/core/chat-request.js';
import {compactionMessages, compactionPlan, compactionVerdict} from '../../../source/core/conversation/compaction.js';

const exchange = (text: string, answer = `answer to ${text}`) => ({text, images: [], answer});

describe('what a compaction summarises', () => {
	it('the older turns, keeping the last one as it is; a single turn is summarised whole', () => {
		expect(compactionPlan([exchange('1'), exchange('2'), exchange('3')], undefined)).toEqual({from: 0, to: 2});
		expect(compactionPlan([exchange('1')], undefined)).toEqual({from: 0, to: 1});
	});

	it('only what came after the last summary, and nothing when that holds no answer', () => {
		const summary = {text: 'S', turns: 2};
		expect(compactionPlan([exchange('1'), exchange('2'), exchange('3'), exchange('4')], summary)).toEqual({from: 2, to: 3});
		expect(compactionPlan([exchange('1'), exchange('2')], summary)).toBeUndefined();
		expect(compactionPlan([exchange('1', '')], undefined)).toBeUndefined();
		expect(compactionPlan([], undefined)).toBeUndefined();
	});

	it('asks with the earlier summary first, the turns (images named, not sent), then what to keep', () => {
		const withImage = {text: 'look', images: [{path: '/tmp/cat.png', dataUrl: 'data:image/png;base64,AAAA'}], answer: 'a cat'};
		const messages = compactionMessages({
			provider: 'dashscope',
			exchanges: [exchange('1'), withImage, exchange('3')],
			summary: {text: 'S', turns: 1},
			plan: {from: 1, to: 2},
			keep: 'the cat',
		});
		expect(messages.map(message => message.content)).toEqual([
			SUMMARY_QUESTION,
			'S',
			'[image cat.png was attached here]\nlook',
			'a cat',
			expect.stringMatching(/^Summarise our conversation so far .* Keep in particular: the cat\.$/),
		]);
	});
});

describe('how a compaction turned out', () => {
	it('compacted when it saves a fifth and gets under 85%; not enough otherwise; longer when it saves nothing', () => {
		expect(compactionVerdict(28_000, 2_000, 32_768)).toBe('compacted');
		expect(compactionVerdict(28_000, 24_000, 32_768)).toBe('not-enough');
		expect(compactionVerdict(40_000, 28_000, 32_768)).toBe('not-enough');
		expect(compactionVerdict(28_000, 28_000, 32_768)).toBe('longer');
		expect(compactionVerdict(900, 100, undefined)).toBe('compacted');
	});
});
