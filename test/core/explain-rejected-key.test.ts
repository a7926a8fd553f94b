import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createDashScopeClient} from '../../source/core/dashscope-client.js';
import {explainRejectedKey} from '../../source/core/explain-rejected-key.js';
import {effectiveBaseUrl, getRegion} from '../../source/core/regions.js';
import {TEST_KEYS, startFakeDashScope} from '../support/fake-dashscope.ts';
import type {FakeDashScope} from '../support/fake-dashscope.ts';
import {closedPort, silentServer} from '../support/closed-port.ts';

let server: FakeDashScope;

beforeEach(async () => {
	server = await startFakeDashScope();
});

afterEach(async () => {
	await server.close();
});

/** The 401 a request with `key` just got from `regionId`. */
async function refusal(key: string, regionId: 'cn' | 'intl'): Promise<unknown> {
	const client = createDashScopeClient({apiKey: key, baseUrl: effectiveBaseUrl(getRegion(regionId), server.env), maxRetries: 0, env: server.env});
	return client.listModels().then(
		() => {
			throw new Error('expected a 401');
		},
		(error: unknown) => error,
	);
}

describe('explainRejectedKey', () => {
	it('names the region a refused key belongs to, without asking the refusing region again', async () => {
		const error = await refusal(TEST_KEYS.intl, 'cn');
		const before = server.requests.length;
		const explained = await explainRejectedKey(error, {key: TEST_KEYS.intl, region: getRegion('cn'), env: server.env});
		expect(explained.kind).toBe('wrong_region');
		expect(explained.message).toContain('International (Singapore)');
		const asked = server.requests.slice(before).map(request => request.region);
		expect(asked).not.toContain('cn');
		expect(asked).toContain('intl');
	});

	it('keeps a key no region accepts invalid, asking each other region once', async () => {
		const key = 'sk-test0000nowhere0000000000000000';
		const error = await refusal(key, 'intl');
		const before = server.requests.length;
		const explained = await explainRejectedKey(error, {key, region: getRegion('intl'), env: server.env});
		expect(explained.kind).toBe('invalid_key');
		expect(server.requests.slice(before).map(request => request.region).sort()).toEqual(['cn', 'hk', 'us']);
		expect(explained.nextStep).toContain('models auth login');
	});

	it('names the variable an invalid key came from, which a new login would not replace', async () => {
		const key = 'sk-test0000nowhere0000000000000000';
		const error = await refusal(key, 'intl');
		const explained = await explainRejectedKey(error, {key, region: getRegion('intl'), env: server.env, keyVariable: 'DASHSCOPE_API_KEY'});
		expect(explained.kind).toBe('invalid_key');
		expect(explained.nextStep).toBe(
			'The key comes from $DASHSCOPE_API_KEY, which wins over a saved key: check it in the Model Studio console, then export the right key (export DASHSCOPE_API_KEY="sk-…") or unset it.',
		);
		expect(JSON.stringify(explained)).not.toContain(key);
	});

	it('does not call a key invalid for sure while a region that may own it did not answer', async () => {
		const key = 'sk-test0000nowhere0000000000000000';
		const error = await refusal(key, 'intl');
		const env = {...server.env, QWEN_HK_BASE_URL: `http://127.0.0.1:${await closedPort()}/compatible-mode/v1`};
		const explained = await explainRejectedKey(error, {key, region: getRegion('intl'), env, timeoutMs: 5000});
		expect(explained.kind).toBe('invalid_key');
		expect(explained.message).toContain('China (Hong Kong) could not be reached, so the key may belong there');
	});

	it('stops asking when its signal aborts, and then says only what the asked region said', async () => {
		const key = 'sk-test0000nowhere0000000000000000';
		const error = await refusal(key, 'intl');
		// A region that takes the connection and never answers.
		const silent = await silentServer();
		try {
			const env = {...server.env, QWEN_HK_BASE_URL: `http://127.0.0.1:${silent.port}/compatible-mode/v1`};
			const controller = new AbortController();
			const explaining = explainRejectedKey(error, {key, region: getRegion('intl'), env, timeoutMs: 60_000, signal: controller.signal});
			await silent.connected;
			controller.abort();
			const explained = await explaining;
			expect(explained.kind).toBe('invalid_key');
			expect(explained.message).not.toContain('could not be reached');
		} finally {
			silent.close();
		}
	});
});
