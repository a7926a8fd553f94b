import {describe, expect, it} from 'vitest';
import {compactionActivity, turnActivity} from '../../../../source/ui/chat/stream/turn-activity.js';
import {chatReducer, initialChatState, type ChatAction} from '../../../../source/ui/chat/transcript/transcript-state.js';

const live = (actions: ChatAction[]) => actions.reduce(chatReducer, initialChatState).live!;
const send: ChatAction = {type: 'send', text: 'q', images: [], model: 'qwen-plus', at: 1000};

describe('turnActivity', () => {
	it('counts the wait until the first token', () => {
		expect(turnActivity(live([send]), 3100)).toBe('waiting 2.1 s');
	});

	it('then the time and an estimate of the tokens so far', () => {
		expect(turnActivity(live([send, {type: 'delta', content: 'x'.repeat(480), reasoning: '', at: 1500}]), 5300)).toBe('streaming 4.3 s · ~120 tokens');
	});

	it('uses the usage chunk once it has come', () => {
		const turn = live([send, {type: 'delta', content: 'abc', reasoning: '', at: 1500}, {type: 'usage', usage: {promptTokens: 3, completionTokens: 41, totalTokens: 44}}]);
		expect(turnActivity(turn, 2000)).toBe('streaming 1.0 s · 41 tokens');
	});

	it('counts a compaction the same way: its time and the summary\'s tokens so far', () => {
		const state = [{type: 'compaction-started', at: 1000, auto: true}, {type: 'compaction-delta', tokens: 30.5}] as ChatAction[];
		expect(compactionActivity(state.reduce(chatReducer, initialChatState).compacting!, 3500)).toBe('compacting 2.5 s · ~31 tokens');
	});
});
