/**
 * Service text reaches the user cleaned (no markup, no control characters, no
 * JavaScript error text), and the advice fits where it is shown. Keys are
 * covered in redact-secrets.test.ts.
 */
import {describe, expect, it} from 'vitest';
import {APIConnectionError, APIError} from 'openai';
import {classifyApiError} from '../../source/core/errors.js';

function sdkError(status: number, body: object | string): APIError {
	const headers = new Headers();
	return typeof body === 'string' ? APIError.generate(status, undefined, body, headers) : APIError.generate(status, body, undefined, headers);
}

describe('classifyApiError cleans what the service says', () => {
	it('summarises an HTML error page by its title', () => {
		const page = '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503</h1></center></body></html>';
		const classified = classifyApiError(sdkError(503, page), {url: 'https://gw.example/v1/chat/completions'});
		expect(classified.kind).toBe('server_error');
		expect(classified.message).toBe('The server answered with an HTML page, HTTP 503: 503 Service Temporarily Unavailable (from https://gw.example/v1/chat/completions).');
		expect(classified.message).not.toContain('<');
	});

	it('calls an HTML 403 from a proxy an unexpected reply, not a rejected request', () => {
		const classified = classifyApiError(sdkError(403, '<html><title>Access denied by proxy</title></html>'), {url: 'https://x/v1/models'});
		expect(classified.kind).toBe('unexpected_reply');
		expect(classified.message).toContain('HTTP 403: Access denied by proxy');
	});

	it('drops escape sequences from a service message', () => {
		const body = {error: {message: 'bad \u001B]52;c;aGk=\u0007thing\u001B[2J', type: 'x', code: 'weird'}};
		expect(classifyApiError(sdkError(400, body)).message).toBe('The service rejected the request: bad thing');
	});

	it('never shows a JavaScript error message', () => {
		const classified = classifyApiError(new TypeError("Cannot read properties of undefined (reading 'data')"), {url: 'https://x/v1/models'});
		expect(classified.message).not.toMatch(/Cannot read|undefined/);
		expect(classified.message).toContain('https://x/v1/models');
		expect(classifyApiError(new SyntaxError('Unexpected end of JSON input'), {activity: 'models', url: 'u'}).kind).toBe('unexpected_reply');
	});

	it('names a TLS handshake with a plain-HTTP port, and a refused certificate', () => {
		const plain = new APIConnectionError({cause: Object.assign(new TypeError('fetch failed'), {cause: Object.assign(new Error('ssl3_get_record:wrong version number'), {code: 'ERR_SSL_WRONG_VERSION_NUMBER'})})});
		const classified = classifyApiError(plain, {url: 'https://127.0.0.1:8080/v1/models', baseUrlSetting: 'QWEN_INTL_BASE_URL'});
		expect(classified).toMatchObject({kind: 'tls', title: 'TLS handshake failed'});
		expect(classified.message).toContain('127.0.0.1:8080');
		expect(classified.message).toContain('Is it http://?');
		expect(classified.nextStep).toContain('QWEN_INTL_BASE_URL');

		const cert = new APIConnectionError({cause: Object.assign(new TypeError('fetch failed'), {cause: Object.assign(new Error('self-signed certificate in certificate chain'), {code: 'SELF_SIGNED_CERT_IN_CHAIN'})})});
		expect(classifyApiError(cert, {url: 'https://x.example/v1'})).toMatchObject({kind: 'tls', title: 'TLS certificate refused'});
	});

	it('words a lost connection for where it is shown', () => {
		const reset = new APIConnectionError({cause: Object.assign(new Error('read ECONNRESET'), {code: 'ECONNRESET'})});
		expect(classifyApiError(reset, {activity: 'chat'}).nextStep).toContain('already received is kept');
		const check = classifyApiError(reset, {activity: 'models'});
		expect(check.message).toContain('before the model list arrived');
		expect(check.nextStep).not.toMatch(/answer/);
	});

	it('tells a wrong path (404 without a model) from an unknown model', () => {
		expect(classifyApiError(sdkError(404, {error: {message: 'Not found: /v1/models', code: 'not_found'}}), {activity: 'models', url: 'u'}).kind).toBe('endpoint_not_found');
		expect(classifyApiError(sdkError(404, 'status code (no body)'), {activity: 'chat', url: 'u'}).kind).toBe('endpoint_not_found');
		expect(classifyApiError(sdkError(404, {error: {message: 'The model `x` does not exist', code: 'model_not_found'}}), {activity: 'chat'}).kind).toBe('model_not_found');
	});
});
