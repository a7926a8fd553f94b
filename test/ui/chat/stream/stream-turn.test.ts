import {describe, expect, it} from 'vitest';
import type {StreamEvent} from '../../../../source/core/dashscope-client.js';
import {DashScopeError, type ClassifiedError} from '../../../../source/core/errors.js';
import {streamTurn, type StreamBatch} from '../../../../source/ui/chat/stream/stream-turn.js';

const classify = (error: unknown): ClassifiedError =>
	error instanceof DashScopeError ? error.classified : {kind: 'unknown', title: 'Unknown', message: String(error), nextStep: ''};

async function* events(list: StreamEvent[], fail?: Error): AsyncIterable<StreamEvent> {
	for (const event of list) yield event;
	if (fail) throw fail;
}

describe('streamTurn', () => {
	it('hands on thousands of deltas in a few batches, losing none', async () => {
		const batches: StreamBatch[] = [];
		let clock = 0;
		const list: StreamEvent[] = Array.from({length: 5000}, (_, index) => ({type: 'content', text: `${index} `}));
		const result = await streamTurn({
			events: (async function* () {
				for (const event of list) {
					clock += 0.1; // 10,000 deltas a second
					yield event;
				}
			})(),
			signal: new AbortController().signal,
			flushIntervalMs: 33,
			onBatch: batch => batches.push(batch),
			onUsage() {},
			classify,
			now: () => clock,
		});
		expect(result).toEqual({outcome: 'done'});
		expect(batches.map(batch => batch.content).join('')).toBe(list.map(event => (event as {text: string}).text).join(''));
		expect(batches.length).toBeLessThanOrEqual(20);
	});

	it('keeps reasoning and content apart and reports usage', async () => {
		const batches: StreamBatch[] = [];
		const usages: unknown[] = [];
		await streamTurn({
			events: events([
				{type: 'reasoning', text: 'hmm'},
				{type: 'content', text: 'yes'},
				{type: 'usage', promptTokens: 3, completionTokens: 2, totalTokens: 5},
				{type: 'done', finishReason: 'stop'},
			]),
			signal: new AbortController().signal,
			flushIntervalMs: 33,
			onBatch: batch => batches.push(batch),
			onUsage: usage => usages.push(usage),
			classify,
		});
		expect(batches).toEqual([{content: 'yes', reasoning: 'hmm'}]);
		expect(usages).toEqual([{promptTokens: 3, completionTokens: 2, totalTokens: 5}]);
	});

	it('hands on only printable text: escape sequences go, even split across deltas, each stream on its own', async () => {
		const batches: StreamBatch[] = [];
		await streamTurn({
			events: events([
				{type: 'reasoning', text: 'think \u001B]0;ti'},
				{type: 'content', text: 'hello \u001B]52;c;aGk='},
				{type: 'reasoning', text: 'tle\u0007ing'},
				{type: 'content', text: '\u0007 world \u001B[2'},
				{type: 'content', text: 'J done\u0007\tend\n'},
				{type: 'done', finishReason: 'stop'},
			]),
			signal: new AbortController().signal,
			flushIntervalMs: 33,
			onBatch: batch => batches.push(batch),
			onUsage() {},
			classify,
		});
		expect(batches.map(batch => batch.content).join('')).toBe('hello  world  done\tend\n');
		expect(batches.map(batch => batch.reasoning).join('')).toBe('think ing');
	});

	it('delivers what arrived before a failure, then the classified error', async () => {
		const batches: StreamBatch[] = [];
		const error = new DashScopeError({kind: 'moderation', title: 'Blocked', message: 'm', nextStep: 'n'});
		const result = await streamTurn({
			events: events([{type: 'content', text: 'partial'}], error),
			signal: new AbortController().signal,
			flushIntervalMs: 33,
			onBatch: batch => batches.push(batch),
			onUsage() {},
			classify,
		});
		expect(batches).toEqual([{content: 'partial', reasoning: ''}]);
		expect(result).toEqual({outcome: 'failed', error: error.classified});
	});

	it('an abort is an interruption, not an error', async () => {
		const controller = new AbortController();
		const result = await streamTurn({
			events: (async function* () {
				yield {type: 'content', text: 'a'};
				controller.abort();
				throw new DashScopeError({kind: 'aborted', title: 'Stopped', message: '', nextStep: ''});
			})(),
			signal: controller.signal,
			flushIntervalMs: 33,
			onBatch() {},
			onUsage() {},
			classify,
		});
		expect(result).toEqual({outcome: 'interrupted'});
	});
});
