import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ERROR_BODIES, TEST_KEYS, serviceError, startFakeDashScope} from './fake-dashscope.ts';
import type {FakeDashScope} from './fake-dashscope.ts';

let server: FakeDashScope;

beforeEach(async () => {
	server = await startFakeDashScope({created: 1726132850});
});

afterEach(async () => {
	await server.close();
});

/** A JSON body as the tests read it: any field may be asserted on. */
async function readJson(response: Response): Promise<any> {
	return response.json();
}

function post(region: 'intl' | 'cn' | 'us' | 'hk', body: object, key: string = TEST_KEYS[region]): Promise<Response> {
	return fetch(`${server.baseUrls[region]}/chat/completions`, {
		method: 'POST',
		headers: {authorization: `Bearer ${key}`, 'content-type': 'application/json'},
		body: JSON.stringify(body),
	});
}

function events(text: string): string[] {
	expect(text.endsWith('\n\n')).toBe(true);
	return text.slice(0, -2).split('\n\n');
}

const hello = {model: 'qwen-plus', messages: [{role: 'user', content: 'I am here'}], stream: true};

describe('fake DashScope wire format', () => {
	it('streams exactly like the doc sample: framing, headers, first/stop/usage chunks, [DONE]', async () => {
		server.enqueue({kind: 'stream', chunks: ['I am']});
		const response = await post('intl', {...hello, stream_options: {include_usage: true}});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/event-stream;charset=UTF-8');
		const requestId = response.headers.get('x-request-id')!;
		expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

		const list = events(await response.text());
		expect(list.every(event => event.startsWith('data: ') && !event.includes('\n'))).toBe(true);
		expect(list.at(-1)).toBe('data: [DONE]');
		const chunks = list.slice(0, -1).map(event => JSON.parse(event.slice(6)));
		const common = {
			object: 'chat.completion.chunk',
			created: 1726132850,
			system_fingerprint: null,
			model: 'qwen-plus',
			id: `chatcmpl-${requestId}`,
		};
		expect(chunks).toEqual([
			{...common, usage: null, choices: [{delta: {content: '', role: 'assistant'}, index: 0, logprobs: null, finish_reason: null}]},
			{...common, usage: null, choices: [{finish_reason: null, delta: {content: 'I am'}, index: 0, logprobs: null}]},
			{...common, usage: null, choices: [{finish_reason: 'stop', delta: {content: ''}, index: 0, logprobs: null}]},
			{...common, choices: [], usage: {prompt_tokens: 3, completion_tokens: 1, total_tokens: 4}},
		]);
	});

	it('sends no usage chunk without stream_options.include_usage', async () => {
		const text = await (await post('intl', hello)).text();
		const chunks = events(text).slice(0, -1).map(event => JSON.parse(event.slice(6)));
		expect(chunks.every(chunk => chunk.usage === null)).toBe(true);
		expect(chunks.map(chunk => chunk.choices[0].delta.content).join('')).toBe('Echo: I am here');
		expect(chunks.length).toBeGreaterThan(3);
	});

	it('sends reasoning deltas first when enable_thinking is on for a thinking model', async () => {
		const text = await (await post('intl', {...hello, enable_thinking: true})).text();
		const deltas = events(text).slice(1, -2).map(event => JSON.parse(event.slice(6)).choices[0].delta);
		const firstContent = deltas.findIndex(delta => delta.content !== null);
		expect(firstContent).toBeGreaterThan(0);
		expect(deltas.slice(0, firstContent).every(delta => typeof delta.reasoning_content === 'string')).toBe(true);
		expect(deltas.slice(firstContent).every(delta => delta.reasoning_content === null)).toBe(true);
	});

	it('ignores enable_thinking on a model without thinking', async () => {
		const text = await (await post('intl', {...hello, model: 'qwen3-coder-plus', enable_thinking: true})).text();
		expect(text).not.toContain('reasoning_content');
	});

	it('answers non-streaming requests with a chat.completion', async () => {
		const body = await readJson(await post('intl', {...hello, stream: false}));
		expect(body).toMatchObject({
			object: 'chat.completion',
			choices: [{message: {role: 'assistant', content: 'Echo: I am here'}, finish_reason: 'stop', index: 0}],
			usage: {prompt_tokens: 3},
		});
	});
});

describe('fake DashScope keys and regions', () => {
	it('rejects a key from another region with the 401 body and a matching request id', async () => {
		const response = await post('intl', hello, TEST_KEYS.cn);
		expect(response.status).toBe(401);
		const body = await readJson(response);
		expect(body).toEqual({
			error: {
				message:
					'Incorrect API key provided. For details, see: https://www.alibabacloud.com/help/en/model-studio/error-code#apikey-error',
				type: 'invalid_request_error',
				param: null,
				code: 'invalid_api_key',
			},
			request_id: response.headers.get('x-request-id'),
		});
		expect(server.requests.at(-1)).toMatchObject({region: 'intl', keyRegion: 'cn', authorized: false});
		expect(server.requests.at(-1)?.headers.authorization).toBe('[redacted]');
	});

	it('links Beijing 401s to help.aliyun.com/zh', async () => {
		const body = await readJson(await post('cn', hello, 'sk-test0000bogus'));
		expect(body.error.message).toContain('https://help.aliyun.com/zh/model-studio/error-code#apikey-error');
		expect(server.requests.at(-1)?.keyRegion).toBeNull();
	});

	it('accepts extra keys given per region', async () => {
		await server.close();
		server = await startFakeDashScope({keys: {hk: ['sk-test0000extra']}});
		expect((await post('hk', hello, 'sk-test0000extra')).status).toBe(200);
		expect((await post('intl', hello, 'sk-test0000extra')).status).toBe(401);
	});

	it('lists per-region models in the OpenAI list shape', async () => {
		const list = async (region: 'intl' | 'cn') => {
			const response = await fetch(`${server.baseUrls[region]}/models`, {
				headers: {authorization: `Bearer ${TEST_KEYS[region]}`},
			});
			const body = await readJson(response);
			expect(body.object).toBe('list');
			expect(body.data[0]).toEqual({id: expect.any(String), object: 'model', created: expect.any(Number), owned_by: 'system'});
			return body.data.map((model: {id: string}) => model.id) as string[];
		};
		const intl = await list('intl');
		const cn = await list('cn');
		expect(intl).toContain('qwen3-coder-plus');
		expect(intl).not.toContain('qwen-coder-plus');
		expect(intl).not.toContain('qwen-turbo');
		expect(cn).toContain('qwen-coder-plus');
		expect(cn.some(id => id.startsWith('qwen2.5-coder'))).toBe(true);
	});

	it('points env at the per-region paths', () => {
		expect(server.env.QWEN_CN_BASE_URL).toBe(`${server.url}/cn/compatible-mode/v1`);
		expect(Object.keys(server.env).sort()).toEqual([
			'QWEN_CN_BASE_URL',
			'QWEN_HK_BASE_URL',
			'QWEN_INTL_BASE_URL',
			'QWEN_US_BASE_URL',
		]);
	});
});

describe('fake DashScope validation', () => {
	it('rejects the developer role with the exact 400', async () => {
		const response = await post('intl', {...hello, messages: [{role: 'developer', content: 'x'}]});
		expect(response.status).toBe(400);
		expect((await readJson(response)).error.message).toBe(
			"developer is not one of ['system', 'assistant', 'user', 'tool', 'function']",
		);
	});

	it('answers an unknown model with 404 model_not_found as plain JSON even when streaming', async () => {
		const response = await post('intl', {...hello, model: 'qwen.qwen-plus'});
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('application/json');
		const body = await readJson(response);
		expect(body.error).toEqual(ERROR_BODIES.modelNotFound('qwen.qwen-plus').error);
		expect(body.request_id).toBe(response.headers.get('x-request-id'));
	});

	it('rejects array content for a text-only model', async () => {
		const response = await post('intl', {...hello, messages: [{role: 'user', content: [{type: 'text', text: 'hi'}]}]});
		expect(response.status).toBe(400);
		expect((await readJson(response)).error.message).toBe('input content must be a string.');
	});

	it('rejects a data URI over 10485760 bytes and accepts a small one', async () => {
		const image = (size: number) => [
			{type: 'text', text: 'what is this'},
			{type: 'image_url', image_url: {url: 'data:image/png;base64,' + 'A'.repeat(size)}},
		];
		const big = await post('intl', {...hello, model: 'qwen3-vl-plus', messages: [{role: 'user', content: image(10_485_760)}]});
		expect(big.status).toBe(400);
		expect((await readJson(big)).error.message).toBe('Exceeded limit on max bytes per data-uri item : 10485760');

		const small = await post('intl', {...hello, model: 'qwen3-vl-plus', stream: false, messages: [{role: 'user', content: image(100)}]});
		expect((await readJson(small)).choices[0].message.content).toBe('Echo: what is this [1 image]');
	});
});

describe('fake DashScope behaviours', () => {
	it('sends an enqueued error once, then answers normally', async () => {
		server.enqueue(serviceError('rateLimit'));
		const limited = await post('intl', hello);
		expect(limited.status).toBe(429);
		expect((await readJson(limited)).error.code).toBe('limit_requests');
		expect((await post('intl', hello)).status).toBe(200);
	});

	it('can frame an error body as SSE', async () => {
		server.enqueue({kind: 'error', status: 400, body: ERROR_BODIES.arrears, sse: true});
		const response = await post('intl', hello);
		expect(response.status).toBe(400);
		const text = await response.text();
		expect(text.startsWith('data: {"error":')).toBe(true);
		expect(JSON.parse(text.slice(6)).error.code).toBe('Arrearage');
	});

	it('sends an error event mid-stream and no [DONE]', async () => {
		server.enqueue({kind: 'error-mid-stream', afterChunks: 1});
		const list = events(await (await post('intl', hello)).text());
		expect(list).toHaveLength(3);
		expect(JSON.parse(list[2]!.slice(6)).error.code).toBe('data_inspection_failed');
	});

	it('resets the connection mid-stream after the given chunks arrive', async () => {
		server.enqueue({kind: 'reset', afterChunks: 2});
		const response = await post('intl', hello);
		const reader = response.body!.getReader();
		let received = '';
		const decoder = new TextDecoder();
		await expect(
			(async () => {
				for (;;) {
					const {done, value} = await reader.read();
					if (done) return;
					received += decoder.decode(value);
				}
			})(),
		).rejects.toThrow();
		expect(received).toContain('"content":"Echo:"');
		expect(received).not.toContain('[DONE]');
	});

	it('stalls after headers until closed', async () => {
		server.enqueue({kind: 'stall-after-headers'});
		const response = await post('intl', hello);
		expect(response.status).toBe(200);
		const reader = response.body!.getReader();
		const first = reader.read();
		const outcome = await Promise.race([first.then(() => 'data', () => 'error'), new Promise(r => setTimeout(r, 200, 'silence'))]);
		expect(outcome).toBe('silence');
		await server.close();
		await expect(first).rejects.toThrow();
	});

	it('streams 40,000 counted chunks intact', async () => {
		server.enqueue({kind: 'stream', chunks: {count: 40_000, text: 'ab'}});
		const text = await (await post('intl', {...hello, stream_options: {include_usage: true}})).text();
		const list = events(text);
		expect(list).toHaveLength(40_004);
		expect(JSON.parse(list[40_002]!.slice(6)).usage.completion_tokens).toBe(40_000);
	});

	it('records requests with the body and the matched key region', async () => {
		await post('us', hello);
		expect(server.chatRequests()).toHaveLength(1);
		expect(server.requests[0]).toMatchObject({method: 'POST', region: 'us', keyRegion: 'us', authorized: true, body: hello});
		expect(JSON.stringify(server.requests)).not.toContain(TEST_KEYS.us);
	});
});
