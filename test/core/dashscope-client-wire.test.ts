/**
 * The client passes on everything DashScope says (usage details, finish_reason,
 * its retries) and names every reply that is not DashScope's, against the fake
 * server's wire format.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createDashScopeClient} from '../../source/core/dashscope-client.js';
import type {DashScopeClientOptions, StreamEvent} from '../../source/core/dashscope-client.js';
import {DashScopeError} from '../../source/core/errors.js';
import {TEST_KEYS, serviceError, startFakeDashScope} from '../support/fake-dashscope.ts';
import type {FakeDashScope} from '../support/fake-dashscope.ts';
import {collectStream, HELLO} from '../support/stream-events.ts';

let server: FakeDashScope;

beforeEach(async () => {
	server = await startFakeDashScope();
});

afterEach(async () => {
	await server.close();
});

function client(options: Partial<DashScopeClientOptions> = {}) {
	return createDashScopeClient({apiKey: TEST_KEYS.intl, baseUrl: server.baseUrls.intl, retryDelayMs: 5, env: server.env, ...options});
}


function usageOf(events: StreamEvent[]) {
	return events.find(event => event.type === 'usage');
}

describe('usage and finish_reason from the stream', () => {
	it('passes the three counts, with every detail undefined when the service sends none', async () => {
		const {events} = await collectStream(client().streamChat(HELLO));
		expect(usageOf(events)).toEqual({
			type: 'usage',
			promptTokens: 5,
			completionTokens: 4,
			totalTokens: 9,
			cachedTokens: undefined,
			cacheCreationTokens: undefined,
			cacheType: undefined,
			reasoningTokens: undefined,
		});
		expect(events.at(-1)).toEqual({type: 'done', finishReason: 'stop'});
	});

	it('carries cached tokens (implicit cache) and a large prompt', async () => {
		server.enqueue({kind: 'stream', usage: {promptTokens: 300_000, cachedTokens: 250_000}});
		const {events} = await collectStream(client().streamChat(HELLO));
		expect(usageOf(events)).toMatchObject({promptTokens: 300_000, cachedTokens: 250_000, totalTokens: 300_004, cacheType: undefined});
	});

	it('carries cache creation with cache_type "ephemeral" (explicit cache)', async () => {
		server.enqueue({kind: 'stream', usage: {promptTokens: 4000, cacheCreationTokens: 3000}});
		const {events} = await collectStream(client().streamChat(HELLO));
		expect(usageOf(events)).toMatchObject({promptTokens: 4000, cachedTokens: 0, cacheCreationTokens: 3000, cacheType: 'ephemeral'});
	});

	it('counts reasoning tokens for a thinking model', async () => {
		const {events} = await collectStream(client().streamChat({...HELLO, model: 'qwen-plus', enableThinking: true}));
		const reasoningDeltas = events.filter(event => event.type === 'reasoning').length;
		expect(reasoningDeltas).toBeGreaterThan(0);
		expect(usageOf(events)).toMatchObject({reasoningTokens: reasoningDeltas});
	});

	it('ends with finish_reason "length" when the output hit its limit', async () => {
		server.enqueue({kind: 'stream', finishReason: 'length'});
		const {events, error} = await collectStream(client().streamChat(HELLO));
		expect(error).toBeUndefined();
		expect(events.at(-1)).toEqual({type: 'done', finishReason: 'length'});
	});
});

describe('retry events', () => {
	it('says before each wait that it retries, and why', async () => {
		server.enqueue(serviceError('rateLimit'), serviceError('internal'));
		const {events, text} = await collectStream(client({retryDelayMs: 10}).streamChat(HELLO));
		expect(text).toBe('Echo: hello there friend');
		expect(events.filter(event => event.type === 'retry')).toEqual([
			{type: 'retry', attempt: 1, reason: 'rate_limited', delayMs: 10},
			{type: 'retry', attempt: 2, reason: 'server_error', delayMs: 20},
		]);
	});

	it('sends none for an error that is not retried', async () => {
		server.enqueue(serviceError('arrears'));
		const {events, error} = await collectStream(client().streamChat(HELLO));
		expect(error?.classified.kind).toBe('arrears');
		expect(events).toEqual([]);
	});
});

describe('replies that are not a DashScope stream', () => {
	it('takes a whole JSON answer sent to a streaming request', async () => {
		const body = JSON.stringify({
			choices: [{message: {role: 'assistant', content: 'all at once'}, finish_reason: 'stop', index: 0}],
			usage: {prompt_tokens: 4, completion_tokens: 3, total_tokens: 7},
		});
		server.enqueue({kind: 'raw', status: 200, contentType: 'application/json', body});
		const {events, error} = await collectStream(client().streamChat(HELLO));
		expect(error).toBeUndefined();
		expect(events).toEqual([
			{type: 'content', text: 'all at once'},
			expect.objectContaining({type: 'usage', promptTokens: 4, completionTokens: 3}),
			{type: 'done', finishReason: 'stop'},
		]);
	});

	it.each([
		['an HTML page', {contentType: 'text/html', body: '<html><head><title>Hotel Wi-Fi</title></head><body>…</body></html>'}, /looks like an HTML page titled "Hotel Wi-Fi": a proxy or captive portal\?/],
		['JSON that is no answer', {contentType: 'application/json', body: '{"hello":"world"}'}, /JSON that is not a chat answer/],
		['plain text', {contentType: 'text/plain', body: 'OK'}, /not JSON: text\/plain/],
	])('names %s', async (_name, reply, pattern) => {
		server.enqueue({kind: 'raw', status: 200, ...reply});
		const {error} = await collectStream(client().streamChat(HELLO));
		expect(error?.classified.kind).toBe('unexpected_reply');
		expect(error?.classified.message).toContain(`${server.baseUrls.intl}/chat/completions`);
		expect(error?.classified.message).toMatch(pattern);
		expect(server.chatRequests()).toHaveLength(1);
	});

	it('names a stream that ends without a finish_reason', async () => {
		server.enqueue({kind: 'events', data: ['{"choices":[{"delta":{"content":"half"},"index":0,"finish_reason":null}]}']});
		const {error, text} = await collectStream(client().streamChat(HELLO));
		expect(text).toBe('half');
		expect(error?.classified.kind).toBe('unfinished');
		expect(error?.classified.message).toContain('no finish_reason');
	});

	it('takes chunks with choices: null in its stride', async () => {
		server.enqueue({
			kind: 'events',
			data: ['{"choices":null}', '{"choices":[{"delta":null,"index":0,"finish_reason":null}]}', '{"choices":[{"delta":{"content":"ok"},"index":0,"finish_reason":"stop"}]}'],
		});
		const {error, text} = await collectStream(client().streamChat(HELLO));
		expect(error).toBeUndefined();
		expect(text).toBe('ok');
	});

	it('names a malformed event and keeps the SDK quiet about it', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			server.enqueue({kind: 'events', data: ['{"choices":[{"delta":{"content":"a"},"index":0}]}', '{not json']});
			const {error} = await collectStream(client().streamChat(HELLO));
			expect(error?.classified.kind).toBe('unexpected_reply');
			expect(error?.classified.message).toContain('a stream event that is not JSON');
			expect(logged).not.toHaveBeenCalled();
		} finally {
			logged.mockRestore();
		}
	});

	it('names a stream that holds no answer at all', async () => {
		server.enqueue({kind: 'events', data: []});
		const {error} = await collectStream(client().streamChat(HELLO));
		expect(error?.classified.kind).toBe('unexpected_reply');
	});

	it('summarises a proxy error page (title, never markup) and retries it as a server error', async () => {
		const page = {kind: 'raw' as const, status: 502, contentType: 'text/html', body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>'};
		server.enqueue(page, page, page);
		const {error} = await collectStream(client().streamChat(HELLO));
		expect(error?.classified.kind).toBe('server_error');
		expect(error?.classified.message).toBe(`The server answered with an HTML page, HTTP 502: 502 Bad Gateway (from ${server.baseUrls.intl}/chat/completions).`);
		expect(server.chatRequests()).toHaveLength(3);
	});
});

describe('listModels checks what it is given', () => {
	it.each([
		['an HTML page', {contentType: 'text/html', body: '<!DOCTYPE html><html><head><title>Sign in</title></head></html>'}, 'looks like an HTML page titled "Sign in": a proxy or captive portal?'],
		['an empty body', {contentType: 'application/json', body: ''}, 'an empty body'],
		['JSON without data', {contentType: 'application/json', body: '{"object":"list"}'}, 'JSON, but not in the shape DashScope sends'],
		['ids that are not strings', {contentType: 'application/json', body: '{"data":[{"id":1}]}'}, 'JSON, but not in the shape DashScope sends'],
		['a truncated body', {contentType: 'application/json', body: '{"data":[{"id":"qwen'}, 'not JSON'],
	])('refuses %s', async (_name, reply, what) => {
		server.enqueueModels({kind: 'raw', status: 200, ...reply});
		const failure = await client().listModels().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(DashScopeError);
		const {classified} = failure as DashScopeError;
		expect(classified.kind).toBe('unexpected_reply');
		expect(classified.message).toContain(`Unexpected reply from ${server.baseUrls.intl}/models (${what}`);
	});

	it('calls a 404 a wrong endpoint, naming the URL and the variable that set it', async () => {
		const baseUrl = `${server.url}/intl/v1`;
		const failure = (await client({baseUrl, env: {QWEN_INTL_BASE_URL: baseUrl}}).listModels().catch((error: unknown) => error)) as DashScopeError;
		expect(failure.classified.kind).toBe('endpoint_not_found');
		expect(failure.classified.message).toContain(`${baseUrl}/models does not exist (HTTP 404)`);
		expect(failure.classified.nextStep).toContain('QWEN_INTL_BASE_URL');
		expect(failure.classified.message + failure.classified.nextStep).not.toMatch(/region prefix/);
	});

	it('words a cancelled check for a check, not for a chat message', async () => {
		const failure = (await client().listModels({signal: AbortSignal.abort()}).catch((error: unknown) => error)) as DashScopeError;
		expect(failure.classified.kind).toBe('aborted');
		expect(failure.classified.nextStep).toBe('Run the check again when you are ready.');
	});

	it('times out a body that never ends', async () => {
		server.enqueueModels({kind: 'hang'});
		const failure = (await client({timeoutMs: 300, maxRetries: 0}).listModels().catch((error: unknown) => error)) as DashScopeError;
		expect(failure.classified.kind).toBe('timeout');
	});
});

describe('the base URL', () => {
	it.each([
		['not a url', {QWEN_INTL_BASE_URL: 'not a url'}, 'QWEN_INTL_BASE_URL'],
		['ftp://example.com/v1', {QWEN_INTL_BASE_URL: 'ftp://example.com/v1'}, 'QWEN_INTL_BASE_URL'],
		['dashscope-intl.aliyuncs.com/compatible-mode/v1', {HOME: '/home/someone'}, 'models.providers.qwen-portal.baseUrl in /home/someone/.openclaw/openclaw.json'],
	])('refuses %s before sending anything, naming where it is set', async (baseUrl, env, setting) => {
		const failure = (await client({baseUrl, env}).listModels().catch((error: unknown) => error)) as DashScopeError;
		expect(failure.classified.kind).toBe('bad_base_url');
		expect(failure.classified.message).toBe(`${setting} is not a valid http(s) URL: "${baseUrl}". Nothing was sent.`);
		const streamed = await collectStream(client({baseUrl, env}).streamChat(HELLO));
		expect(streamed.error?.classified.kind).toBe('bad_base_url');
		expect(server.requests).toHaveLength(0);
	});
});
