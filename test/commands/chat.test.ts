import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {serviceError, TEST_KEYS} from '../support/fake-dashscope.js';
import {silentServer} from '../support/closed-port.js';
import {registerSecret} from '../support/run-cli.js';
import {ESC, freshCliWorld} from '../support/cli-world.js';

// A 1x1 PNG.
const PNG_1PX = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

type ChatBody = {
	model: string;
	stream: boolean;
	stream_options?: {include_usage?: boolean};
	enable_thinking?: boolean;
	messages: Array<{role: string; content: unknown}>;
};

describe('openclaw chat', () => {
	const world = freshCliWorld();

	const lastBody = (): ChatBody => {
		const body = world.server.chatRequests().at(-1)?.body;
		if (!body) throw new Error('no chat request was made');
		return body as ChatBody;
	};

	test('streams the answer to stdout before the server has finished sending', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: ['alpha ', 'beta ', 'gamma ', 'omega'], delayMs: 300});
		const run = world.start(['chat', 'Say four words']);
		const first = await run.firstStdout;
		// The first words are on screen while the last one has not been sent yet.
		expect(first).toContain('alpha');
		expect(first).not.toContain('omega');
		expect(run.child.exitCode).toBeNull();
		const result = await run.result;
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('alpha beta gamma omega\n');
		expect(result.stderr).toBe('');
	});

	test('sends the configured default model, a user message and asks for usage', async () => {
		world.saveLogin({model: 'qwen3-max'});
		const result = await world.run(['chat', 'Hello,', 'world']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Echo: Hello, world\n');
		const body = lastBody();
		expect(body.model).toBe('qwen3-max');
		expect(body.stream).toBe(true);
		expect(body.stream_options?.include_usage).toBe(true);
		expect(body.messages).toEqual([{role: 'user', content: 'Hello, world'}]);
	});

	test.each([
		['qwen', 'qwen-plus'],
		['QWEN3-CODER', 'qwen3-coder-plus'],
		['qwen-portal/qwen3-max', 'qwen3-max'],
	])('--model %s reaches the server as %s', async (given, expected) => {
		world.saveLogin();
		const result = await world.run(['chat', '--model', given, 'hi']);
		expect(result.code).toBe(0);
		expect(lastBody().model).toBe(expected);
	});

	test('piped stdin is appended to the prompt', async () => {
		world.saveLogin();
		const result = await world.run(['chat', 'Review this:'], {input: 'const x = 1;\n'});
		expect(result.code).toBe(0);
		expect(lastBody().messages[0]?.content).toBe('Review this:\n\nconst x = 1;');
	});

	test('a pipe that stays open and silent is named on stderr; what it sends at last is still appended', async () => {
		world.saveLogin();
		const run = world.start(['chat', 'Review this:'], {holdStdin: true});
		await run.waitForStderr('Waiting for stdin, which is added after the prompt. If nothing is coming, run it with </dev/null.');
		expect(world.server.chatRequests()).toHaveLength(0);
		run.child.stdin!.end('late input\n');
		const result = await run.result;
		expect(result.code).toBe(0);
		expect(lastBody().messages[0]?.content).toBe('Review this:\n\nlate input');
	});

	test('piped stdin alone is the prompt', async () => {
		world.saveLogin();
		const result = await world.run(['chat'], {input: 'Just stdin'});
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Echo: Just stdin\n');
	});

	test('Ctrl+C while the other regions are asked about a refused key stops the asking: exit 130, the refusal said', async () => {
		const key = 'sk-test0000nowhere0000000000000000';
		registerSecret(key);
		// A region that takes the connection and never answers: without Ctrl+C, the asking would wait a minute.
		const silent = await silentServer();
		try {
			const run = world.start(['chat', 'hello'], {
				extraEnv: {QWEN_API_KEY: key, QWEN_HK_BASE_URL: `http://127.0.0.1:${silent.port}/compatible-mode/v1`, OPENCLAW_TIMEOUT_MS: '60000'},
			});
			await silent.connected;
			run.child.kill('SIGINT');
			const result = await run.result;
			expect(result.code).toBe(130);
			expect(result.stderr).toContain('Invalid API key');
			expect(result.stderr).toContain('interrupted');
		} finally {
			silent.close();
		}
	});

	test('no prompt and empty stdin is a usage error (exit 2) and sends nothing', async () => {
		world.saveLogin();
		const result = await world.run(['chat']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('No prompt given');
		expect(world.server.requests).toHaveLength(0);
	});

	test('--verbose prints reasoning and usage to stderr, the answer alone to stdout', async () => {
		world.saveLogin();
		const result = await world.run(['chat', '--verbose', '--think', '--model', 'qwen', 'Why?']);
		expect(result.code).toBe(0);
		expect(lastBody().enable_thinking).toBe(true);
		expect(result.stdout).toBe('Echo: Why?\n');
		expect(result.stderr).toContain('Thinking about: Why?');
		expect(result.stderr).toMatch(/\d+ tokens in, \d+ out/);
		expect(result.stderr).toMatch(/first token \d+ ms/);
		expect(result.stderr).toMatch(/tokens\/s/);
	});

	test('without --verbose reasoning is not shown', async () => {
		world.saveLogin();
		const result = await world.run(['chat', '--think', '--model', 'qwen', 'Why?']);
		expect(result.code).toBe(0);
		expect(result.stderr).not.toContain('Thinking about');
	});

	test('--image sends the file as a base64 data URL to a vision model', async () => {
		world.saveLogin();
		const image = path.join(world.home.home, 'photo.png');
		fs.writeFileSync(image, PNG_1PX);
		const result = await world.run(['chat', '--model', 'qwen3-vl-plus', 'Analyze this image', '--image', image]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('[1 image]');
		expect(lastBody().messages[0]?.content).toEqual([
			{type: 'text', text: 'Analyze this image'},
			{type: 'image_url', image_url: {url: `data:image/png;base64,${PNG_1PX.toString('base64')}`}},
		]);
	});

	test('--image with a text-only model is refused before any request, naming a vision model', async () => {
		world.saveLogin();
		const image = path.join(world.home.home, 'photo.png');
		fs.writeFileSync(image, PNG_1PX);
		const result = await world.run(['chat', '--model', 'qwen3-coder-plus', '--image', image, 'What is this?']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('does not accept images');
		expect(result.stderr).toContain('qwen3-vl-plus');
		expect(world.server.requests).toHaveLength(0);
	});

	test('--image with a missing or non-image file is refused before any request', async () => {
		world.saveLogin();
		const notImage = path.join(world.home.home, 'notes.txt');
		fs.writeFileSync(notImage, 'just text, not a picture');
		const missing = await world.run(['chat', '--model', 'qwen3-vl-plus', '--image', path.join(world.home.home, 'nope.png'), 'x']);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('nope.png');
		const wrongType = await world.run(['chat', '--model', 'qwen3-vl-plus', '--image', notImage, 'x']);
		expect(wrongType.code).toBe(1);
		expect(wrongType.stderr).toContain('notes.txt');
		expect(world.server.requests).toHaveLength(0);
	});

	test('without any key it points at login and QWEN_API_KEY, exit 1, no request', async () => {
		const result = await world.run(['chat', 'hello']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('openclaw models auth login --provider qwen-portal');
		expect(result.stderr).toContain('export QWEN_API_KEY=');
		expect(world.server.requests).toHaveLength(0);
	});

	test('an exported but empty QWEN_API_KEY is named when no key is found', async () => {
		const result = await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: ''}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('QWEN_API_KEY is set but empty');
		expect(result.stderr).toContain('No DashScope API key found');
	});

	test('a malformed QWEN_API_KEY is named and never sent', async () => {
		const broken = 'sk-test0000\nintl00000000000000000000';
		registerSecret(broken);
		registerSecret('intl00000000000000000000');
		world.saveLogin();
		const result = await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: broken}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('The key from env QWEN_API_KEY cannot be used');
		expect(result.stderr).toContain('Nothing was sent');
		expect(world.server.requests).toHaveLength(0);
	});

	test('QWEN_API_KEY from the environment is used', async () => {
		world.saveLogin();
		const result = await world.run(['chat', 'hi'], {extraEnv: {QWEN_API_KEY: TEST_KEYS.intl}});
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Echo: hi\n');
	});

	test('a refused model name fails before any request with the suggestion', async () => {
		world.saveLogin();
		const result = await world.run(['chat', '--model', 'qwen.qwen-plus', 'hi']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('qwen-plus');
		expect(world.server.requests).toHaveLength(0);
	});

	test('Ctrl+C stops the answer: newline, "interrupted", exit 130', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', chunks: ['one ', 'two ', 'three ', 'four ', 'five ', 'six '], delayMs: 400});
		const run = world.start(['chat', 'count']);
		await run.firstStdout;
		run.child.kill('SIGINT');
		const result = await run.result;
		expect(result.code).toBe(130);
		expect(result.stdout.startsWith('one ')).toBe(true);
		expect(result.stdout.endsWith('\n')).toBe(true);
		expect(result.stdout).not.toContain('six');
		expect(result.stderr).toContain('interrupted');
	});

	describe('service errors print the classified message and exit 1', () => {
		const cases = [
			['rate limited', [serviceError('rateLimit'), serviceError('rateLimit'), serviceError('rateLimit')], 'Rate limited'],
			['quota exceeded', [serviceError('insufficientQuota')], 'Quota exceeded'],
			['arrears', [serviceError('arrears')], 'Account in arrears'],
			['free tier exhausted', [serviceError('freeTierOnly')], 'Free tier exhausted'],
			['moderation', [serviceError('moderation')], 'Blocked by content moderation'],
			['context too long', [serviceError('contextTooLong')], 'Conversation too long'],
			['image too large', [serviceError('imageTooLarge')], 'Image too large'],
			['server error', [serviceError('internal'), serviceError('internal'), serviceError('overloaded')], 'Service error'],
			['error framed as SSE', [serviceError('arrears', {sse: true})], 'Account in arrears'],
		] as const;
		test.each(cases)('%s', async (_name, behaviours, title) => {
			world.saveLogin();
			world.server.enqueue(...behaviours);
			const result = await world.run(['chat', 'hello']);
			expect(result.code).toBe(1);
			expect(result.stderr).toContain(`error: ${title}`);
			expect(result.stderr).toContain('Next step:');
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(result.stdout).toBe('');
		});
	});

	test('an invalid key: 401 with the guide advice (format, expiry, region)', async () => {
		const badKey = 'sk-test0000bad0000000000000000000000';
		registerSecret(badKey);
		world.saveLogin();
		const result = await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: badKey}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('error: Invalid API key');
		expect(result.stderr).toContain('sk-');
		expect(result.stderr).toContain('expired');
	});

	test('a key from another region: names the right region and how to switch', async () => {
		world.saveLogin({keyRegion: 'cn', baseUrlRegion: 'intl'});
		const result = await world.run(['chat', 'hello']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('error: Wrong region');
		expect(result.stderr).toContain('China (Beijing)');
		expect(result.stderr).toContain('--region cn');
	});

	test('an unknown model id is sent as is and the 404 lists where to find ids', async () => {
		world.saveLogin();
		const result = await world.run(['chat', '--model', 'qwen9-imaginary', 'hello']);
		expect(lastBody().model).toBe('qwen9-imaginary');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('not in openclaw\'s registry');
		expect(result.stderr).toContain('error: Model not found');
		expect(result.stderr).toContain('openclaw models list');
	});

	test('a server that never answers times out with the region hint', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'hang'}, {kind: 'hang'}, {kind: 'hang'});
		const result = await world.run(['chat', 'hello'], {extraEnv: {OPENCLAW_TIMEOUT_MS: '1000'}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('error: Connection timed out');
		expect(result.stderr).toContain('International');
	});

	test('an unreachable endpoint is a network error', async () => {
		world.saveLogin();
		const result = await world.run(['chat', 'hello'], {
			extraEnv: {QWEN_INTL_BASE_URL: 'http://127.0.0.1:9/intl/compatible-mode/v1'},
		});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/error: (Connection refused|Network error)/);
	});

	test('an error in the middle of the stream keeps the partial answer and ends it with a newline', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'error-mid-stream', afterChunks: 2});
		const result = await world.run(['chat', 'one two three four']);
		expect(result.code).toBe(1);
		expect(result.stdout.length).toBeGreaterThan(1);
		expect(result.stdout.endsWith('\n')).toBe(true);
		expect(result.stderr).toContain('error: Blocked by content moderation');
	});

	test('output through a pipe has no escape codes, even on errors and with --verbose', async () => {
		world.saveLogin();
		const ok = await world.run(['chat', '--verbose', '--think', '--model', 'qwen', 'hi']);
		world.server.enqueue(serviceError('arrears'));
		const failed = await world.run(['chat', 'hi']);
		for (const text of [ok.stdout, ok.stderr, failed.stdout, failed.stderr]) expect(text).not.toContain(ESC);
	});
});
