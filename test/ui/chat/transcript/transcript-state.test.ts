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
			{type: 'usage', usage: {promptTokens: 7, completionTokens: 50, totalTokens: 57}},
			{type: 'end', at: 2200, outcome: 'done', finishReason: 'stop'},
		]);
		expect(state.live).toBeUndefined();
		expect(state.entries.at(-1)).toMatchObject({kind: 'answer', markdown: 'Hello world'});
		expect(state.lastAnswer).toEqual({
			request: {model: 'qwen-plus', thinking: false, finishReason: 'stop', usage: {promptTokens: 7, completionTokens: 50, totalTokens: 57}},
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

	it('keeps reasoning live while the answer starts, and writes it out just before the first finished block', () => {
		const thinking = run([send('q'), delta('', 10, 'Let me think. '), delta('', 11, 'Done.'), delta('Answer', 12)]);
		expect(thinking.entries.map(entry => entry.kind)).toEqual(['user']);
		expect(thinking.live).toMatchObject({reasoningDone: false, exchange: {reasoning: 'Let me think. Done.', answer: 'Answer'}});

		const state = run([delta(' one.\n\nTwo', 13)], thinking);
		expect(state.entries.map(entry => entry.kind)).toEqual(['user', 'reasoning', 'answer']);
		expect(state.entries[1]).toMatchObject({text: 'Let me think. Done.', collapsed: true});
		expect(state.live?.reasoningDone).toBe(true);
	});

	it('Ctrl+O opens and closes live reasoning in place; the block goes out as it is shown then', () => {
		const thinking = run([send('q'), delta('', 10, 'deep thoughts'), delta('A.', 11)]);
		const expanded = chatReducer(thinking, {type: 'toggle-reasoning'});
		expect(expanded).toMatchObject({reasoningCollapsed: false, reasoningForNextAnswer: false});
		expect(expanded.entries).toHaveLength(thinking.entries.length);
		const done = chatReducer(expanded, {type: 'end', at: 12, outcome: 'done'});
		expect(done.entries.filter(entry => entry.kind === 'reasoning')).toEqual([expect.objectContaining({text: 'deep thoughts', collapsed: false})]);
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

	it('after the reasoning is in scrollback, Ctrl+O writes nothing and applies from the next answer', () => {
		const done = run([send('q'), delta('', 10, 'deep thoughts'), delta('A.', 11), {type: 'end', at: 12, outcome: 'done'}]);
		let state = done;
		for (let press = 0; press < 5; press++) state = chatReducer(state, {type: 'toggle-reasoning'});
		expect(state.entries).toBe(done.entries);
		expect(state).toMatchObject({reasoningCollapsed: false, reasoningForNextAnswer: true});

		const next = run([send('again', 20), delta('', 21, 'more thoughts'), {type: 'end', at: 22, outcome: 'done'}], state);
		expect(next.reasoningForNextAnswer).toBe(false);
		expect(next.entries.filter(entry => entry.kind === 'reasoning').map(entry => entry.kind === 'reasoning' && entry.collapsed)).toEqual([true, false]);
	});

	it('counts the tokens of a streaming answer from its text until usage arrives', () => {
		const state = run([send('q'), delta('abcd'.repeat(10), 10, 'efgh'.repeat(5)), delta('你好', 11)]);
		expect(state.live?.estimatedTokens).toBe(17);
	});

	it('does not re-lex a long unbroken paragraph on every delta', () => {
		let state = run([send('q')]);
		for (let index = 0; index < 2000; index++) state = chatReducer(state, delta('word '.repeat(20)));
		expect(state.live?.liveAnswer.length).toBe(200_000);
		expect(state.entries).toHaveLength(1);
	});

	it('marks an answer cut at the output limit, with its output tokens, after the answer', () => {
		const state = run([
			send('q'),
			delta('Half of it'),
			{type: 'usage', usage: {promptTokens: 10, completionTokens: 8192, totalTokens: 8202}},
			{type: 'end', at: 20, outcome: 'done', finishReason: 'length'},
		]);
		expect(state.entries.slice(-2)).toMatchObject([{kind: 'answer'}, {kind: 'cut-off', tokens: 8192}]);
		expect(state.exchanges[0]?.metered).toMatchObject({finishReason: 'length'});
	});

	it('keeps the context as the service counted it: the answer joins it, its reasoning does not', () => {
		const usage = {promptTokens: 1000, completionTokens: 300, totalTokens: 1300, reasoningTokens: 100};
		const state = run([send('q', 0), delta('a'), {type: 'usage', usage}, {type: 'end', at: 5, outcome: 'done'}]);
		expect(state.measured).toEqual({tokens: 1200, exchanges: 1});
		// An edited prompt replaces the exchange that count covered.
		expect(run([{type: 'send', text: 'edited', images: [], model: 'qwen-plus', at: 6, replacesLast: true}], state).measured).toBeUndefined();
	});

	it('adds up the conversation\'s cost, compactions included, per currency, and starts afresh on /clear', () => {
		const usage = {promptTokens: 1_000_000, completionTokens: 0, totalTokens: 1_000_000};
		const answered = run([
			{type: 'send', text: 'q', images: [], model: 'qwen-plus', at: 0, setting: {region: 'intl', thinking: false}},
			{type: 'usage', usage},
			{type: 'end', at: 5, outcome: 'done'},
			{type: 'compaction-started', at: 6, auto: false},
			{type: 'compaction-ended', outcome: 'done', request: {model: 'qwen-plus', region: 'cn', thinking: false, usage}},
		]);
		// 1M input tokens: qwen-plus's top tier in both regions, $1.2 and ¥4.8 per 1M.
		expect(answered.usage.requests).toBe(2);
		expect(answered.usage.costs.USD).toBeCloseTo(1.2, 10);
		expect(answered.usage.costs.CNY).toBeCloseTo(4.8, 10);
		expect(answered.lastRun).toEqual({what: 'compaction', outcome: 'done'});
		expect(run([{type: 'clear'}], answered).usage).toEqual({costs: {}, unpriced: 0, requests: 0});
	});

	it('while a summary is written nothing else starts; once used, it stands in for the first turns', () => {
		const answered = run([send('one'), delta('1'), {type: 'end', at: 1, outcome: 'done'}, send('two', 2), delta('2'), {type: 'end', at: 3, outcome: 'done'}]);
		const compacting = run([{type: 'compaction-started', at: 4, auto: true}], answered);
		expect(run([send('three', 5), {type: 'clear'}], compacting)).toBe(compacting);
		const compacted = run([{type: 'compaction-ended', outcome: 'done'}, {type: 'compacted', summary: {text: 'S', turns: 1}, holdAuto: true}], compacting);
		expect(compacted).toMatchObject({summary: {text: 'S', turns: 1}, autoCompactHeld: true, measured: undefined, compacting: undefined});
		expect(compacted.exchanges).toHaveLength(2);
	});

	it('a resumed conversation says where its summary stands in, and brings its costs along', () => {
		const exchange = {text: 'q', images: [], model: 'qwen-plus', answer: 'a', reasoning: '', outcome: 'done' as const};
		const usage = {costs: {USD: 0.5}, unpriced: 1, requests: 3};
		const state = run([{type: 'resume', notice: 'Resumed', exchanges: [exchange, exchange, exchange], summary: {text: 'S', turns: 2}, usage}]);
		const kinds = state.entries.map(entry => (entry.kind === 'notice' ? entry.text : entry.kind));
		expect(kinds.indexOf('The 2 turns above were compacted: a summary goes in their place.')).toBe(kinds.lastIndexOf('answer') - 2);
		expect(state).toMatchObject({summary: {text: 'S', turns: 2}, usage});
	});
});
