import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createDashScopeClient} from '../../source/core/dashscope-client.js';
import type {DashScopeClientOptions, StreamEvent} from '../../source/core/dashscope-client.js';
import {DashScopeError} from '../../source/core/errors.js';
import {ERROR_BODIES, TEST_KEYS, serviceError, startFakeDashScope} from '../support/fake-dashscope.ts';
import type {FakeDashScope} from '../support/fake-dashscope.ts';
import {collectStream, HELLO, streamText} from '../support/stream-events.ts';

let server: FakeDashScope;

beforeEach(async () => {
	server = await startFakeDashScope();
});

afterEach(async () => {
	await server.close();
});

function client(options: Partial<DashScopeClientOptions> = {}) {
	return createDashScopeClient({apiKey: TEST_KEYS.intl, baseUrl: server.baseUrls.intl, retryDelayMs: 5, ...options, env: options.env ?? server.env});
}


describe('streamChat', () => {
	it('streams the answer, then usage, then done; sends system role and include_usage', async () => {
		const result = await collectStream(
			client().streamChat({...HELLO, messages: [{role: 'system', content: 'be brief'}, ...HELLO.messages]}),
		);
		expect(result.error).toBeUndefined();
		expect(result.text).toBe('Echo: hello there friend');
		expect(result.events.filter(event => event.type === 'content').length).toBeGreaterThan(1);
		expect(result.events.at(-2)).toMatchObject({type: 'usage', promptTokens: expect.any(Number)});
		expect(result.events.at(-1)).toEqual({type: 'done', finishReason: 'stop'});

		const body = server.chatRequests()[0]!.body as Record<string, unknown>;
		expect(body).toMatchObject({stream: true, stream_options: {include_usage: true}});
		expect((body.messages as Array<{role: string}>)[0]!.role).toBe('system');
		expect(body).not.toHaveProperty('enable_thinking');
	});

	it('yields reasoning before content when thinking is enabled', async () => {
		const result = await collectStream(client().streamChat({...HELLO, model: 'qwen-plus', enableThinking: true}));
		const types = result.events.map(event => event.type);
		expect(types[0]).toBe('reasoning');
		expect(types.lastIndexOf('reasoning')).toBeLessThan(types.indexOf('content'));
		expect((server.chatRequests()[0]!.body as {enable_thinking?: boolean}).enable_thinking).toBe(true);
	});

	it('sends image parts to a vision model', async () => {
		const result = await collectStream(
			client().streamChat({
				model: 'qwen3-vl-plus',
				messages: [
					{
						role: 'user',
						content: [
							{type: 'text', text: 'describe'},
							{type: 'image_url', image_url: {url: 'data:image/png;base64,iVBORw0KGgo='}},
						],
					},
				],
			}),
		);
		expect(result.text).toBe('Echo: describe [1 image]');
	});

	it('retries a 500 once and gives one answer', async () => {
		server.enqueue(serviceError('internal'));
		const result = await collectStream(client().streamChat(HELLO));
		expect(result.error).toBeUndefined();
		expect(result.text).toBe('Echo: hello there friend');
		expect(server.chatRequests()).toHaveLength(2);
	});

	it('retries 429 rate limits up to maxRetries, then reports the rate limit', async () => {
		server.enqueue(serviceError('rateLimit'), serviceError('rateLimit'), serviceError('rateLimit'));
		const result = await collectStream(client({maxRetries: 2}).streamChat(HELLO));
		expect(result.error?.classified.kind).toBe('rate_limited');
		expect(server.chatRequests()).toHaveLength(3);
	});

	it.each([
		['400 arrears', serviceError('arrears'), 'arrears'],
		['401 invalid key', {kind: 'error' as const, status: 401, body: ERROR_BODIES.invalidKey('intl')}, 'invalid_key'],
		['404 model', {kind: 'error' as const, status: 404, body: ERROR_BODIES.modelNotFound('x')}, 'model_not_found'],
		['429 insufficient quota', serviceError('insufficientQuota'), 'quota_exceeded'],
	])('never retries %s', async (_name, behaviour, kind) => {
		server.enqueue(behaviour);
		const result = await collectStream(client().streamChat(HELLO));
		expect(result.error?.classified.kind).toBe(kind);
		expect(server.chatRequests()).toHaveLength(1);
	});

	it('reports a wrong key as invalid_key with the request id and without the key', async () => {
		const result = await collectStream(client({apiKey: TEST_KEYS.cn}).streamChat(HELLO));
		const classified = result.error!.classified;
		expect(classified).toMatchObject({kind: 'invalid_key', status: 401});
		expect(classified.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(JSON.stringify(classified) + result.error!.message).not.toContain(TEST_KEYS.cn);
	});

	it('reports an unknown model with the model-not-found advice', async () => {
		const result = await collectStream(client().streamChat({...HELLO, model: 'qwen.qwen-plus'}));
		expect(result.error?.classified.kind).toBe('model_not_found');
		expect(result.error?.classified.message).toContain('qwen.qwen-plus');
		expect(result.error?.classified.nextStep).toContain('openclaw models list');
	});

	it('classifies an SSE-framed error body', async () => {
		server.enqueue({kind: 'error', status: 400, body: ERROR_BODIES.moderation, sse: true});
		const result = await collectStream(client().streamChat(HELLO));
		expect(result.error?.classified.kind).toBe('moderation');
	});

	it('keeps the partial answer when an error event arrives mid-stream', async () => {
		server.enqueue({kind: 'error-mid-stream', afterChunks: 2});
		const result = await collectStream(client().streamChat(HELLO));
		expect(result.text).toBe('Echo: hello');
		expect(result.error?.classified.kind).toBe('moderation');
		expect(server.chatRequests()).toHaveLength(1);
	});

	it('keeps the partial answer and does not retry when the connection resets mid-stream', async () => {
		server.enqueue({kind: 'reset', afterChunks: 2});
		const result = await collectStream(client().streamChat(HELLO));
		expect(result.text).toBe('Echo: hello');
		expect(result.error?.classified.kind).toBe('network');
		expect(result.error?.classified.title).toBe('Connection lost');
		expect(server.chatRequests()).toHaveLength(1);
	});

	it('times out when the server goes silent after the headers', async () => {
		server.enqueue({kind: 'stall-after-headers'});
		const result = await collectStream(client({timeoutMs: 300}).streamChat(HELLO));
		expect(result.error?.classified.kind).toBe('timeout');
		expect(result.error?.classified.message).toContain('region');
		expect(server.chatRequests()).toHaveLength(1);
	});

	it('times out when the server never answers', async () => {
		server.enqueue({kind: 'hang'});
		const result = await collectStream(client({timeoutMs: 300}).streamChat(HELLO));
		expect(result.error?.classified.kind).toBe('timeout');
	});

	it('calls a long silence after text a stall (not a region mismatch), keeping what arrived', async () => {
		server.enqueue({kind: 'stream', chunks: ['first ', 'second'], delayMs: 1000});
		const result = await collectStream(client({timeoutMs: 200}).streamChat(HELLO));
		expect(result.text).toBe('first ');
		expect(result.error?.classified.kind).toBe('stalled');
		expect(result.error?.classified.message).toContain('stopped arriving after 0.2 s');
		expect(result.error?.classified.message).not.toMatch(/region/);
	});

	it('does not count a slow consumer as server silence', async () => {
		server.enqueue({kind: 'stream', chunks: ['a', 'b', 'c'], delayMs: 20});
		const events: StreamEvent[] = [];
		for await (const event of client({timeoutMs: 200}).streamChat(HELLO)) {
			events.push(event);
			// The caller taking longer than the timeout is not server silence.
			if (events.length === 1) await new Promise(resolve => setTimeout(resolve, 400));
		}
		expect(streamText(events)).toBe('abc');
	});

	it('stops with kind aborted when the signal aborts, keeping what arrived', async () => {
		server.enqueue({kind: 'stream', chunks: ['one ', 'two ', 'three '], delayMs: 100});
		const controller = new AbortController();
		const seen: StreamEvent[] = [];
		let failure: unknown;
		try {
			for await (const event of client().streamChat({...HELLO, signal: controller.signal})) {
				seen.push(event);
				if (event.type === 'content') controller.abort();
			}
		} catch (error) {
			failure = error;
		}
		expect(streamText(seen)).toBe('one ');
		expect((failure as DashScopeError).classified.kind).toBe('aborted');
	});

	it('aborts while waiting for the first byte', async () => {
		server.enqueue({kind: 'hang'});
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 50);
		const result = await collectStream(client().streamChat({...HELLO, signal: controller.signal}));
		expect(result.error?.classified.kind).toBe('aborted');
	});

	it('reports a closed port as a refused connection after retrying', async () => {
		const url = server.baseUrls.intl;
		await server.close();
		const result = await collectStream(createDashScopeClient({apiKey: TEST_KEYS.intl, baseUrl: url, retryDelayMs: 1, env: {}}).streamChat(HELLO));
		expect(result.error?.classified.kind).toBe('network');
		expect(result.error?.classified.title).toBe('Connection refused');
	});

	it('streams 40,000 chunks completely', async () => {
		server.enqueue({kind: 'stream', chunks: {count: 40_000, text: 'x'}});
		let count = 0;
		let length = 0;
		for await (const event of client().streamChat(HELLO)) {
			if (event.type === 'content') {
				count++;
				length += event.text.length;
			}
		}
		expect(count).toBe(40_000);
		expect(length).toBe(40_000);
	});
});

describe('listModels', () => {
	it('lists the region ids', async () => {
		const ids = await client().listModels();
		expect(ids).toContain('qwen3-coder-plus');
		expect(ids).not.toContain('qwen-turbo');
	});

	it('fails with invalid_key for a key of another region', async () => {
		await expect(client({apiKey: TEST_KEYS.us}).listModels()).rejects.toMatchObject({
			classified: {kind: 'invalid_key'},
		});
	});

	it('retries a 503', async () => {
		server.enqueueModels({kind: 'error', status: 503, body: ERROR_BODIES.overloaded});
		expect(await client().listModels()).toContain('qwen-plus');
		expect(server.requests.filter(request => request.path.endsWith('/models'))).toHaveLength(2);
	});
});
