/**
 * The fault corpus: every way a service, a proxy or a setting was seen to go
 * wrong, driven through the built CLI against the fake server. Each case
 * asserts what the user reads and the exit code; every case also asserts that
 * nothing leaks: no JavaScript internals, no markup, no escape sequences and
 * no key (in any case, or broken over lines).
 */
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {coreServices} from '../../source/ui/wizard/run-wizard.js';
import {ERROR_BODIES, TEST_KEYS} from '../support/fake-dashscope.js';
import {freshCliWorld, type CliWorld} from '../support/cli-world.js';
import {registerSecret, type CliResult} from '../support/run-cli.js';

const world = freshCliWorld();

/** An obviously fake key whose parts differ, so a leak of any part of it is told from padding. */
const KEY = 'sk-test0000faults9f8e7d6c5b4a3f2e1d';
registerSecret(KEY);

const ESC = '\u001B';
const BEL = '\u0007';

/** What a user must never read: JavaScript's own words, the SDK's logging, markup, a crash report. */
const INTERNALS: readonly RegExp[] = [
	/Cannot read properties/,
	/Unexpected end of JSON/,
	/\bInvalid URL\b/,
	/\b(Type|Syntax|Reference|Range)Error\b/,
	/Could not parse message into JSON/,
	/From chunk:/,
	/\bundefined\b/,
	/\(reading '/,
	/\[object Object\]/,
	/<\/?(html|head|body|title|h1|center|div|!doctype)\b/i,
	/node:internal/,
	/^\s+at .+[(:]\d+/m,
	/This is a bug in openclaw/,
];

type Fault = {
	/** What was seen; the item of the hardening pass it stands for. */
	name: string;
	args: readonly string[];
	/** Nothing saved beforehand (a login); otherwise an International login is in place. */
	fresh?: boolean;
	prepare?: (world: CliWorld) => void;
	env?: (world: CliWorld) => Record<string, string>;
	input?: string;
	code: number;
	/** Each must appear on stderr (strings as they are, patterns matched). */
	stderr?: ReadonlyArray<string | RegExp>;
	stdout?: string | RegExp;
	/** Must appear in neither stream. */
	absent?: ReadonlyArray<string | RegExp>;
	/** The answer's own bytes are expected on stdout (--raw). */
	rawStdout?: boolean;
	after?: (world: CliWorld, result: CliResult) => void;
};

const CHAT = ['chat', 'hello'];
const PROBE = ['models', 'status', '--probe'];
const LOGIN = ['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'];

/** The stream's own answer as DashScope frames it, for `events` payloads. */
function delta(content: string, finishReason: string | null = null): string {
	return JSON.stringify({choices: [{delta: {content}, index: 0, finish_reason: finishReason}], object: 'chat.completion.chunk'});
}

const portalPage = '<!DOCTYPE html><html><head><title>Sign in to Hotel Wi-Fi</title></head><body><form>…</form></body></html>';
const badGateway = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';

function nothingSaved(world: CliWorld): void {
	expect(fs.existsSync(world.home.credentialsPath)).toBe(false);
	expect(fs.existsSync(world.home.paths.authProfilesPath)).toBe(false);
	expect(fs.existsSync(world.home.paths.configPath)).toBe(false);
}

const FAULTS: readonly Fault[] = [
	// 1. A model list is JSON with a `data` array of objects with string ids; anything else is an error.
	{
		name: 'an HTML 200 to GET /models (captive portal) fails the probe',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'text/html; charset=utf-8', body: portalPage}),
		code: 1,
		stderr: [],
		stdout: /Probe: Unexpected reply\nUnexpected reply from http:\/\/127\.0\.0\.1:\d+\/intl\/compatible-mode\/v1\/models \(looks like an HTML page titled "Sign in to Hotel Wi-Fi": a proxy or captive portal\?\)/,
		absent: ['Probe: ok', '0 models'],
	},
	{
		name: 'an HTML 200 to GET /models makes login save nothing',
		args: LOGIN,
		fresh: true,
		input: KEY,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'text/html', body: portalPage}),
		code: 1,
		stderr: ['Unexpected reply. Nothing was saved.', 'looks like an HTML page', 'proxy or captive portal?'],
		absent: ['Key accepted'],
		after: nothingSaved,
	},
	{
		name: 'an empty 200 to GET /models',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'application/json', body: ''}),
		code: 1,
		stdout: /Unexpected reply from \S+\/models \(an empty body\)/,
	},
	{
		name: 'JSON without a data array to GET /models',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'application/json', body: '{"object":"list","models":["qwen-plus"]}'}),
		code: 1,
		stdout: /Unexpected reply from \S+\/models \(JSON, but not in the shape DashScope sends\)/,
	},
	{
		name: 'model entries without string ids',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'application/json', body: '{"data":[{"id":"qwen-plus"},{"name":"x"}]}'}),
		code: 1,
		stdout: /Unexpected reply/,
	},

	// 2. JavaScript internals.
	{
		name: 'a truncated JSON model list (was: Unexpected end of JSON input)',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'application/json', body: '{"object":"list","data":[{"id":"qwen'}),
		code: 1,
		stdout: /Unexpected reply from \S+\/models \(not JSON/,
	},
	{
		name: 'a stream chunk with choices: null, then the answer',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'events', data: ['{"choices":null,"usage":null}', delta('fine', 'stop')]}),
		code: 0,
		stdout: 'fine\n',
	},
	{
		name: 'a stream of chunks with choices: null only',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'events', data: ['{"choices":null}', '{"choices":null}']}),
		code: 1,
		stderr: ['error: Answer not finished', 'no finish_reason'],
	},
	{
		name: 'a stream event that is JSON but no object',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'events', data: ['null', '42']}),
		code: 1,
		stderr: ['error: Unexpected reply', 'a stream event that is not a JSON object'],
	},
	{
		name: 'QWEN_INTL_BASE_URL=not a url names the variable',
		args: CHAT,
		env: () => ({QWEN_INTL_BASE_URL: 'not a url'}),
		code: 1,
		stderr: ['error: Invalid base URL', 'QWEN_INTL_BASE_URL is not a valid http(s) URL: "not a url". Nothing was sent.', 'or unset it'],
	},
	{
		name: 'QWEN_INTL_BASE_URL=not a url, in the probe',
		args: PROBE,
		env: () => ({QWEN_INTL_BASE_URL: 'not a url'}),
		code: 1,
		stdout: /QWEN_INTL_BASE_URL is not a valid http\(s\) URL: "not a url"/,
	},
	{
		name: 'a bad baseUrl in openclaw.json names the setting and the file',
		args: CHAT,
		prepare: w =>
			w.home.writeConfig({models: {providers: {'qwen-portal': {baseUrl: 'dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: '${QWEN_API_KEY}', api: 'openai-completions'}}}}),
		code: 1,
		stderr: [/models\.providers\.qwen-portal\.baseUrl in \/\S+\/\.openclaw\/openclaw\.json is not a valid http\(s\) URL: "dashscope-intl\.aliyuncs\.com\/compatible-mode\/v1"/],
	},

	// 3. The SDK's own logging on malformed events.
	{
		name: 'a malformed SSE event: no SDK lines, an unexpected reply, the partial answer kept',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'events', data: [delta('partial '), '{"choices":[{"delta":{"content":"x"']}),
		code: 1,
		stdout: 'partial \n',
		stderr: ['error: Unexpected reply', 'a stream event that is not JSON'],
	},

	// 4. Wrong reasons.
	{
		name: 'a 404 on GET /models (wrong base path) is an endpoint that does not exist',
		args: PROBE,
		env: w => ({QWEN_INTL_BASE_URL: `${w.server.url}/intl/v1`}),
		code: 1,
		stdout: /Probe: Endpoint not found\nhttp:\/\/127\.0\.0\.1:\d+\/intl\/v1\/models does not exist \(HTTP 404\)[^\n]*\nNext step: Check QWEN_INTL_BASE_URL: it should end in \/compatible-mode\/v1/,
		absent: ['region prefix', 'Model not found'],
	},
	{
		name: 'a proxy 404 page on GET /models',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 404, contentType: 'text/html', body: '<html><head><title>404 Not Found</title></head></html>'}),
		code: 1,
		stdout: /Endpoint not found/,
		absent: ['region prefix'],
	},
	{
		name: 'a 404 on chat at a wrong base path',
		args: CHAT,
		env: w => ({QWEN_INTL_BASE_URL: `${w.server.url}/v1`}),
		code: 1,
		stderr: ['error: Endpoint not found', '/v1/chat/completions does not exist (HTTP 404)', 'QWEN_INTL_BASE_URL'],
		absent: ['region prefix'],
	},
	{
		name: 'a proxy 502 HTML page is summarised by its title, after the retries',
		args: CHAT,
		prepare: w => {
			for (let attempt = 0; attempt < 3; attempt++) w.server.enqueue({kind: 'raw', status: 502, contentType: 'text/html', body: badGateway});
		},
		code: 1,
		stderr: ['error: Service error', /The server answered with an HTML page, HTTP 502: 502 Bad Gateway \(from http:\/\/127\.0\.0\.1:\d+\/intl\/compatible-mode\/v1\/chat\/completions\)/],
		absent: ['nginx'],
	},
	{
		name: 'a proxy 503 HTML page on the probe',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 503, contentType: 'text/html', body: '<html><title>Service Unavailable</title></html>'}),
		code: 1,
		stdout: /HTML page, HTTP 503: Service Unavailable/,
	},
	{
		name: '[DONE] without any finish_reason',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'events', data: [delta('cut '), delta('short')]}),
		code: 1,
		stdout: 'cut short\n',
		stderr: ['error: Answer not finished', 'ended without saying the answer was finished (no finish_reason); what arrived is kept'],
		absent: ['Connection lost'],
	},
	{
		name: 'a stream that ends without [DONE] or finish_reason',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'events', data: [delta('cut ')], done: false}),
		code: 1,
		stderr: ['error: Answer not finished'],
	},
	{
		name: 'a non-streamed JSON answer to a streaming request is printed',
		args: CHAT,
		prepare: w =>
			w.server.enqueue({
				kind: 'raw',
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({choices: [{message: {role: 'assistant', content: 'all at once'}, finish_reason: 'stop', index: 0}], usage: {prompt_tokens: 2, completion_tokens: 3, total_tokens: 5}}),
			}),
		code: 0,
		stdout: 'all at once\n',
	},
	{
		name: 'an empty 200 to a chat',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'raw', status: 200, contentType: 'application/json', body: ''}),
		code: 1,
		stderr: [/Unexpected reply from \S+\/chat\/completions \(an empty body\)/],
	},
	{
		name: 'an HTML 200 to a chat',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'raw', status: 200, contentType: 'text/html', body: portalPage}),
		code: 1,
		stderr: ['looks like an HTML page titled "Sign in to Hotel Wi-Fi": a proxy or captive portal?'],
	},
	{
		name: 'https:// pointed at a plain-HTTP port',
		args: CHAT,
		env: w => ({QWEN_INTL_BASE_URL: w.server.baseUrls.intl.replace('http://', 'https://')}),
		code: 1,
		stderr: ['error: TLS handshake failed', /The TLS handshake with 127\.0\.0\.1:\d+ failed: the server there does not speak TLS\. Is it http:\/\/\?/, 'use http:// in QWEN_INTL_BASE_URL'],
		absent: ['Network error'],
	},
	{
		name: 'https:// at a plain-HTTP port, in the probe',
		args: PROBE,
		env: w => ({QWEN_INTL_BASE_URL: w.server.baseUrls.intl.replace('http://', 'https://')}),
		code: 1,
		stdout: /Probe: TLS handshake failed/,
	},
	{
		name: 'a connection lost during the login check is worded for a check',
		args: LOGIN,
		fresh: true,
		input: KEY,
		prepare: w => w.server.enqueueModels({kind: 'reset'}),
		code: 1,
		stderr: ['Connection lost. Nothing was saved.', 'before the model list arrived', 'run the check again'],
		absent: ['already received', 'answer'],
		after: nothingSaved,
	},
	{
		name: 'a connection lost during the probe is worded for a check',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'reset'}),
		code: 1,
		stdout: /Connection lost[\s\S]*before the model list arrived/,
		absent: ['already received'],
	},

	// 5. A stall once text has arrived.
	{
		name: 'the answer stops arriving after text came',
		args: CHAT,
		env: () => ({OPENCLAW_TIMEOUT_MS: '1000'}),
		prepare: w => w.server.enqueue({kind: 'stream', chunks: ['first ', 'second'], delayMs: 3000}),
		code: 1,
		stdout: 'first \n',
		stderr: ['error: Answer stalled', 'The answer stopped arriving after 1 s without a word from the service; what arrived is kept.', 'OPENCLAW_TIMEOUT_MS'],
		absent: ['region mismatch', 'timed out'],
	},

	// 6. OPENCLAW_TIMEOUT_MS.
	...['3000000000', '0', '-1', 'abc'].flatMap((value): Fault[] =>
		[CHAT, PROBE, LOGIN, ['doctor']].map(args => ({
			name: `OPENCLAW_TIMEOUT_MS=${value} for ${args.slice(0, 2).join(' ')}`,
			args,
			env: () => ({OPENCLAW_TIMEOUT_MS: value}),
			...(args === LOGIN ? {input: KEY} : {}),
			code: 2,
			stderr: [`error: OPENCLAW_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 3600000; it is "${value}".`],
			after: (w: CliWorld) => expect(w.server.requests).toHaveLength(0),
		})),
	),
	{
		name: 'OPENCLAW_TIMEOUT_MS applies to the key check',
		args: PROBE,
		env: () => ({OPENCLAW_TIMEOUT_MS: '1000'}),
		prepare: w => w.server.enqueueModels({kind: 'hang'}),
		code: 1,
		stdout: /Connection timed out\nNo answer from the International \(Singapore\) endpoint after 1s/,
	},

	// 7. Escape sequences from the service.
	{
		name: 'piped output carries no escape sequences from the model',
		args: ['chat', '--verbose', '--think', '--model', 'qwen-plus', 'hello'],
		prepare: w =>
			w.server.enqueue({
				kind: 'stream',
				chunks: ['Hello ', `${ESC}]52;c;cm0gLXJmIH4=${BEL}`, 'wor', `${ESC}[2J${ESC}[H`, 'ld', `${ESC}]0;pwned${BEL}\r\n`],
				reasoning: [`Think${ESC}]0;pwned${BEL}ing`],
			}),
		code: 0,
		stdout: 'Hello world\n',
		stderr: ['Thinking'],
		absent: ['pwned', 'cm0gLXJmIH4='],
	},
	{
		name: '--raw passes the model\'s bytes through to a pipe',
		args: ['chat', '--raw', 'hello'],
		prepare: w => w.server.enqueue({kind: 'stream', chunks: ['Hello ', `${ESC}]52;c;cm0=${BEL}`, 'world']}),
		code: 0,
		stdout: `Hello ${ESC}]52;c;cm0=${BEL}world\n`,
		rawStdout: true,
	},
	{
		name: 'escape sequences in a service error message',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'error', status: 400, body: {error: {message: `bad ${ESC}]52;c;cm0=${BEL}request${ESC}[2J`, type: 'x', code: 'x'}}}),
		code: 1,
		stderr: ['The service rejected the request: bad request'],
	},

	// 8. The key echoed back.
	{
		name: 'a key echoed in capitals',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'error', status: 400, body: {error: {message: `Incorrect API key provided: ${KEY.toUpperCase()}.`, type: 'x', code: 'x'}}}),
		code: 1,
		stderr: ['Incorrect API key provided: …'],
	},
	{
		name: 'a key echoed over two lines, in capitals, without its sk-',
		args: CHAT,
		prepare: w =>
			w.server.enqueue({kind: 'error', status: 400, body: {error: {message: `key ${KEY.slice(3, 18).toUpperCase()}\n${KEY.slice(18).toUpperCase()} refused`, type: 'x', code: 'x'}}}),
		code: 1,
		stderr: ['key … refused'],
	},
	{
		name: 'a key echoed in a mid-stream error event',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'error-mid-stream', afterChunks: 1, body: {error: {message: `quota for SK-${KEY.slice(3).toUpperCase()}`, type: 'x', code: 'weird'}}}),
		code: 1,
		stderr: ['quota for …'],
	},
	{
		name: 'a key in the body of a proxy page',
		args: PROBE,
		prepare: w => w.server.enqueueModels({kind: 'raw', status: 200, contentType: 'text/html', body: `<html><head><title>Denied ${KEY}</title></head></html>`}),
		code: 1,
		stdout: /HTML page titled "Denied …"/,
	},

	// 9. An empty --model.
	{name: 'chat --model \'\'', args: ['chat', '--model', '', 'hello'], code: 2, stderr: ['error: No model given: --model was empty; it takes a model id or alias.', 'models list']},
	{name: 'chat -m \' \'', args: ['chat', '-m', ' ', 'hello'], code: 2, stderr: ['No model given']},

	// 10. Text-only models.
	{
		name: 'a text-only model refusing an image has its own kind and words',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'error', status: 400, body: ERROR_BODIES.contentMustBeString()}),
		code: 1,
		stderr: ['error: Model does not accept images', 'qwen3-vl-plus'],
		absent: ['Request rejected'],
	},

	// What the stream carries: finish_reason "length" and the usage details.
	{
		name: 'an answer cut at the output limit says so',
		args: CHAT,
		prepare: w => w.server.enqueue({kind: 'stream', finishReason: 'length'}),
		code: 0,
		stdout: 'Echo: hello\n',
		stderr: [/note: stopped at the output limit \(2 tokens\); the answer is cut short \(finish_reason: length\)\. Ask for the rest: openclaw chat -c/],
	},
	{
		name: '--verbose shows cached and reasoning tokens',
		args: ['chat', '--verbose', '--think', '--model', 'qwen-plus', 'hello'],
		prepare: w => w.server.enqueue({kind: 'stream', usage: {promptTokens: 2048, cachedTokens: 1024}}),
		code: 0,
		stderr: [/qwen-plus · 2048 tokens in \(1024 cached, cache 50%\), \d+ out \(\d+ reasoning\) · est\. \$0\.\d{4} \(input ≤256K\) · first token/],
	},
	{
		name: '--verbose shows tokens written to an explicit cache',
		args: ['chat', '--verbose', 'hello'],
		prepare: w => w.server.enqueue({kind: 'stream', usage: {promptTokens: 4000, cacheCreationTokens: 3000}}),
		code: 0,
		stderr: [/4000 tokens in \(3000 written to cache\), \d+ out · /],
	},
];

/** The text with whitespace removed and lower-cased, so a key in capitals or broken over lines is still found. */
function squeezed(text: string): string {
	return text.replace(/\s+/g, '').toLowerCase();
}

function keyPieces(key: string): string[] {
	const body = key.slice(3).toLowerCase();
	return [body.slice(0, 12), body.slice(-12), body.slice(10, 22)];
}

describe('service fault corpus (built CLI against the fake server)', () => {
	it.each(FAULTS.map(fault => [fault.name, fault] as const))('%s', async (_name, fault) => {
		if (!fault.fresh) world.saveLogin();
		world.server.addKey('intl', KEY);
		fault.prepare?.(world);
		const result = await world.run(fault.args, {
			extraEnv: {QWEN_API_KEY: KEY, ...fault.env?.(world)},
			...(fault.input === undefined ? {} : {input: fault.input}),
		});
		const output = `${result.stdout}\n${result.stderr}`;

		expect({code: result.code, signal: result.signal}, output).toEqual({code: fault.code, signal: null});
		for (const expected of fault.stderr ?? []) {
			if (typeof expected === 'string') expect(result.stderr).toContain(expected);
			else expect(result.stderr).toMatch(expected);
		}
		if (typeof fault.stdout === 'string') expect(result.stdout).toBe(fault.stdout);
		else if (fault.stdout) expect(result.stdout).toMatch(fault.stdout);
		for (const absent of fault.absent ?? []) {
			if (typeof absent === 'string') expect(output).not.toContain(absent);
			else expect(output).not.toMatch(absent);
		}
		if (fault.code !== 0) expect(output).toMatch(/Next step: \S/);

		for (const pattern of INTERNALS) expect(output).not.toMatch(pattern);
		expect(result.stderr).not.toContain(ESC);
		if (!fault.rawStdout) expect(result.stdout).not.toContain(ESC);
		for (const piece of [...keyPieces(KEY), ...keyPieces(TEST_KEYS.intl)]) expect(squeezed(output)).not.toContain(piece);
		fault.after?.(world, result);
	});

	it('holds at least one case for each fault seen', () => {
		expect(FAULTS.length).toBeGreaterThanOrEqual(40);
	});
});

describe("the wizard's key check", () => {
	it('waits OPENCLAW_TIMEOUT_MS, not its own default', async () => {
		world.server.enqueueModels({kind: 'hang'});
		const env = {...world.env(), OPENCLAW_TIMEOUT_MS: '1000'};
		const started = Date.now();
		const probe = await coreServices(env, world.home.paths).probeKey(TEST_KEYS.intl, 'intl', new AbortController().signal);
		expect(probe.status).toBe('unreachable');
		expect(probe.status === 'unreachable' && probe.error.message).toContain('after 1s');
		expect(Date.now() - started).toBeLessThan(4000);
	});
});
