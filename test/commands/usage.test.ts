/**
 * `openclaw usage` as a real subprocess over a real session store: tokens and
 * estimated cost by day and by model, both currencies apart, "no price" for
 * models without one, --since, --json, a store from before usage was saved,
 * and bad input.
 */
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {openSessionStore} from '../../source/core/sessions/session-store.js';
import type {MeteredRequest} from '../../source/core/usage/metered-request.js';
import {freshCliWorld} from '../support/cli-world.js';
import {writeVersion1Store} from '../support/session-store-v1.js';

const world = freshCliWorld();
const storeFile = () => path.join(world.home.paths.appDir, 'sessions.sqlite');
// Days are the local calendar's: the runs below are in UTC.
const UTC = {extraEnv: {TZ: 'UTC'}};

/** A saved conversation whose requests were made at the given times, with these usage figures. */
function saveRequests(requests: Array<{at: string; prompt: string; request: MeteredRequest}>, compaction?: {at: string; request: MeteredRequest}) {
	const store = openSessionStore(storeFile(), {mode: 'write'})!;
	try {
		const first = requests[0]!;
		const id = store.createSession({title: first.prompt, model: first.request.model, now: Date.parse(first.at)});
		for (const {at, prompt, request} of requests) {
			const turn = store.addTurn({sessionId: id, prompt, images: [], model: request.model, now: Date.parse(at)});
			const {model: _model, ...metered} = request;
			store.finishTurn(turn.id, {answer: 'a', reasoning: '', outcome: 'done', metered, now: Date.parse(at) + 1000});
		}

		if (compaction) {
			store.addCompaction({sessionId: id, turns: 1, summary: 'S', tokensBefore: 1, tokensAfter: 1, metered: compaction.request, now: Date.parse(compaction.at)});
		}
	} finally {
		store.close();
	}
}

const usage = (promptTokens: number, completionTokens: number, extra: {cachedTokens?: number; reasoningTokens?: number} = {}) => ({
	promptTokens,
	completionTokens,
	totalTokens: promptTokens + completionTokens,
	...extra,
});

function savedWeek() {
	saveRequests(
		[
			// qwen3-coder-plus abroad, 1M input: the top tier, $6 per 1M in, $60 out.
			{at: '2026-10-14T09:00:00Z', prompt: 'one', request: {model: 'qwen3-coder-plus', region: 'intl', thinking: false, usage: usage(1_000_000, 1000)}},
			// The same in China: ¥20 and ¥200.
			{at: '2026-10-14T22:00:00Z', prompt: 'two', request: {model: 'qwen3-coder-plus', region: 'cn', thinking: false, usage: usage(1_000_000, 1000, {cachedTokens: 500_000})}},
			// The OAuth portal: no price.
			{at: '2026-10-15T08:00:00Z', prompt: 'three', request: {model: 'coder-model', thinking: false, usage: usage(2000, 100)}},
		],
		// A compaction is a request like any other: qwen-plus abroad, thinking rate, first tier.
		{at: '2026-10-15T09:00:00Z', request: {model: 'qwen-plus', region: 'intl', thinking: true, usage: usage(100_000, 10_000, {reasoningTokens: 4000})}},
	);
}

describe('openclaw usage', () => {
	test('adds up tokens and estimated cost by day and by model, dollars and yuan apart, with what the figures rest on', async () => {
		savedWeek();
		const result = await world.run(['usage'], UTC);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		// Day 1: $6 + $0.06; ¥(500,000 + 500,000 × 0.2) × 20 + 1000 × 200 per 1M = ¥12.2. Day 2: 100,000 × $0.4 + 10,000 × $4 per 1M = $0.08.
		expect(result.stdout).toBe(
			[
				'By day',
				'DAY         REQUESTS  INPUT      CACHED   OUTPUT  REASONING  EST. COST',
				'2026-10-14  2         2,000,000  500,000  2,000   0          $6.06 + ¥12.20',
				'2026-10-15  2         102,000    0        10,100  4,000      $0.080 + 1 unpriced',
				'',
				'By model',
				'MODEL             REGION  REQUESTS  INPUT      CACHED   OUTPUT  REASONING  EST. COST',
				'coder-model       –       1         2,000      0        100     0          no price',
				'qwen-plus         intl    1         100,000    0        10,000  4,000      $0.080',
				'qwen3-coder-plus  cn      1         1,000,000  500,000  1,000   0          ¥12.20',
				'qwen3-coder-plus  intl    1         1,000,000  0        1,000   0          $6.06',
				'',
				'Total: 4 requests, 2,102,000 tokens in, 12,100 out, estimated $6.14 + ¥12.20 (1 without a known price).',
				// The note is wrapped between words, at 80 columns or the terminal's width.
				"Costs are estimates from DashScope's list prices as checked 2026-10 (input tier,",
				'cache discounts, thinking rates); the bill may differ (free quota, promotions,',
				'price changes).',
				'',
			].join('\n'),
		);
	});

	test('the note under the tables fits a narrow terminal, broken between words', async () => {
		savedWeek();
		const result = await world.run(['usage'], {extraEnv: {TZ: 'UTC', COLUMNS: '50'}});
		const note = result.stdout.slice(result.stdout.indexOf('Costs are estimates')).trimEnd().split('\n');
		expect(note.length).toBeGreaterThan(3);
		for (const line of note) {
			expect(line.length).toBeLessThanOrEqual(50);
			expect(line).toBe(line.trim());
		}
		expect(note.join(' ')).toContain('(free quota, promotions, price changes).');
	});

	test('--since keeps the days from then on; --json gives the same figures for scripts', async () => {
		savedWeek();
		const result = await world.run(['usage', '--since', '2026-10-15', '--json'], UTC);
		expect(result.code).toBe(0);
		const json = JSON.parse(result.stdout) as {since: string; days: Array<{day: string}>; total: Record<string, unknown>; models: Array<Record<string, unknown>>};
		expect(json).toMatchObject({prices_checked: '2026-10', since: '2026-10-15', answers_without_usage: 0});
		expect(json.days.map(day => day.day)).toEqual(['2026-10-15']);
		expect(json.total).toEqual({
			requests: 2,
			input_tokens: 102_000,
			cached_tokens: 0,
			output_tokens: 10_100,
			reasoning_tokens: 4000,
			estimated_cost: {USD: 0.08},
			unpriced_requests: 1,
		});
		expect(json.models.map(model => [model['model'], model['region']])).toEqual([
			['coder-model', null],
			['qwen-plus', 'intl'],
		]);
	});

	test('counts the chats as they are saved', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: ['ok'], usage: {promptTokens: 32_768}});
		expect((await world.run(['chat', 'hello'])).code).toBe(0);
		expect((await world.run(['chat', '-c', 'again'])).code).toBe(0);
		const result = await world.run(['usage', '--since', '1d', '--json']);
		const json = JSON.parse(result.stdout) as {total: {requests: number; input_tokens: number; estimated_cost: Record<string, number>}};
		expect(json.total.requests).toBe(2);
		expect(json.total.input_tokens).toBeGreaterThan(32_768);
		expect(json.total.estimated_cost['USD']).toBeGreaterThan(0.0327);
	});

	test('a store from before usage was saved: nothing to add up, and says why', async () => {
		writeVersion1Store(storeFile(), {sessionId: '0123456789abcdef', title: 'old', model: 'qwen-plus', turns: ['a', 'b'], at: Date.parse('2026-09-01T10:00:00Z')});
		const result = await world.run(['usage'], UTC);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(
			'No usage saved.\n2 answers were saved without usage figures (before openclaw recorded them, or from a service that sent none) and are not counted.\n',
		);
	});

	test('with no saved conversations yet, says so and how to start one', async () => {
		const result = await world.run(['usage']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('No saved conversations yet, so no usage to add up. Start one: openclaw chat\n');
	});

	test.each(['garbage', '2026-02-30', '0d', 'yesterday'])('--since %s is a usage error naming the option and what it takes', async value => {
		const result = await world.run(['usage', '--since', value]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(new RegExp(`^error: --since takes a date such as \\d{4}-\\d{2}-\\d{2} or a number of days such as 7d, not "${value}"\\.`));
		expect(result.stderr).toContain('openclaw usage --since 7d');
		expect(result.stdout).toBe('');
	});
});
