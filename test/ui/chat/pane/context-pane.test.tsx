/**
 * What each turn costs and how much room is left, in the pane against the
 * fake DashScope: the status line's cost, tier, cache share and session
 * total, the context meter and its warning, a message refused before it is
 * sent, answers cut at the output limit and /continue, /compact and the
 * compaction that makes room for a message.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {SUMMARY_QUESTION} from '../../../../source/core/chat-request.js';
import {createDashScopeClient} from '../../../../source/core/dashscope-client.js';
import {CONTINUE_PROMPT} from '../../../../source/core/messages.js';
import {bracketedPaste} from '../../../support/keys.js';
import {startFakeDashScope, TEST_KEYS, type FakeDashScope, type FakeRegionId} from '../../../support/fake-dashscope.js';
import {KEYS, startChat, type ChatHarness} from './chat-harness.js';

let chat: ChatHarness | undefined;
let fake: FakeDashScope | undefined;
afterEach(async () => {
	await chat?.close();
	await fake?.close();
	chat = undefined;
	fake = undefined;
});

type Body = {model: string; messages: Array<{role: string; content: string}>; enable_thinking?: boolean};
const bodies = (harness: ChatHarness) => harness.fake.chatRequests().map(request => request.body as Body);

/** The pane on a region's endpoint, with that region's key. */
async function chatIn(region: FakeRegionId, model = 'qwen3-coder-plus') {
	fake = await startFakeDashScope();
	const client = createDashScopeClient({apiKey: TEST_KEYS[region], baseUrl: fake.baseUrls[region], maxRetries: 0, timeoutMs: 5000, env: fake.env});
	return startChat({client, model, regionId: region, secrets: [TEST_KEYS[region]]}, fake);
}

/** The frame with its rows joined: notices wrap at the pane's width. */
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

/** Sends `text` and waits for its answer to end. */
async function ask(harness: ChatHarness, text: string, answer = `Echo: ${text}`) {
	const requests = harness.fake.chatRequests().length;
	await harness.submit(text);
	await harness.waitFor(frame => harness.fake.chatRequests().length > requests && flat(frame).includes(answer) && !/streaming \d|waiting \d/.test(frame));
}

describe('the cost of each turn', () => {
	it('shows the last turn\'s cost with its input tier and cache share, and the session\'s, changing tier past 32K', async () => {
		chat = await startChat();
		// qwen3-coder-plus, International: $1 in / $5 out per 1M up to 32K input, $1.8 / $9 above; cached input at 20%.
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 32_768, cachedTokens: 16_384}});
		await ask(chat, 'first', 'Noted.');
		// (16,384 + 16,384 × 0.2) × $1 + 1 × $5, per 1M tokens: $0.0196658.
		await chat.waitFor(frame => flat(frame).includes('tokens in 32768 · out 1 · cache 50% · $0.020 · input ≤32K'));
		expect(chat.frame()).not.toContain('session');

		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 32_769}});
		await ask(chat, 'second', 'Noted.');
		// 32,769 × $1.8 + 1 × $9: every token at the second tier, $0.0589932; with the first, $0.079.
		await chat.waitFor(frame => flat(frame).includes('tokens in 32769 · out 1 · $0.059 · input 32K–128K · session $0.079'));
		expect(chat.frame()).not.toContain('cache 50%');
	});

	it('prices China in yuan, and shows "no price" where no price is known', async () => {
		chat = await chatIn('cn');
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 100_000}});
		await ask(chat, 'hello', 'Noted.');
		// 100,000 × ¥6 + 1 × ¥24 per 1M (the 32K–128K tier): ¥0.600024.
		await chat.waitFor(frame => flat(frame).includes('¥0.600 · input 32K–128K'));
		await chat.close();
		await fake!.close();

		chat = await chatIn('us');
		await ask(chat, 'hello');
		await chat.waitFor(frame => /tokens in \d+ · out \d+ · no price/.test(frame));
		expect(chat.frame()).not.toMatch(/[$¥]\d/);
	});

	it('counts reasoning apart, and /think says what thinking costs on the model', async () => {
		chat = await startChat({model: 'qwen-plus'});
		await chat.submit('/think on');
		await chat.waitFor(frame => flat(frame).includes('Thinking on qwen-plus bills all output, reasoning included, at $4 per 1M tokens instead of $1.2 (input ≤256K)'));
		chat.fake.enqueue({kind: 'stream', reasoning: ['a ', 'b ', 'c'], chunks: ['Noted.']});
		await ask(chat, 'why', 'Noted.');
		await chat.waitFor(frame => /out 4 \(3 reasoning\)/.test(frame));
		expect(flat(chat.frame())).toContain('thinking on');
		await chat.submit('/model qwen3-coder-plus');
		await chat.submit('/think on');
		await chat.waitFor(frame => flat(frame).includes('qwen3-coder-plus has no thinking mode'));
		// That model is never asked to think, so the status line shows no thinking setting.
		expect(flat(chat.frame())).not.toContain('thinking on');
		await ask(chat, 'plain', 'Echo: plain');
		expect(chat.fake.chatRequests().at(-1)!.body).not.toHaveProperty('enable_thinking');
	});
});

describe('the context meter', () => {
	it('shows the share of the window the conversation takes, and warns once at 80% what comes next', async () => {
		// qwen-max has a 32,768-token window in Singapore.
		chat = await startChat({model: 'qwen-max'});
		await chat.waitFor(frame => flat(frame).includes('ctx 0% · 0/33k'));
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 26_000}});
		await ask(chat, 'one', 'Noted.');
		await chat.waitFor(frame => flat(frame).includes('ctx 79% · 26k/33k'));
		expect(chat.frame()).not.toContain('The conversation takes');

		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 26_500}});
		await ask(chat, 'two', 'Noted.');
		await chat.waitFor(frame => flat(frame).includes("The conversation takes 80% of qwen-max's window (27k of 33k tokens)"));
		expect(flat(chat.frame())).toContain('Past 85%, before your next message goes, the older turns are summarised');
		// What is typed counts too, before it is sent.
		await chat.type('x'.repeat(4000));
		await chat.waitFor(frame => flat(frame).includes('ctx 83%'));
	});

	it('refuses a message that cannot fit before anything is sent, and gives it back', async () => {
		chat = await startChat({model: 'qwen-max'});
		// About 35,000 tokens: more than the whole window.
		await chat.type(bracketedPaste('lorem ipsum '.repeat(11_700)));
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => flat(frame).includes("Not sent: this message alone takes about 35k tokens, more than qwen-max's 33k-token window"));
		expect(flat(chat.frame())).toContain('/model qwen3-coder-plus has a 1.05M-token window');
		expect(chat.fake.chatRequests()).toHaveLength(0);
		// Back in the prompt, not lost: the meter counts it.
		expect(flat(chat.frame())).toContain('ctx 107% · 35k/33k');
	});
});

describe('answers cut at the output limit', () => {
	it('are marked with their output tokens, and /continue asks for the rest', async () => {
		chat = await startChat();
		await chat.submit('/continue');
		await chat.waitFor(frame => flat(frame).includes('The last answer was not cut off'));
		chat.fake.enqueue({kind: 'stream', chunks: ['The first ', 'half'], finishReason: 'length'});
		await ask(chat, 'a long story', 'The first half');
		await chat.waitFor(frame => flat(frame).includes('The answer above stopped at the output limit (2 tokens): it is cut short. /continue asks for the rest.'));
		await chat.submit('/continue');
		await chat.waitFor(() => chat!.fake.chatRequests().length === 2);
		expect(bodies(chat).at(-1)!.messages).toEqual([
			{role: 'user', content: 'a long story'},
			{role: 'assistant', content: 'The first half'},
			{role: 'user', content: CONTINUE_PROMPT},
		]);
	});
});

describe('compaction', () => {
	const long = (word: string) => `${word} `.repeat(500).trim();

	it('/compact summarises the older turns: the next request carries the summary and fewer messages', async () => {
		chat = await startChat();
		await ask(chat, long('alpha'));
		await ask(chat, long('beta'));
		await ask(chat, long('gamma'));
		const before = bodies(chat).at(-1)!.messages.length;

		chat.fake.enqueue({kind: 'stream', chunks: ['We spoke of ', 'alpha and beta.']});
		await chat.submit('/compact the Greek letters');
		await chat.waitFor(frame => /Compacted 2 turns: [\d.]+k → [\d.]+k? tokens\. The summary goes in their place/.test(flat(frame)));
		const request = bodies(chat).at(-1)!;
		// The turns to summarise (the last one is kept as it is), then what to keep.
		expect(request.messages.map(message => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
		expect(request.messages.at(-1)!.content).toContain('Keep in particular: the Greek letters.');

		await ask(chat, 'and now?');
		const after = bodies(chat).at(-1)!.messages;
		expect(after).toEqual([
			{role: 'user', content: SUMMARY_QUESTION},
			{role: 'assistant', content: 'We spoke of alpha and beta.'},
			{role: 'user', content: long('gamma')},
			{role: 'assistant', content: `Echo: ${long('gamma')}`},
			{role: 'user', content: 'and now?'},
		]);
		expect(after.length).toBeLessThan(before + 2);
	});

	it('makes room by itself before a message that would pass 85%, and says so', async () => {
		chat = await startChat({model: 'qwen-max'});
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 20_000}});
		await ask(chat, 'one', 'Noted.');
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted, two.'], usage: {promptTokens: 28_000}});
		await ask(chat, 'two', 'Noted, two.');
		await chat.waitFor(frame => flat(frame).includes('The conversation takes 85%'));

		chat.fake.enqueue({kind: 'stream', chunks: ['Summary of one.']});
		await chat.submit('three');
		await chat.waitFor(frame => flat(frame).includes("With your message the conversation would take 85% of qwen-max's window: compacting the older turns first"));
		await chat.waitFor(frame => flat(frame).includes('Compacted 1 turn: 28k →') && frame.includes('Echo: three'));
		const sent = bodies(chat);
		expect(sent).toHaveLength(4);
		expect(sent[2]!.messages.map(message => message.content)).toEqual(['one', 'Noted.', expect.stringContaining('Summarise our conversation so far')]);
		expect(sent[3]!.messages.map(message => message.content)).toEqual([SUMMARY_QUESTION, 'Summary of one.', 'two', 'Noted, two.', 'three']);
		await chat.waitFor(frame => /ctx 0% · \d+\/33k/.test(frame));
	});

	it('a compaction that does not shrink enough is reported and not repeated; a message that then cannot fit is refused', async () => {
		chat = await startChat({model: 'qwen-max'});
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 28_000}});
		await ask(chat, 'one', 'Noted.');

		// A summary of about 24,000 tokens: shorter than the 28,000 it replaces, but not by a fifth.
		chat.fake.enqueue({kind: 'stream', chunks: {count: 1920, text: 'word '.repeat(10)}}, {kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 30_000}});
		await chat.submit('two');
		await chat.waitFor(frame => /Compacted 1 turn: 28k → 24k tokens \(73% of the window\), not enough to make room; it is not tried again by itself/.test(flat(frame)), 15_000);
		await chat.waitFor(frame => flat(frame).includes('tokens in 30000'));
		expect(bodies(chat)).toHaveLength(3);

		// 30k of 33k: past 85%, but compaction is held, so the next short message goes as it is.
		chat.fake.enqueue({kind: 'stream', usage: {promptTokens: 30_500}});
		await ask(chat, 'three');
		expect(bodies(chat)).toHaveLength(4);
		expect(bodies(chat)[3]!.messages[0]!.content).toBe(SUMMARY_QUESTION);

		await chat.type(bracketedPaste('x'.repeat(12_000)));
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => flat(frame).includes('Not sent: with this message the conversation would take about'));
		expect(flat(chat.frame())).toContain('/compact summarises the older turns, /clear starts a new conversation, /model qwen3-coder-plus has a 1.05M-token window');
		expect(bodies(chat)).toHaveLength(4);
	});

	it('Esc stops a compaction: nothing changes, and the waiting message comes back to the prompt', async () => {
		chat = await startChat({model: 'qwen-max'});
		chat.fake.enqueue({kind: 'stream', chunks: ['Noted.'], usage: {promptTokens: 28_500}});
		await ask(chat, 'one', 'Noted.');
		chat.fake.enqueue({kind: 'stream', chunks: Array.from({length: 1000}, (_, index) => `s${index} `), delayMs: 20});
		await chat.submit('two');
		await chat.waitFor(frame => /compacting \d+\.\d s/.test(frame) && frame.includes('Queued until the compaction ends'));
		await chat.press(KEYS.escape);
		await chat.waitFor(frame => flat(frame).includes('Compaction stopped: the conversation stays as it was.') && flat(frame).includes('the compaction was stopped'));
		expect(chat.frame()).toMatch(/^› two\s*$/m);
		expect(bodies(chat)).toHaveLength(2);
	});
});
