/**
 * A fake DashScope (OpenAI-compatible mode) server for tests, following
 * docs/dashscope-wire.md byte for byte where it can.
 *
 * Independent of source/ on purpose (it also runs standalone under Node's type
 * stripping), so region ids and paths are hard-coded here.
 *
 * What a test can ask for, one queued behaviour per request (`enqueue` for
 * POST /chat/completions, `enqueueModels` for GET /models):
 * - the echo answer with other usage figures or another end:
 *   `{kind: 'stream', usage: {promptTokens: 200_000, cachedTokens: 1024}, finishReason: 'length'}`
 *   (`chunks` left out keeps the echo). `usage.cacheCreationTokens` adds
 *   `cache_creation_input_tokens` with `cache_type: "ephemeral"` (an explicit
 *   cache); reasoning deltas (thinking models with enable_thinking) are counted
 *   in `completion_tokens_details.reasoning_tokens`, which is otherwise null.
 *   Without `usage.promptTokens`, prompt_tokens is the request's characters / 4,
 *   times `promptTokenScale` when the server was started with one (a long
 *   conversation without sending megabytes); `cachedShare` reports that share of
 *   it as `cached_tokens` (an implicit cache hit).
 * - faults: the documented error bodies (`serviceError`), a reset or an error
 *   event mid-stream, silence after the headers, no answer at all;
 * - replies that are not DashScope's: `{kind: 'raw', status, contentType, body}`
 *   (an HTML portal page, an empty 200, a proxy's 502) and
 *   `{kind: 'events', data: [...]}`, SSE events with these payloads verbatim
 *   (malformed JSON, `choices: null`, no finish_reason, escape sequences).
 */
import {createServer} from 'node:http';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import {randomUUID} from 'node:crypto';

export type FakeRegionId = 'intl' | 'cn' | 'us' | 'hk';

export const FAKE_REGION_IDS: readonly FakeRegionId[] = ['intl', 'cn', 'us', 'hk'];

export const REGION_ENV_VARS: Record<FakeRegionId, string> = {
	intl: 'QWEN_INTL_BASE_URL',
	cn: 'QWEN_CN_BASE_URL',
	us: 'QWEN_US_BASE_URL',
	hk: 'QWEN_HK_BASE_URL',
};

/** Obviously fake keys, one bound to each region: 'sk-test0000intl000…'. */
export const TEST_KEYS: Record<FakeRegionId, string> = {
	intl: testKey('intl'),
	cn: testKey('cn'),
	us: testKey('us'),
	hk: testKey('hk'),
};

function testKey(region: string): string {
	return ('sk-test0000' + region).padEnd(35, '0');
}

const REGISTRY_IDS = [
	'qwen3-coder-plus',
	'qwen-coder-plus',
	'qwen3-coder-flash',
	'qwen3-max',
	'qwen-max',
	'qwen-plus',
	'qwen-turbo',
	'qwen3-vl-plus',
	'qwen-vl-plus',
];

// qwen-turbo and qwen-vl-plus are retired in Beijing and Singapore; qwen-coder-plus
// is only in the China lists.
const RETIRED_IN_INTL_CN = new Set(['qwen-turbo', 'qwen-vl-plus']);
const NEWER_IDS = ['qwen-flash', 'qwen3.5-plus', 'qwen3.6-plus', 'qwen3-coder-next', 'qwen-vl-max'];

export const DEFAULT_MODEL_IDS: Record<FakeRegionId, readonly string[]> = {
	intl: [
		...REGISTRY_IDS.filter(id => !RETIRED_IN_INTL_CN.has(id) && id !== 'qwen-coder-plus'),
		...NEWER_IDS,
	],
	cn: [
		...REGISTRY_IDS.filter(id => !RETIRED_IN_INTL_CN.has(id)),
		...NEWER_IDS,
		'qwen2.5-coder-32b-instruct',
		'qwen2.5-coder-14b-instruct',
		'qwen2.5-coder-7b-instruct',
	],
	us: ['qwen3-coder-plus', 'qwen3-coder-flash', 'qwen3-max', 'qwen-plus', 'qwen-flash', 'qwen3-vl-plus'],
	hk: ['qwen3-coder-plus', 'qwen3-max', 'qwen-max', 'qwen-plus', 'qwen-flash', 'qwen3-vl-plus'],
};

/** Hybrid thinking models: reasoning deltas come first when enable_thinking is on. */
export const THINKING_MODEL_IDS: ReadonlySet<string> = new Set(['qwen-plus', 'qwen3-max', 'qwen3-vl-plus']);

export function isVisionModelId(id: string): boolean {
	return /-vl-|-vl$|omni|qvq/.test(id);
}

export const MAX_DATA_URI_BYTES = 10_485_760;

// ---------------------------------------------------------------------------
// Error bodies, verbatim from the wire doc (request ids freshly generated).

export type ErrorBody = {
	error: {message: string; type: string; param: null; code: string};
	id?: string;
	request_id?: string;
};

function envelope(message: string, type: string, code: string, requestId: string | undefined = randomUUID()): ErrorBody {
	const body: ErrorBody = {error: {message, type, param: null, code}};
	if (requestId) body.request_id = requestId;
	return body;
}

function withChatId(body: ErrorBody): ErrorBody {
	// Some captures carry the chatcmpl id before request_id.
	const requestId = body.request_id ?? randomUUID();
	return {error: body.error, id: `chatcmpl-${requestId}`, request_id: requestId};
}

export const ERROR_BODIES = {
	invalidKey(region: FakeRegionId = 'intl', requestId?: string): ErrorBody {
		const link =
			region === 'cn'
				? 'https://help.aliyun.com/zh/model-studio/error-code#apikey-error'
				: 'https://www.alibabacloud.com/help/en/model-studio/error-code#apikey-error';
		return envelope(`Incorrect API key provided. For details, see: ${link}`, 'invalid_request_error', 'invalid_api_key', requestId);
	},
	modelNotFound(model: string, requestId?: string): ErrorBody {
		return envelope(
			`The model \`${model}\` does not exist or you do not have access to it.`,
			'invalid_request_error',
			'model_not_found',
			requestId,
		);
	},
	developerRole(requestId?: string): ErrorBody {
		return envelope(
			"developer is not one of ['system', 'assistant', 'user', 'tool', 'function']",
			'invalid_request_error',
			'invalid_parameter_error',
			requestId,
		);
	},
	contentMustBeString(requestId?: string): ErrorBody {
		return envelope('input content must be a string.', 'invalid_request_error', 'invalid_parameter_error', requestId);
	},
	get rateLimit(): ErrorBody {
		return envelope(
			'You have exceeded your current request limit. For details, see: https://help.aliyun.com/zh/model-studio/error-code#rate-limit',
			'limit_requests',
			'limit_requests',
			'',
		);
	},
	get insufficientQuota(): ErrorBody {
		return envelope(
			'You exceeded your current quota, please check your plan and billing details.',
			'insufficient_quota',
			'insufficient_quota',
		);
	},
	get arrears(): ErrorBody {
		return withChatId(
			envelope(
				'Access denied, please make sure your account is in good standing. For details, see: https://help.aliyun.com/zh/model-studio/error-code#overdue-payment',
				'Arrearage',
				'Arrearage',
			),
		);
	},
	get freeTierOnly(): ErrorBody {
		return envelope(
			'The free tier of the model has been exhausted. If you wish to continue access the model on a paid basis, please disable the "use free tier only" mode in the management console.',
			'AllocationQuota.FreeTierOnly',
			'AllocationQuota.FreeTierOnly',
		);
	},
	get moderation(): ErrorBody {
		return withChatId(
			envelope('Input data may contain inappropriate content.', 'data_inspection_failed', 'data_inspection_failed'),
		);
	},
	get contextTooLong(): ErrorBody {
		return envelope(
			'<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 997952]',
			'invalid_request_error',
			'invalid_parameter_error',
		);
	},
	get imageTooLarge(): ErrorBody {
		return envelope(
			`Exceeded limit on max bytes per data-uri item : ${MAX_DATA_URI_BYTES}`,
			'invalid_request_error',
			'invalid_parameter_error',
		);
	},
	get internal(): ErrorBody {
		return envelope(
			'An internal error has occured, try again later or contact service support.',
			'internal_error',
			'internal_error',
		);
	},
	get overloaded(): ErrorBody {
		return envelope('The engine is currently overloaded, please try again later', 'internal_error', 'internal_error');
	},
};

/** The status each named service error comes with. */
export const ERROR_STATUS = {
	rateLimit: 429,
	insufficientQuota: 429,
	arrears: 400,
	freeTierOnly: 403,
	moderation: 400,
	contextTooLong: 400,
	imageTooLarge: 400,
	internal: 500,
	overloaded: 503,
} as const;

export type NamedServiceError = keyof typeof ERROR_STATUS;

/** A ready-made `error` behaviour for one of the service's documented errors. */
export function serviceError(name: NamedServiceError, options: {sse?: boolean} = {}): ChatBehaviour {
	return {kind: 'error', status: ERROR_STATUS[name], body: ERROR_BODIES[name], sse: options.sse};
}

// ---------------------------------------------------------------------------
// Behaviours and records.

export type ChunkSpec = readonly string[] | {count: number; text?: string};

/** Usage figures a test asks for, beyond what the fake works out itself. */
export type UsageSpec = {
	/** prompt_tokens instead of the estimate from the messages (a long conversation, a higher price tier). */
	promptTokens?: number;
	/** prompt_tokens_details.cached_tokens: the part of the prompt read from the cache. */
	cachedTokens?: number;
	/** prompt_tokens_details.cache_creation_input_tokens, sent with cache_type "ephemeral". */
	cacheCreationTokens?: number;
};

/** A reply sent as is: any status, content type and body. */
export type RawReply = {kind: 'raw'; status: number; body: string; contentType?: string; headers?: Record<string, string>};

export type ChatBehaviour =
	/**
	 * Stream (or answer, when stream is false) these chunks instead of the echo (kept when `chunks` is
	 * left out), with these usage figures and this finish_reason (default "stop").
	 */
	| {kind: 'stream'; chunks?: ChunkSpec; reasoning?: readonly string[]; delayMs?: number; usage?: UsageSpec; finishReason?: string}
	| RawReply
	/** 200 and SSE headers, then `data: <payload>` for each payload verbatim, then `data: [DONE]` unless `done` is false. */
	| {kind: 'events'; data: readonly string[]; done?: boolean}
	/** Answer with this status and body (object → JSON; string → as is); `sse` frames it as `data: {…}`. */
	| {kind: 'error'; status: number; body: object | string; sse?: boolean; headers?: Record<string, string>}
	/** Stream some default chunks, then an error event, then end without [DONE]. */
	| {kind: 'error-mid-stream'; afterChunks: number; body?: object}
	/** Stream some chunks, then reset the TCP connection. */
	| {kind: 'reset'; afterChunks: number}
	/** Send 200 and SSE headers, then nothing ever. */
	| {kind: 'stall-after-headers'}
	/** Accept the request and never answer. */
	| {kind: 'hang'}
	/** Wait, then answer as by default. */
	| {kind: 'delay'; ms: number};

export type ModelsBehaviour =
	| {kind: 'error'; status: number; body: object | string}
	| RawReply
	/** Reset the TCP connection instead of answering. */
	| {kind: 'reset'}
	| {kind: 'hang'}
	| {kind: 'delay'; ms: number};

export type RecordedRequest = {
	method: string;
	path: string;
	/** The region whose path prefix was used, if any. */
	region?: FakeRegionId;
	/** The region the presented key belongs to (null: no known key). */
	keyRegion: FakeRegionId | null;
	/** Whether the key was accepted on this region. */
	authorized: boolean;
	/** The last 6 characters of the Bearer token: enough to tell test keys apart, never a whole key. */
	keyTail: string;
	/** Lower-case header names; authorization is redacted. */
	headers: Record<string, string>;
	/** Parsed JSON body, or the raw text when it is not JSON, or undefined. */
	body: unknown;
};

export type FakeDashScopeOptions = {
	port?: number;
	/** Extra keys accepted per region (TEST_KEYS always work). */
	keys?: Partial<Record<FakeRegionId, readonly string[]>>;
	/** Replaces a region's GET /models list (and which models chat accepts). */
	models?: Partial<Record<FakeRegionId, readonly string[]>>;
	/** Make every default answer stream this many chunks of `text` instead of the echo. */
	defaultChunks?: {count: number; text?: string};
	/** prompt_tokens is the request's estimated size times this (default 1), unless a behaviour names it. */
	promptTokenScale?: number;
	/** Report this share (0 to 1) of prompt_tokens as cached_tokens, unless a behaviour names it. */
	cachedShare?: number;
	/** Fixed `created` timestamp (seconds); default: now. */
	created?: number;
};

export type FakeDashScope = {
	url: string;
	env: Record<string, string>;
	baseUrls: Record<FakeRegionId, string>;
	keys: Record<FakeRegionId, string>;
	requests: RecordedRequest[];
	enqueue(...behaviours: ChatBehaviour[]): void;
	enqueueModels(...behaviours: ModelsBehaviour[]): void;
	addKey(region: FakeRegionId, key: string): void;
	/** Chat requests recorded so far. */
	chatRequests(): RecordedRequest[];
	close(): Promise<void>;
};

const SSE_HEADERS = {'content-type': 'text/event-stream;charset=UTF-8', 'cache-control': 'no-cache'};
const JSON_TYPE = 'application/json';
// Count-mode chunks are written in batches of about this many bytes.
const BATCH_BYTES = 64 * 1024;

export async function startFakeDashScope(options: FakeDashScopeOptions = {}): Promise<FakeDashScope> {
	const keyRegions = new Map<string, FakeRegionId>();
	for (const region of FAKE_REGION_IDS) {
		keyRegions.set(TEST_KEYS[region], region);
		for (const key of options.keys?.[region] ?? []) keyRegions.set(key, region);
	}

	const modelIds = {} as Record<FakeRegionId, readonly string[]>;
	for (const region of FAKE_REGION_IDS) modelIds[region] = options.models?.[region] ?? DEFAULT_MODEL_IDS[region];

	const chatQueue: ChatBehaviour[] = [];
	const modelsQueue: ModelsBehaviour[] = [];
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();
	const timers = new Set<ReturnType<typeof setTimeout>>();
	let closed = false;

	function sleep(ms: number): Promise<void> {
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) {
				res.writeHead(500, {'content-type': JSON_TYPE});
				res.end(JSON.stringify(ERROR_BODIES.internal));
			} else {
				res.destroy();
			}
		});
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readBody(req);
		const requestId = randomUUID();
		res.setHeader('x-request-id', requestId);

		const path = (req.url ?? '/').split('?')[0] ?? '/';
		const match = /^\/(intl|cn|us|hk)\/compatible-mode\/v1(\/.*)$/.exec(path);
		const region = match?.[1] as FakeRegionId | undefined;
		const endpoint = match?.[2];

		const auth = req.headers.authorization ?? '';
		const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
		const keyRegion = keyRegions.get(key) ?? null;
		const authorized = region !== undefined && keyRegion === region;

		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(req.headers)) {
			if (value === undefined) continue;
			headers[name] = name === 'authorization' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
		}
		let body: unknown;
		if (rawBody.length > 0) {
			const text = rawBody.toString('utf8');
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
		}
		const record: RecordedRequest = {method: req.method ?? 'GET', path, keyRegion, authorized, keyTail: key.slice(-6), headers, body};
		if (region) record.region = region;
		requests.push(record);

		if (!region || !endpoint) {
			sendJson(res, 404, envelope(`Not found: ${path}`, 'invalid_request_error', 'not_found', requestId));
			return;
		}
		if (!authorized) {
			sendJson(res, 401, ERROR_BODIES.invalidKey(region, requestId));
			return;
		}
		if (req.method === 'GET' && endpoint === '/models') {
			await answerModels(res, region);
			return;
		}
		if (req.method === 'POST' && endpoint === '/chat/completions') {
			await answerChat(res, region, body, requestId);
			return;
		}
		sendJson(res, 404, envelope(`Not found: ${path}`, 'invalid_request_error', 'not_found', requestId));
	}

	async function answerModels(res: ServerResponse, region: FakeRegionId): Promise<void> {
		const behaviour = modelsQueue.shift();
		if (behaviour?.kind === 'hang') return;
		if (behaviour?.kind === 'reset') {
			res.socket?.resetAndDestroy();
			return;
		}
		if (behaviour?.kind === 'error') {
			sendRaw(res, behaviour.status, JSON_TYPE, typeof behaviour.body === 'string' ? behaviour.body : JSON.stringify(behaviour.body));
			return;
		}
		if (behaviour?.kind === 'raw') {
			sendRaw(res, behaviour.status, behaviour.contentType, behaviour.body, behaviour.headers);
			return;
		}
		if (behaviour?.kind === 'delay') await sleep(behaviour.ms);
		const created = options.created ?? 1_752_741_600;
		sendJson(res, 200, {
			object: 'list',
			data: modelIds[region].map(id => ({id, object: 'model', created, owned_by: 'system'})),
		});
	}

	async function answerChat(res: ServerResponse, region: FakeRegionId, body: unknown, requestId: string): Promise<void> {
		const behaviour = chatQueue.shift();

		if (behaviour?.kind === 'hang') return;
		if (behaviour?.kind === 'error') {
			const text = typeof behaviour.body === 'string' ? behaviour.body : JSON.stringify(behaviour.body);
			if (behaviour.sse) {
				sendRaw(res, behaviour.status, SSE_HEADERS['content-type'], `data: ${text}\n\n`, behaviour.headers);
			} else {
				sendRaw(res, behaviour.status, JSON_TYPE, text, behaviour.headers);
			}
			return;
		}
		if (behaviour?.kind === 'stall-after-headers') {
			res.writeHead(200, SSE_HEADERS);
			res.flushHeaders();
			return;
		}
		if (behaviour?.kind === 'raw') {
			sendRaw(res, behaviour.status, behaviour.contentType, behaviour.body, behaviour.headers);
			return;
		}
		if (behaviour?.kind === 'events') {
			res.writeHead(200, SSE_HEADERS);
			for (const payload of behaviour.data) res.write(`data: ${payload}\n\n`);
			res.end(behaviour.done === false ? undefined : 'data: [DONE]\n\n');
			return;
		}

		const request = parseChatRequest(body);
		if (typeof request === 'string') {
			sendJson(res, 400, envelope(request, 'invalid_request_error', 'invalid_parameter_error', requestId));
			return;
		}
		const invalid = validateChat(request, modelIds[region], requestId);
		if (invalid) {
			sendJson(res, invalid.status, invalid.body);
			return;
		}

		if (behaviour?.kind === 'delay') await sleep(behaviour.ms);

		const thinking = request.enableThinking && THINKING_MODEL_IDS.has(request.model);
		let chunks: ChunkSpec;
		let reasoning: readonly string[] = [];
		let delayMs = 0;
		if (behaviour?.kind === 'stream') {
			chunks = behaviour.chunks ?? options.defaultChunks ?? echoChunks(request);
			reasoning = behaviour.reasoning ?? (thinking ? defaultReasoning(request) : []);
			delayMs = behaviour.delayMs ?? 0;
		} else {
			chunks = options.defaultChunks ?? echoChunks(request);
			if (thinking) reasoning = defaultReasoning(request);
		}

		const asked = behaviour?.kind === 'stream' ? behaviour : undefined;
		const promptTokens = asked?.usage?.promptTokens ?? Math.round(estimateTokens(request.messages) * (options.promptTokenScale ?? 1));
		const cached = options.cachedShare === undefined ? {} : {cachedTokens: Math.floor(promptTokens * options.cachedShare)};
		const completion: Completion = {
			id: `chatcmpl-${requestId}`,
			created: options.created ?? Math.floor(Date.now() / 1000),
			model: request.model,
			promptTokens,
			usage: asked?.usage ?? cached,
			finishReason: asked?.finishReason ?? 'stop',
		};

		if (!request.stream) {
			sendJson(res, 200, nonStreamingAnswer(completion, chunks, reasoning));
			return;
		}

		res.writeHead(200, SSE_HEADERS);
		const writer = new SseWriter(res, completion, thinking || reasoning.length > 0);
		const stopAfter =
			behaviour?.kind === 'error-mid-stream' || behaviour?.kind === 'reset' ? behaviour.afterChunks : Infinity;

		await writer.write(writer.firstChunk());
		let written = 0;
		for (const text of reasoning) {
			if (written >= stopAfter || writer.gone) break;
			await writer.write(writer.reasoningChunk(text));
			written++;
			if (delayMs > 0) await sleep(delayMs);
		}
		written += await writer.content(chunks, stopAfter - written, delayMs, sleep);
		if (writer.gone || closed) return;

		if (behaviour?.kind === 'error-mid-stream') {
			const errorBody = behaviour.body ?? ERROR_BODIES.moderation;
			await writer.write(`data: ${JSON.stringify(errorBody)}\n\n`);
			res.end();
			return;
		}
		if (behaviour?.kind === 'reset') {
			// Let the client read what was sent before the connection dies.
			await sleep(50);
			res.socket?.resetAndDestroy();
			return;
		}
		await writer.write(writer.stopChunk());
		if (request.includeUsage) await writer.write(writer.usageChunk(written, Math.min(written, reasoning.length)));
		res.end('data: [DONE]\n\n');
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('fake DashScope: no address');
	const url = `http://127.0.0.1:${address.port}`;

	const baseUrls = {} as Record<FakeRegionId, string>;
	const env: Record<string, string> = {};
	for (const region of FAKE_REGION_IDS) {
		baseUrls[region] = `${url}/${region}/compatible-mode/v1`;
		env[REGION_ENV_VARS[region]] = baseUrls[region];
	}

	return {
		url,
		env,
		baseUrls,
		keys: {...TEST_KEYS},
		requests,
		enqueue(...behaviours) {
			chatQueue.push(...behaviours);
		},
		enqueueModels(...behaviours) {
			modelsQueue.push(...behaviours);
		},
		addKey(region, key) {
			keyRegions.set(key, region);
		},
		chatRequests() {
			return requests.filter(request => request.path.endsWith('/chat/completions'));
		},
		async close() {
			if (closed) return;
			closed = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			const done = new Promise<void>(resolve => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections();
			await done;
		},
	};
}

// ---------------------------------------------------------------------------
// Request parsing and validation, like the service.

type ChatRequest = {
	model: string;
	messages: Array<{role: string; content: unknown}>;
	stream: boolean;
	includeUsage: boolean;
	enableThinking: boolean;
};

function parseChatRequest(body: unknown): ChatRequest | string {
	if (!body || typeof body !== 'object') return 'Request body must be a JSON object.';
	const value = body as Record<string, unknown>;
	if (typeof value.model !== 'string' || value.model === '') return 'Model not specified.';
	if (!Array.isArray(value.messages) || value.messages.length === 0) return 'messages must not be empty.';
	const streamOptions = value.stream_options as {include_usage?: unknown} | undefined;
	return {
		model: value.model,
		messages: value.messages as ChatRequest['messages'],
		stream: value.stream === true,
		includeUsage: streamOptions?.include_usage === true,
		enableThinking: value.enable_thinking === true,
	};
}

function validateChat(
	request: ChatRequest,
	models: readonly string[],
	requestId: string,
): {status: number; body: ErrorBody} | undefined {
	for (const message of request.messages) {
		if (!['system', 'assistant', 'user', 'tool', 'function'].includes(message.role)) {
			return {
				status: 400,
				body: envelope(
					`${String(message.role)} is not one of ['system', 'assistant', 'user', 'tool', 'function']`,
					'invalid_request_error',
					'invalid_parameter_error',
					requestId,
				),
			};
		}
	}
	if (!models.includes(request.model)) {
		return {status: 404, body: ERROR_BODIES.modelNotFound(request.model, requestId)};
	}
	const vision = isVisionModelId(request.model);
	for (const message of request.messages) {
		if (!Array.isArray(message.content)) continue;
		if (!vision) return {status: 400, body: ERROR_BODIES.contentMustBeString(requestId)};
		for (const part of message.content as Array<{type?: string; image_url?: {url?: string}}>) {
			const url = part.type === 'image_url' ? part.image_url?.url : undefined;
			if (typeof url === 'string' && url.startsWith('data:') && Buffer.byteLength(url) > MAX_DATA_URI_BYTES) {
				const body = ERROR_BODIES.imageTooLarge;
				body.request_id = requestId;
				return {status: 400, body};
			}
		}
	}
	return undefined;
}

function messageText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	const texts: string[] = [];
	let images = 0;
	for (const part of content as Array<{type?: string; text?: string}>) {
		if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
		if (part.type === 'image_url') images++;
	}
	const text = texts.join(' ');
	return images > 0 ? `${text} [${images} image${images === 1 ? '' : 's'}]` : text;
}

function lastUserText(request: ChatRequest): string {
	for (let index = request.messages.length - 1; index >= 0; index--) {
		const message = request.messages[index];
		if (message?.role === 'user') return messageText(message.content);
	}
	return '';
}

/** The default answer: "Echo: <last user message>", split at word starts. */
export function echoText(lastUser: string): string {
	return `Echo: ${lastUser}`;
}

function splitWords(text: string): string[] {
	return text.match(/\s*\S+\s*?/g) ?? [text];
}

function echoChunks(request: ChatRequest): string[] {
	return splitWords(echoText(lastUserText(request)));
}

function defaultReasoning(request: ChatRequest): string[] {
	return splitWords(`Thinking about: ${lastUserText(request)}`);
}

function estimateTokens(messages: ChatRequest['messages']): number {
	let chars = 0;
	for (const message of messages) chars += messageText(message.content).length;
	return Math.max(1, Math.ceil(chars / 4));
}

function chunkTexts(chunks: ChunkSpec): string[] {
	if (Array.isArray(chunks)) return chunks as string[];
	const spec = chunks as {count: number; text?: string};
	return Array.from({length: spec.count}, () => spec.text ?? 'token ');
}

type Completion = {id: string; created: number; model: string; promptTokens: number; usage: UsageSpec; finishReason: string};

/**
 * The usage object: the three counts as the wire doc shows them, and the detail
 * objects as DashScope sends them once there is something in them.
 */
function usageObject(completion: Completion, completionTokens: number, reasoningTokens: number): Record<string, unknown> {
	const prompt = completion.promptTokens;
	const usage: Record<string, unknown> = {prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens};
	const {cachedTokens, cacheCreationTokens} = completion.usage;
	if (cachedTokens !== undefined || cacheCreationTokens !== undefined || reasoningTokens > 0) {
		usage.completion_tokens_details = reasoningTokens > 0 ? {reasoning_tokens: reasoningTokens} : null;
		const details: Record<string, unknown> = {audio_tokens: null, cached_tokens: cachedTokens ?? 0};
		if (cacheCreationTokens !== undefined) {
			details.cache_creation_input_tokens = cacheCreationTokens;
			details.cache_type = 'ephemeral';
		}
		usage.prompt_tokens_details = details;
	}
	return usage;
}

function nonStreamingAnswer(completion: Completion, chunks: ChunkSpec, reasoning: readonly string[]): object {
	const texts = chunkTexts(chunks);
	const message: Record<string, unknown> = {role: 'assistant', content: texts.join('')};
	if (reasoning.length > 0) message.reasoning_content = reasoning.join('');
	const completionTokens = texts.length + reasoning.length;
	return {
		choices: [{message, finish_reason: completion.finishReason, index: 0, logprobs: null}],
		object: 'chat.completion',
		usage: usageObject(completion, completionTokens, reasoning.length),
		created: completion.created,
		system_fingerprint: null,
		model: completion.model,
		id: completion.id,
	};
}

// ---------------------------------------------------------------------------
// SSE output: `data: <json>\n\n` events with the doc's field order.

class SseWriter {
	readonly res: ServerResponse;
	readonly completion: Completion;
	readonly thinking: boolean;
	readonly tail: string;
	gone = false;

	constructor(res: ServerResponse, completion: Completion, thinking: boolean) {
		this.res = res;
		this.completion = completion;
		this.thinking = thinking;
		this.tail =
			`,"object":"chat.completion.chunk","usage":null,"created":${completion.created},` +
			`"system_fingerprint":null,"model":${JSON.stringify(completion.model)},"id":${JSON.stringify(completion.id)}}\n\n`;
		res.on('close', () => {
			this.gone = true;
		});
	}

	firstChunk(): string {
		const delta = this.thinking
			? '{"content":"","role":"assistant","reasoning_content":""}'
			: '{"content":"","role":"assistant"}';
		return `data: {"choices":[{"delta":${delta},"index":0,"logprobs":null,"finish_reason":null}]${this.tail}`;
	}

	contentChunk(text: string): string {
		const delta = this.thinking
			? `{"content":${JSON.stringify(text)},"reasoning_content":null}`
			: `{"content":${JSON.stringify(text)}}`;
		return `data: {"choices":[{"finish_reason":null,"delta":${delta},"index":0,"logprobs":null}]${this.tail}`;
	}

	reasoningChunk(text: string): string {
		return `data: {"choices":[{"finish_reason":null,"delta":{"content":null,"reasoning_content":${JSON.stringify(text)}},"index":0,"logprobs":null}]${this.tail}`;
	}

	stopChunk(): string {
		return `data: {"choices":[{"finish_reason":${JSON.stringify(this.completion.finishReason)},"delta":{"content":""},"index":0,"logprobs":null}]${this.tail}`;
	}

	usageChunk(completionTokens: number, reasoningTokens: number): string {
		const usage = JSON.stringify(usageObject(this.completion, completionTokens, reasoningTokens));
		return (
			`data: {"choices":[],"object":"chat.completion.chunk","usage":${usage},` +
			`"created":${this.completion.created},"system_fingerprint":null,` +
			`"model":${JSON.stringify(this.completion.model)},"id":${JSON.stringify(this.completion.id)}}\n\n`
		);
	}

	/** Writes, waiting for 'drain' when the socket buffer is full. */
	write(data: string): Promise<void> | void {
		if (this.gone) return;
		if (this.res.write(data)) return;
		return new Promise(resolve => {
			const done = () => {
				this.res.off('drain', done);
				this.res.off('close', done);
				resolve();
			};
			this.res.on('drain', done);
			this.res.on('close', done);
		});
	}

	/** Streams content chunks (at most `limit`); returns how many were written. */
	async content(
		chunks: ChunkSpec,
		limit: number,
		delayMs: number,
		sleep: (ms: number) => Promise<void>,
	): Promise<number> {
		if (!Array.isArray(chunks) && delayMs === 0) {
			// Fast path for benchmarks: one pre-rendered event, written in big batches.
			const spec = chunks as {count: number; text?: string};
			const total = Math.min(spec.count, limit);
			const event = this.contentChunk(spec.text ?? 'token ');
			const perBatch = Math.max(1, Math.floor(BATCH_BYTES / event.length));
			const batch = event.repeat(perBatch);
			let written = 0;
			while (written < total && !this.gone) {
				const count = Math.min(perBatch, total - written);
				await this.write(count === perBatch ? batch : event.repeat(count));
				written += count;
			}
			return written;
		}
		const texts = chunkTexts(chunks);
		let written = 0;
		for (const text of texts) {
			if (written >= limit || this.gone) break;
			await this.write(this.contentChunk(text));
			written++;
			if (delayMs > 0) await sleep(delayMs);
		}
		return written;
	}
}

// ---------------------------------------------------------------------------

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const parts: Buffer[] = [];
		req.on('data', (part: Buffer) => parts.push(part));
		req.on('end', () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts)));
		req.on('error', reject);
	});
}

function sendJson(res: ServerResponse, status: number, body: object): void {
	sendRaw(res, status, JSON_TYPE, JSON.stringify(body));
}

/** `contentType` undefined: no content-type header at all. */
function sendRaw(
	res: ServerResponse,
	status: number,
	contentType: string | undefined,
	text: string,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, {...(contentType === undefined ? {} : {'content-type': contentType}), ...headers});
	res.end(text);
}
