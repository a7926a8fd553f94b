/**
 * A fake Qwen OAuth portal for tests (docs/dashscope-wire.md,
 * "Qwen OAuth portal"): the device-code endpoint, the token endpoint (device
 * grant with PKCE verification, refresh grant) and the portal's chat endpoint.
 * Each test scripts what the server answers. Erasable TS only, independent of
 * source/, so it also runs standalone:
 *   node test/support/fake-qwen-oauth.ts [--port N] [--chat stream|discontinued|quota]
 * prints {url, env} as one JSON line and auto-approves every login.
 */
import {createHash} from 'node:crypto';
import {createServer} from 'node:http';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {parseArgs} from 'node:util';

export const FAKE_CLIENT_ID = 'f0304373b74a44d2b584a3fb70ca9e56';
export const FAKE_SCOPE = 'openid profile email model.completion';
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** One answer of the token endpoint to a device-grant poll. */
export type PollStep =
	| 'pending'
	| 'slow_down'
	| 'approve'
	| 'access_denied'
	| 'expired'
	/** 200 without refresh_token and expires_in. */
	| 'missing_fields'
	| {status: number; body: unknown};

export type RefreshStep =
	| 'success'
	/** 200 with a new access token but no refresh_token: the client keeps the old one. */
	| 'no_new_refresh'
	/** 400 invalid_grant: the refresh token is dead. */
	| 'dead';

export type PortalChatMode =
	/** 401 "invalid access token or token expired", what the portal says since 2026-04-15. */
	| 'discontinued'
	/** 429 "Free allocated quota exceeded." */
	| 'quota'
	/** A streamed answer from the requested model, for end-to-end runs. */
	| 'stream';

export type FakeQwenOAuthOptions = {
	port?: number;
	/** 'refused' answers the device-code request with 400. */
	deviceRequest?: 'ok' | 'refused';
	/** Device-grant poll answers in order; the last one repeats. Default ['approve']. */
	poll?: PollStep[];
	/** Refresh-grant answers in order; the last one repeats. Default ['success']. */
	refresh?: RefreshStep[];
	/** Delays each refresh answer, so concurrent refreshers overlap. */
	refreshDelayMs?: number;
	/** Device code lifetime and poll interval, in seconds. */
	deviceExpiresIn?: number;
	interval?: number;
	/** Access token lifetime in seconds. */
	tokenExpiresIn?: number;
	/** resource_url in token answers; default this server's URL (with scheme) so chat comes here. */
	resourceUrl?: string | null;
	chat?: PortalChatMode;
};

export type RecordedOAuthRequest = {
	method: string;
	path: string;
	kind: 'device' | 'poll' | 'refresh' | 'chat' | 'other';
	form: Record<string, string>;
	authorization?: string;
	body: string;
};

export type FakeQwenOAuth = {
	url: string;
	/** QWEN_OAUTH_BASE_URL pointing here. */
	env: Record<string, string>;
	requests: RecordedOAuthRequest[];
	count(kind: RecordedOAuthRequest['kind']): number;
	/** Polls whose code_verifier matched the device request's S256 challenge / did not. */
	pkce: {verified: number; failed: number};
	/** The tokens most recently issued. */
	issued: {access?: string; refresh?: string};
	setPoll(steps: PollStep[]): void;
	setRefresh(steps: RefreshStep[]): void;
	setChat(mode: PortalChatMode): void;
	close(): Promise<void>;
};

const DISCONTINUED_BODY = {
	error: {message: 'invalid access token or token expired', type: 'invalid_request_error', param: null, code: 'invalid_api_key'},
};
const QUOTA_BODY = {
	error: {message: 'Free allocated quota exceeded.', type: 'insufficient_quota', param: null, code: 'insufficient_quota'},
};

export async function startFakeQwenOAuth(options: FakeQwenOAuthOptions = {}): Promise<FakeQwenOAuth> {
	let pollSteps: PollStep[] = options.poll ?? ['approve'];
	let refreshSteps: RefreshStep[] = options.refresh ?? ['success'];
	let chatMode: PortalChatMode = options.chat ?? 'discontinued';
	let pollIndex = 0;
	let refreshIndex = 0;
	let serial = 0;
	const challenges = new Map<string, string>();
	const requests: RecordedOAuthRequest[] = [];
	const pkce = {verified: 0, failed: 0};
	const issued: {access?: string; refresh?: string} = {};
	let url = '';

	const nextStep = <T>(steps: T[], index: number): T => steps[Math.min(index, steps.length - 1)] as T;

	const tokenBody = (withRefresh: boolean): Record<string, unknown> => {
		serial += 1;
		issued.access = `fake-access-${serial}`;
		if (withRefresh) issued.refresh = `fake-refresh-${serial}`;
		const resourceUrl = options.resourceUrl === undefined ? url : options.resourceUrl;
		return {
			access_token: issued.access,
			...(withRefresh ? {refresh_token: issued.refresh} : {}),
			token_type: 'Bearer',
			expires_in: options.tokenExpiresIn ?? 3600,
			...(resourceUrl === null ? {} : {resource_url: resourceUrl}),
		};
	};

	const handleDevice = (form: Record<string, string>, response: ServerResponse): void => {
		if (options.deviceRequest === 'refused') {
			sendJson(response, 400, {error: 'invalid_request', error_description: 'device authorization is not available'});
			return;
		}

		if (form['client_id'] !== FAKE_CLIENT_ID || form['scope'] !== FAKE_SCOPE || form['code_challenge_method'] !== 'S256' || !form['code_challenge']) {
			sendJson(response, 400, {error: 'invalid_request', error_description: 'bad client_id, scope or PKCE challenge'});
			return;
		}

		serial += 1;
		const deviceCode = `fake-device-${serial}`;
		const userCode = `ABCD-${String(1000 + serial)}`;
		challenges.set(deviceCode, form['code_challenge']);
		sendJson(response, 200, {
			device_code: deviceCode,
			user_code: userCode,
			verification_uri: `${url}/authorize`,
			verification_uri_complete: `${url}/authorize?user_code=${userCode}&client=qwen-code`,
			expires_in: options.deviceExpiresIn ?? 600,
			interval: options.interval ?? 1,
		});
	};

	const handlePoll = (form: Record<string, string>, response: ServerResponse): void => {
		const challenge = challenges.get(form['device_code'] ?? '');
		if (!challenge || form['client_id'] !== FAKE_CLIENT_ID) {
			sendJson(response, 400, {error: 'invalid_grant', error_description: 'unknown device_code'});
			return;
		}

		const actual = createHash('sha256').update(form['code_verifier'] ?? '').digest('base64url');
		if (actual !== challenge) {
			pkce.failed += 1;
			sendJson(response, 400, {error: 'invalid_grant', error_description: 'PKCE verification failed'});
			return;
		}

		pkce.verified += 1;
		const step = nextStep(pollSteps, pollIndex);
		pollIndex += 1;
		if (typeof step === 'object') {
			sendJson(response, step.status, step.body);
			return;
		}

		switch (step) {
			case 'pending': {
				sendJson(response, 400, {error: 'authorization_pending', error_description: 'The authorization request is still pending'});
				break;
			}

			case 'slow_down': {
				sendJson(response, 429, {error: 'slow_down', error_description: 'Polling too frequently'});
				break;
			}

			case 'access_denied': {
				sendJson(response, 400, {error: 'access_denied', error_description: 'The user denied the authorization request'});
				break;
			}

			case 'expired': {
				sendJson(response, 400, {error: 'expired_token', error_description: 'The device code has expired'});
				break;
			}

			case 'missing_fields': {
				sendJson(response, 200, {access_token: 'fake-access-incomplete', token_type: 'Bearer'});
				break;
			}

			case 'approve': {
				challenges.delete(form['device_code'] ?? '');
				sendJson(response, 200, tokenBody(true));
				break;
			}
		}
	};

	const handleRefresh = async (form: Record<string, string>, response: ServerResponse): Promise<void> => {
		if (options.refreshDelayMs) await new Promise(resolve => setTimeout(resolve, options.refreshDelayMs));
		const step = nextStep(refreshSteps, refreshIndex);
		refreshIndex += 1;
		if (step === 'dead' || form['client_id'] !== FAKE_CLIENT_ID || !form['refresh_token'] || (issued.refresh && form['refresh_token'] !== issued.refresh)) {
			sendJson(response, 400, {error: 'invalid_grant', error_description: 'Invalid refresh token'});
			return;
		}

		sendJson(response, 200, tokenBody(step === 'success'));
	};

	const handleChat = (request: IncomingMessage, body: string, response: ServerResponse): void => {
		if (chatMode === 'discontinued') {
			sendJson(response, 401, DISCONTINUED_BODY);
			return;
		}

		if (chatMode === 'quota') {
			sendJson(response, 429, QUOTA_BODY);
			return;
		}

		if (request.headers.authorization !== `Bearer ${issued.access ?? ''}`) {
			sendJson(response, 401, DISCONTINUED_BODY);
			return;
		}

		let model = 'coder-model';
		try {
			model = (JSON.parse(body) as {model?: string}).model ?? model;
		} catch {
			// A body that is not JSON still gets an answer, from the default model.
		}

		const id = `chatcmpl-fake-${serial}`;
		response.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-cache'});
		const words = ['Hello', ' from', ` ${model}`, ' on', ' the', ' portal.'];
		const chunk = (delta: Record<string, unknown>, finish: string | null) =>
			`data: ${JSON.stringify({id, object: 'chat.completion.chunk', created: 0, model, choices: [{index: 0, delta, finish_reason: finish}]})}\n\n`;
		response.write(chunk({role: 'assistant', content: ''}, null));
		for (const word of words) response.write(chunk({content: word}, null));
		response.write(chunk({}, 'stop'));
		response.write(`data: ${JSON.stringify({id, object: 'chat.completion.chunk', created: 0, model, choices: [], usage: {prompt_tokens: 5, completion_tokens: words.length, total_tokens: 5 + words.length}})}\n\n`);
		response.end('data: [DONE]\n\n');
	};

	const server: Server = createServer((request, response) => void answer(request, response));

	async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const body = await readBody(request);
		const path = (request.url ?? '/').split('?')[0] ?? '/';
		const form = request.headers['content-type']?.includes('application/x-www-form-urlencoded')
			? Object.fromEntries(new URLSearchParams(body))
			: {};
		let kind: RecordedOAuthRequest['kind'] = 'other';
		if (request.method === 'POST' && path === '/api/v1/oauth2/device/code') kind = 'device';
		else if (request.method === 'POST' && path === '/api/v1/oauth2/token') kind = form['grant_type'] === 'refresh_token' ? 'refresh' : 'poll';
		else if (request.method === 'POST' && path === '/v1/chat/completions') kind = 'chat';
		requests.push({
			method: request.method ?? 'GET',
			path,
			kind,
			form,
			...(request.headers.authorization ? {authorization: request.headers.authorization} : {}),
			body,
		});

		if (kind === 'device') handleDevice(form, response);
		else if (kind === 'poll' && form['grant_type'] === DEVICE_GRANT) handlePoll(form, response);
		else if (kind === 'poll') sendJson(response, 400, {error: 'unsupported_grant_type'});
		else if (kind === 'refresh') await handleRefresh(form, response);
		else if (kind === 'chat') handleChat(request, body, response);
		else if (path === '/authorize') {
			response.writeHead(200, {'content-type': 'text/html'});
			response.end('<p>Fake Qwen authorization page.</p>');
		} else sendJson(response, 404, {error: 'not_found'});
	}

	const sockets = new Set<Socket>();
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('fake Qwen OAuth server has no port');
	url = `http://127.0.0.1:${address.port}`;

	return {
		url,
		env: {QWEN_OAUTH_BASE_URL: url},
		requests,
		count: kind => requests.filter(recorded => recorded.kind === kind).length,
		pkce,
		issued,
		setPoll(steps) {
			pollSteps = steps;
			pollIndex = 0;
		},
		setRefresh(steps) {
			refreshSteps = steps;
			refreshIndex = 0;
		},
		setChat(mode) {
			chatMode = mode;
		},
		close: () =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

if (import.meta.main) {
	const {values} = parseArgs({options: {port: {type: 'string'}, chat: {type: 'string'}}});
	const chat = (values.chat ?? 'stream') as PortalChatMode;
	const fake = await startFakeQwenOAuth({
		...(values.port ? {port: Number(values.port)} : {}),
		chat,
	});
	process.stdout.write(`${JSON.stringify({url: fake.url, env: fake.env})}\n`);
	const stop = () => {
		void fake.close().then(() => process.exit(0));
	};

	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
