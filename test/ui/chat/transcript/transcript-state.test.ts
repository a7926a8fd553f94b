import {describe, expect, it} from 'vitest';
import {chatReducer, initialChatState, type ChatAction, type ChatState} from '../../../../source/ui/chat/transcript/transcript-state.js';

const run = (actions: ChatAction[], state: ChatState = initialChatState) => actions.reduce(chatReducer, state);
const send = (text: string, at = 0): ChatAction => ({type: 'send', text, images: [], model: 'qwen-plus', at});
const delta = (content: string, at = 10, reasoning = ''): ChatAction => ({type: 'delta', content, reasoning, at});

describe('chatReducer', () => {
	it('moves finished blocks of a streaming answer to the entries and keeps the rest live', () => {
		const state = run([send('q'), delta('First paragraph.\n\nSecond '), delta('paragraph')]);
		expect(state.entries.map(entry => entry.kind)).toEqual(['user', 'answer']);
		expect(state.entries[1]).toMatchObject({markdown: 'First paragraph.\n\n'});
		expect(state.live?.liveAnswer).toBe('Second paragraph');
		expect(state.live?.exchange.answer).toBe('First paragraph.\n\nSecond paragraph');
	});

	it('writes the live rest out when the answer ends and records stats from usage', () => {
		const state = run([
			send('q', 1000),
			delta('Hello ', 1200),
			delta('world', 1700),
			{type: 'usage', usage: {promptTokens: 7, completionTokens: 50}},
			{type: 'end', at: 2200, outcome: 'done'},
		]);
		expect(state.live).toBeUndefined();
		expect(state.entries.at(-1)).toMatchObject({kind: 'answer', markdown: 'Hello world'});
		expect(state.lastAnswer).toEqual({
			model: 'qwen-plus',
			usage: {promptTokens: 7, completionTokens: 50},
			timeToFirstTokenMs: 200,
			tokensPerSecond: 50,
		});
		expect(state.exchanges).toHaveLength(1);
	});

	it('marks an interrupted answer and keeps what arrived', () => {
		const state = run([send('q'), delta('partial'), {type: 'end', at: 20, outcome: 'interrupted'}]);
		expect(state.entries.slice(-2).map(entry => entry.kind)).toEqual(['answer', 'interrupted']);
		expect(state.exchanges[0]).toMatchObject({answer: 'partial', outcome: 'interrupted'});
	});

	it('keeps reasoning in its own entry, before the answer and out of it', () => {
		const state = run([send('q'), delta('', 10, 'Let me think. '), delta('', 11, 'Done.'), delta('Answer.', 12)]);
		expect(state.entries.map(entry => entry.kind)).toEqual(['user', 'reasoning']);
		expect(state.entries[1]).toMatchObject({text: 'Let me think. Done.', collapsed: true});
		expect(state.live?.exchange.answer).toBe('Answer.');
	});

	it('a failed request ends the turn with the error and no answer', () => {
		const error = {kind: 'rate_limited', title: 'Rate limited', message: 'm', nextStep: 'n'} as const;
		const state = run([send('q'), {type: 'fail', at: 5, error}]);
		expect(state.entries.at(-1)).toMatchObject({kind: 'error', error});
		expect(state.exchanges[0]).toMatchObject({outcome: 'failed', answer: ''});
	});

	it('ignores a second send while an answer streams, and /clear while streaming', () => {
		const streaming = run([send('one')]);
		expect(run([send('two'), {type: 'clear'}], streaming)).toBe(streaming);
	});

	it('expanding thinking writes the last reasoning out in full', () => {
		const done = run([send('q'), delta('', 10, 'deep thoughts'), delta('A.', 11), {type: 'end', at: 12, outcome: 'done'}]);
		const expanded = chatReducer(done, {type: 'toggle-reasoning'});
		expect(expanded.reasoningCollapsed).toBe(false);
		expect(expanded.entries.at(-1)).toMatchObject({kind: 'reasoning', text: 'deep thoughts', collapsed: false});
		expect(chatReducer(expanded, {type: 'toggle-reasoning'}).entries).toHaveLength(expanded.entries.length);
	});

	it('does not re-lex a long unbroken paragraph on every delta', () => {
		let state = run([send('q')]);
		for (let index = 0; index < 2000; index++) state = chatReducer(state, delta('word '.repeat(20)));
		expect(state.live?.liveAnswer.length).toBe(200_000);
		expect(state.entries).toHaveLength(1);
	});
});
