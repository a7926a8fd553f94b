/**
 * What a one-shot chat says about its cost, run as a real subprocess against
 * the fake DashScope: the estimate and input tier on the --verbose line in
 * each currency, "no price" where none is known, the note on an answer cut at
 * the output limit, `--usage json` for scripts, what --think costs, and a
 * compacted conversation followed up with -c.
 */
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {SUMMARY_QUESTION} from '../../source/core/chat-request.js';
import {openSessionStore} from '../../source/core/sessions/session-store.js';
import {freshCliWorld} from '../support/cli-world.js';

const world = freshCliWorld();

/** The one JSON line --usage json leaves last on stderr. */
function usageJson(stderr: string) {
	return JSON.parse(stderr.trimEnd().split('\n').at(-1)!) as Record<string, unknown> & {usage: Record<string, unknown>; estimate: Record<string, unknown> | null};
}

describe('the cost on the --verbose line', () => {
	test('the estimate and its input tier, changing when prompt_tokens passes 32K', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: ['ok'], usage: {promptTokens: 32_768}}, {kind: 'stream', chunks: ['ok'], usage: {promptTokens: 32_769}});
		const below = await world.run(['chat', '--verbose', 'hello']);
		// qwen3-coder-plus abroad: 32,768 × $1 + 1 × $5 per 1M = $0.032773; one token more and all are at $1.8 / $9.
		expect(below.stderr).toMatch(/qwen3-coder-plus · 32768 tokens in, 1 out · est\. \$0\.033 \(input ≤32K\) · first token/);
		const above = await world.run(['chat', '--verbose', 'hello']);
		expect(above.stderr).toMatch(/32769 tokens in, 1 out · est\. \$0\.059 \(input 32K–128K\)/);
	});

	test('in yuan for China, and "no price" for a region without a price list', async () => {
		world.saveLogin({keyRegion: 'cn', baseUrlRegion: 'cn'});
		world.server.enqueue({kind: 'stream', chunks: ['ok'], usage: {promptTokens: 200_000, cachedTokens: 100_000}});
		const china = await world.run(['chat', '--verbose', 'hello']);
		// (100,000 + 100,000 × 0.2) × ¥10 + 1 × ¥40 per 1M, the 128K–256K tier.
		expect(china.stderr).toContain('200000 tokens in (100000 cached, cache 50%), 1 out · est. ¥1.20 (input 128K–256K)');

		world.saveLogin({keyRegion: 'us', baseUrlRegion: 'us'});
		const us = await world.run(['chat', '--verbose', 'hello']);
		expect(us.code).toBe(0);
		expect(us.stderr).toMatch(/tokens in, \d+ out · no price · first token/);
		expect(us.stderr).not.toMatch(/[$¥]\d/);
	});
});

describe('an answer cut at the output limit', () => {
	test('gets a note on stderr, and --usage json gives the reason', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: ['Once ', 'upon'], finishReason: 'length'});
		const result = await world.run(['chat', '--usage', 'json', 'a long story']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Once upon\n');
		expect(result.stderr).toContain('note: stopped at the output limit (2 tokens); the answer is cut short (finish_reason: length). Ask for the rest: openclaw chat -c');
		expect(usageJson(result.stderr)).toMatchObject({finish_reason: 'length', cut_off: true, outcome: 'done', usage: {completion_tokens: 2}});
	});
});

describe('--usage json', () => {
	test('gives every usage field under DashScope\'s names and the estimate with the date of its prices', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', usage: {promptTokens: 4096, cachedTokens: 1024}});
		const result = await world.run(['chat', '--usage', 'json', '--think', '--model', 'qwen-plus', 'why?']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Echo: why?\n');
		const json = usageJson(result.stderr);
		expect(json).toMatchObject({
			model: 'qwen-plus',
			region: 'intl',
			thinking: true,
			finish_reason: 'stop',
			cut_off: false,
			outcome: 'done',
			usage: {prompt_tokens: 4096, cached_tokens: 1024, cache_creation_input_tokens: null, cache_type: null, cache_share: 0.25},
			estimate: {currency: 'USD', tier: 'input ≤256K', thinking_rate: true, prices_checked: '2026-10'},
		});
		const {usage, estimate} = json;
		const completion = usage['completion_tokens'] as number;
		expect(usage['reasoning_tokens']).toBeGreaterThan(0);
		expect(usage['total_tokens']).toBe(4096 + completion);
		// (3,072 + 1,024 × 0.2) × $0.4 + output × $4 (the thinking rate) per 1M.
		expect(estimate!['amount']).toBeCloseTo(((3072 + 1024 * 0.2) * 0.4 + completion * 4) / 1e6, 10);
	});

	test('has no price where none is known', async () => {
		world.saveLogin({keyRegion: 'us', baseUrlRegion: 'us'});
		const result = await world.run(['chat', '--usage', 'json', 'hi']);
		expect(usageJson(result.stderr)).toMatchObject({region: 'us', estimate: null, usage: {prompt_tokens: expect.any(Number)}});
	});

	test('any other format is a usage error naming the option, and nothing is sent', async () => {
		world.saveLogin();
		const result = await world.run(['chat', '--usage', 'yaml', 'hi']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('error: --usage takes json, not "yaml".');
		expect(result.stderr).toContain('Next step: Use --usage json');
		expect(world.server.requests).toHaveLength(0);
	});
});

test('--think says what thinking costs on the model before anything is spent', async () => {
	world.saveLogin();
	const thinking = await world.run(['chat', '--think', '--model', 'qwen3-max', 'hi']);
	expect(thinking.stderr).toContain('thinking: Thinking on qwen3-max is billed as output, $6 per 1M tokens (input ≤32K), prices as of 2026-10');
	const none = await world.run(['chat', '--think', '--usage', 'json', 'hi']);
	expect(none.stderr).toContain('thinking: qwen3-coder-plus has no thinking mode');
	// Nothing asks that model to think, and nothing is priced as thinking.
	const sent = world.server.chatRequests().at(-1)!.body as Record<string, unknown>;
	expect(sent).not.toHaveProperty('enable_thinking');
	expect(JSON.parse(none.stderr.trim().split('\n').at(-1)!)).toMatchObject({model: 'qwen3-coder-plus', thinking: false});
});

test('-c on a compacted conversation sends the summary in place of the turns it covers', async () => {
	world.saveLogin();
	for (const prompt of ['one', 'two', 'three']) expect((await world.run(['chat', ...(prompt === 'one' ? [] : ['-c']), prompt])).code).toBe(0);
	const store = openSessionStore(path.join(world.home.paths.appDir, 'sessions.sqlite'), {mode: 'write'})!;
	try {
		const [session] = store.listSessions();
		const metered = {model: 'qwen3-coder-plus', region: 'intl' as const, thinking: false, usage: {promptTokens: 20, completionTokens: 6, totalTokens: 26}};
		store.addCompaction({sessionId: session!.id, turns: 2, summary: 'They said one and two.', tokensBefore: 20, tokensAfter: 10, metered, now: Date.now()});
	} finally {
		store.close();
	}

	expect((await world.run(['chat', '-c', 'four'])).code).toBe(0);
	const messages = (world.server.chatRequests().at(-1)!.body as {messages: Array<{content: string}>}).messages;
	expect(messages.map(message => message.content)).toEqual([SUMMARY_QUESTION, 'They said one and two.', 'three', 'Echo: three', 'four']);
});
