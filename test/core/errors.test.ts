import {describe, expect, it} from 'vitest';
import {
	APIConnectionError,
	APIConnectionTimeoutError,
	APIError,
	APIUserAbortError,
} from 'openai';
import {DashScopeError, classifyApiError} from '../../source/core/errors.js';
import {ERROR_BODIES, ERROR_STATUS} from '../support/fake-dashscope.ts';
import type {NamedServiceError} from '../support/fake-dashscope.ts';

/** An SDK error as the openai client builds it from a status and a JSON body. */
function sdkError(status: number, body: {error?: unknown; request_id?: string} | string): APIError {
	const headers = new Headers({'x-request-id': 'req-1234'});
	if (typeof body === 'string') return APIError.generate(status, undefined, body, headers);
	return APIError.generate(status, body, undefined, headers);
}

describe('classifyApiError: service errors', () => {
	it.each<[NamedServiceError, string]>([
		['rateLimit', 'rate_limited'],
		['insufficientQuota', 'quota_exceeded'],
		['arrears', 'arrears'],
		['freeTierOnly', 'free_tier_exhausted'],
		['moderation', 'moderation'],
		['contextTooLong', 'context_too_long'],
		['imageTooLarge', 'image_too_large'],
		['internal', 'server_error'],
		['overloaded', 'server_error'],
	])('%s -> %s', (name, kind) => {
		const classified = classifyApiError(sdkError(ERROR_STATUS[name], ERROR_BODIES[name]));
		expect(classified.kind).toBe(kind);
		expect(classified.status).toBe(ERROR_STATUS[name]);
		expect(classified.requestId).toBe('req-1234');
		expect(classified.title.length).toBeGreaterThan(0);
		expect(classified.nextStep.length).toBeGreaterThan(0);
	});

	it('gives the invalid-key advice for a 401', () => {
		const classified = classifyApiError(sdkError(401, ERROR_BODIES.invalidKey('intl')), {regionLabel: 'International (Singapore)'});
		expect(classified.kind).toBe('invalid_key');
		expect(classified.message).toMatch(/starts with sk-/);
		expect(classified.message).toMatch(/expired/);
		expect(classified.message).toMatch(/region/);
		expect(classified.message).toContain('International (Singapore)');
	});

	it('names the region the key belongs to when the context knows it', () => {
		const classified = classifyApiError(sdkError(401, ERROR_BODIES.invalidKey('intl')), {
			regionLabel: 'International (Singapore)',
			keyRegion: 'cn',
		});
		expect(classified.kind).toBe('wrong_region');
		expect(classified.message).toContain('China (Beijing)');
		expect(classified.message).toMatch(/not interchangeable/i);
	});

	it('gives the model-not-found advice for a 404 naming the model from the body', () => {
		const classified = classifyApiError(sdkError(404, ERROR_BODIES.modelNotFound('qwen.qwen-plus')));
		expect(classified.kind).toBe('model_not_found');
		expect(classified.message).toContain('"qwen.qwen-plus"');
		expect(classified.message).toContain('without a region prefix');
		expect(classified.nextStep).toContain('openclaw models list');
	});

	it('tells a text-only model apart from other 400s', () => {
		const body = {error: {message: 'input content must be a string.', type: 'invalid_request_error', code: 'invalid_parameter_error'}};
		const classified = classifyApiError(sdkError(400, body), {model: 'qwen-plus'});
		expect(classified.kind).toBe('text_only_model');
		expect(classified.nextStep).toContain('qwen3-vl-plus');

		const other = classifyApiError(sdkError(400, ERROR_BODIES.developerRole()));
		expect(other.kind).toBe('bad_request');
		expect(other.message).toContain('developer is not one of');
	});

	it('reads an SSE-framed body that the SDK could not parse', () => {
		const framed = `data: ${JSON.stringify(ERROR_BODIES.arrears)}\n\n`;
		expect(classifyApiError(sdkError(400, framed)).kind).toBe('arrears');
		expect(classifyApiError(framed).kind).toBe('arrears');
	});

	it('classifies a mid-stream error event (no status)', () => {
		const event = new APIError(undefined, ERROR_BODIES.moderation.error, undefined, new Headers());
		expect(classifyApiError(event).kind).toBe('moderation');
	});

	it('classifies a plain body object', () => {
		expect(classifyApiError({status: 429, ...ERROR_BODIES.rateLimit}).kind).toBe('rate_limited');
	});

	it('recognises the discontinued OAuth portal', () => {
		const expired = classifyApiError(sdkError(401, 'invalid access token or token expired'));
		expect(expired.kind).toBe('portal_discontinued');
		expect(expired.message).toContain('2026-04-15');
		expect(expired.nextStep).toContain('api-key');
		expect(classifyApiError(sdkError(429, 'Free allocated quota exceeded.')).kind).toBe('portal_discontinued');
	});
});

describe('classifyApiError: transport', () => {
	it('maps a timeout to the timeout advice', () => {
		const classified = classifyApiError(new APIConnectionTimeoutError(), {timeoutMs: 30_000});
		expect(classified.kind).toBe('timeout');
		expect(classified.message).toContain('30s');
		expect(classified.message).toContain('region');
		expect(classified.nextStep).toContain('openclaw models status --probe');
	});

	it.each([
		['ENOTFOUND', 'Host not found', {hostname: 'dashscope-intl.aliyuncs.com'}],
		['ECONNREFUSED', 'Connection refused', {address: '127.0.0.1', port: 9}],
		['ECONNRESET', 'Connection lost', {}],
	])('maps %s inside an APIConnectionError', (code, title, extra) => {
		const cause = Object.assign(new TypeError('fetch failed'), {
			cause: Object.assign(new Error(`connect ${code}`), {code, ...extra}),
		});
		const classified = classifyApiError(new APIConnectionError({cause}));
		expect(classified.kind).toBe('network');
		expect(classified.title).toBe(title);
	});

	it('names the host that did not resolve', () => {
		const cause = Object.assign(new Error('getaddrinfo ENOTFOUND x'), {code: 'ENOTFOUND', hostname: 'dashscope-intl.aliyuncs.com'});
		expect(classifyApiError(new APIConnectionError({cause})).message).toContain('dashscope-intl.aliyuncs.com');
	});

	it.each([
		['APIUserAbortError', new APIUserAbortError()],
		['DOM AbortError', new DOMException('This operation was aborted', 'AbortError')],
	])('maps %s to aborted', (_name, error) => {
		expect(classifyApiError(error).kind).toBe('aborted');
	});

	it('passes a DashScopeError through', () => {
		const classified = {kind: 'timeout' as const, title: 't', message: 'm', nextStep: 'n'};
		expect(classifyApiError(new DashScopeError(classified))).toBe(classified);
	});

	it('falls back to unknown with the text', () => {
		const classified = classifyApiError(new Error('weird'));
		expect(classified.kind).toBe('unknown');
		expect(classified.message).toContain('weird');
	});
});

describe('keys never leak', () => {
	const key = 'sk-test0000leak0000000000000000abcd';

	it('scrubs a key echoed in a service message', () => {
		const body = {error: {message: `Incorrect API key provided: ${key}`, type: 'x', code: 'weird'}};
		const classified = classifyApiError(sdkError(400, body));
		expect(JSON.stringify(classified)).not.toContain(key);
		expect(classified.message).toContain('sk-…');
	});

	it('scrubs both halves of the known key when a line break split it', () => {
		const split = 'sk-test0000leak\n0000000000000000tail';
		const error = new TypeError(`Headers.append: "Bearer ${split}" is an invalid header value.`);
		const classified = classifyApiError(error, {secret: split});
		const text = JSON.stringify(classified);
		expect(text).not.toContain('0000000000000000tail');
		expect(text).not.toContain('sk-test0000leak');
	});
});

describe('a key HTTP cannot carry', () => {
	it('says the key is unsendable, not that the network is down', () => {
		const cause = Object.assign(new TypeError('invalid header value'), {code: 'UND_ERR_INVALID_ARG'});
		const classified = classifyApiError(new APIConnectionError({cause}));
		expect(classified.kind).toBe('bad_request');
		expect(classified.title).toBe('The key cannot be sent');
		expect(classified.nextStep).toContain('openclaw models auth login');
	});
});
