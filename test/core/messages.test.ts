import net from 'node:net';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createDashScopeClient} from '../../source/core/dashscope-client.js';
import {DashScopeError} from '../../source/core/errors.js';
import {ADVICE, outputLimitNote, thinkingCostNote} from '../../source/core/messages.js';

describe('what thinking costs', () => {
	it('names the thinking rate against the answer\'s, at the first input tier, with the date of the prices', () => {
		expect(thinkingCostNote('qwen-plus', 'intl')).toBe(
			'Thinking on qwen-plus bills all output, reasoning included, at $4 per 1M tokens instead of $1.2 (input ≤256K), prices as of 2026-10.',
		);
		expect(thinkingCostNote('qwen-plus', 'cn')).toContain('at ¥8 per 1M tokens instead of ¥2 (input ≤128K)');
	});

	it('says so where thinking is billed as output, where a model does not think, and where no price is known', () => {
		expect(thinkingCostNote('qwen3-max', 'intl')).toBe('Thinking on qwen3-max is billed as output, $6 per 1M tokens (input ≤32K), prices as of 2026-10: the reasoning adds output tokens.');
		expect(thinkingCostNote('qwen3-coder-plus', 'intl')).toMatch(/^qwen3-coder-plus has no thinking mode; it applies to qwen3-max, qwen-plus, qwen3-vl-plus\.$/);
		expect(thinkingCostNote('qwen-plus', 'us')).toBe('No price is known for thinking on qwen-plus in US (Virginia); the reasoning counts as output tokens.');
		expect(thinkingCostNote('qwen-plus', undefined)).toContain('on this endpoint');
	});
});

it('marks an answer cut at the output limit with its tokens', () => {
	expect(outputLimitNote(8192)).toBe('stopped at the output limit (8192 tokens)');
	expect(outputLimitNote(1)).toBe('stopped at the output limit (1 token)');
	expect(outputLimitNote(undefined)).toBe('stopped at the output limit');
});

describe('advice about the base URL names the setting in effect', () => {
	/** A port nothing listens on: bound, then closed. */
	async function closedPort(): Promise<number> {
		const server = net.createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as net.AddressInfo;
		await new Promise<void>(resolve => server.close(() => resolve()));
		return port;
	}

	async function refusal(env: Record<string, string>): Promise<string> {
		const port = await closedPort();
		const client = createDashScopeClient({apiKey: 'sk-0000000000000000000000000000000a', baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 0, timeoutMs: 5000, env});
		const error = await client.listModels().then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(DashScopeError);
		expect((error as DashScopeError).problem.title).toBe('Connection refused');
		return (error as DashScopeError).problem.nextStep;
	}

	it('OPENCLAW_CONFIG_PATH: the config file it names', async () => {
		const nextStep = await refusal({HOME: '/home/someone', OPENCLAW_CONFIG_PATH: '/etc/team/openclaw.json'});
		expect(nextStep).toBe('Check models.providers.qwen-portal.baseUrl in /etc/team/openclaw.json and any proxy settings, then try again.');
	});

	it('OPENCLAW_STATE_DIR: the config file in that state directory', async () => {
		const nextStep = await refusal({HOME: '/home/someone', OPENCLAW_STATE_DIR: '/srv/claw'});
		expect(nextStep).toContain(`models.providers.qwen-portal.baseUrl in ${path.join('/srv/claw', 'openclaw.json')}`);
		expect(nextStep).not.toContain('~/.openclaw');
	});

	it('each piece of advice takes the setting; none falls back to a file of its own', () => {
		const setting = 'QWEN_CN_BASE_URL';
		for (const advice of [
			ADVICE.hostNotFound('example.invalid', setting),
			ADVICE.connectionRefused('127.0.0.1:9', setting),
			ADVICE.unexpectedReply('http://x/v1/models', 'an empty body', setting),
			ADVICE.endpointNotFound('http://x/v1/models', setting),
			ADVICE.tlsNotSpoken('x:443', setting),
		]) {
			expect(advice.nextStep).toContain(setting);
			expect(advice.nextStep).not.toMatch(/~\/\.openclaw|QWEN_\*_BASE_URL/);
		}
	});
});
