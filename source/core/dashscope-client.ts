/**
 * The DashScope client: the openai SDK pointed at a region's compatible-mode
 * endpoint, with the service's quirks handled (system role only, usage on
 * streams, enable_thinking as a body field), an idle timeout the SDK lacks for
 * streams, our own bounded retries, and every failure a classified DashScopeError.
 * What the service sends is checked, not assumed: a reply that is no model list,
 * no event stream or no chat answer is named as such.
 */
import OpenAI from 'openai';
import type {Env} from './env.js';
import {DashScopeError, describeBody, displayUrl, scrubKeys, toDashScopeError, unexpectedReplyError} from './errors.js';
import type {ApiErrorKind, ClassifiedError, ErrorContext} from './errors.js';
import {ADVICE} from './messages.js';
import type {RequestActivity} from './messages.js';
import {PROVIDER_ID} from './models.js';
import {resolvePaths} from './paths.js';
import {REGIONS} from './regions.js';
import {plainText} from './terminal-text.js';

export type ChatContentPart = {type: 'text'; text: string} | {type: 'image_url'; image_url: {url: string}};
export type ChatMessage = {role: 'system' | 'user' | 'assistant'; content: string | ChatContentPart[]};

/** DashScope's usage figures for one request; detail fields are undefined when the service leaves them out. */
export type UsageEvent = {
	type: 'usage';
	promptTokens: number;
	completionTokens: number;
	totalTokens: number;
	/** prompt_tokens_details.cached_tokens: the part of promptTokens read from the context cache. */
	cachedTokens?: number;
	/** prompt_tokens_details.cache_creation_input_tokens: the part of promptTokens written to an explicit cache. */
	cacheCreationTokens?: number;
	/** prompt_tokens_details.cache_type: "ephemeral" for an explicit cache. */
	cacheType?: string;
	/** completion_tokens_details.reasoning_tokens: the part of completionTokens spent thinking. */
	reasoningTokens?: number;
};

/** Sent before each retry's wait, so a status line can say why it is waiting. */
export type RetryEvent = {type: 'retry'; attempt: number; reason: ApiErrorKind; delayMs: number};

export type StreamEvent =
	| {type: 'content'; text: string}
	| {type: 'reasoning'; text: string}
	| UsageEvent
	| RetryEvent
	/** `finishReason`: the service's finish_reason ('stop', 'length', 'tool_calls', …). */
	| {type: 'done'; finishReason: string | null};

export type StreamChatRequest = {
	model: string;
	messages: ChatMessage[];
	signal?: AbortSignal;
	enableThinking?: boolean;
};

export type DashScopeClient = {
	listModels(options?: {signal?: AbortSignal}): Promise<string[]>;
	streamChat(request: StreamChatRequest): AsyncIterable<StreamEvent>;
};

export type DashScopeClientOptions = {
	apiKey: string;
	/** Already the request URL (env overrides applied). */
	baseUrl: string;
	/** Connect + first byte, and the longest silence between chunks. Default 30000. */
	timeoutMs?: number;
	/** Retries for 429 / 5xx / connection errors. Default 2. */
	maxRetries?: number;
	/** First backoff delay; doubles each retry (capped at 8 s). Default 500. */
	retryDelayMs?: number;
	/** Label of the region, for messages. */
	regionLabel?: string;
	/** Where messages look up which variable or file set the base URL. Default process.env. */
	env?: Env;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;

// Only transient failures are retried; 400/401/404, quota errors and replies that are not DashScope's never are.
const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['rate_limited', 'server_error', 'network']);
const MAX_BACKOFF_MS = 8000;

// The SDK logs to the console on its own (a malformed event's raw text among it); every failure reaches the user classified instead.
const SILENT_LOGGER = {error() {}, warn() {}, info() {}, debug() {}};

export function createDashScopeClient(options: DashScopeClientOptions): DashScopeClient {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
	const retryDelayMs = options.retryDelayMs ?? 500;
	const env = options.env ?? process.env;
	const base = options.baseUrl.trim().replace(/\/+$/, '');
	const sdk = new OpenAI({
		apiKey: options.apiKey,
		baseURL: base,
		timeout: timeoutMs,
		maxRetries: 0,
		logLevel: 'off',
		logger: SILENT_LOGGER,
		// Keep OPENAI_* env settings from leaking into DashScope requests.
		organization: null,
		project: null,
		webhookSecret: null,
	});
	// Checked once, reported on each request: nothing is sent to a URL that cannot be one.
	const badBaseUrl = baseUrlProblem(base, () => baseUrlSource(base, env), options.apiKey);

	function context(activity: RequestActivity, model?: string): ErrorContext {
		const path = activity === 'models' ? '/models' : '/chat/completions';
		const result: ErrorContext = {
			timeoutMs,
			secret: options.apiKey,
			activity,
			url: displayUrl(`${base}${path}`),
			baseUrlSetting: baseUrlSource(base, env).setting,
		};
		if (options.regionLabel) result.regionLabel = options.regionLabel;
		if (model) result.model = model;
		return result;
	}

	function retryDelay(attempt: number, error: DashScopeError): number {
		return retryAfterMs(error) ?? Math.min(retryDelayMs * 2 ** attempt, MAX_BACKOFF_MS);
	}

	function shouldRetry(error: DashScopeError, attempt: number, signal: AbortSignal | undefined): boolean {
		return attempt < maxRetries && !signal?.aborted && RETRYABLE.has(error.classified.kind);
	}

	async function listModels(listOptions: {signal?: AbortSignal} = {}): Promise<string[]> {
		const {signal} = listOptions;
		for (let attempt = 0; ; attempt++) {
			// The SDK's timeout ends at the headers; the body gets the same time.
			const deadline = new Deadline(timeoutMs, signal);
			try {
				if (badBaseUrl) throw badBaseUrl;
				const response = await sdk.models.list({signal: deadline.signal, maxRetries: 0}).asResponse();
				const text = await response.text();
				return modelIdsFrom(text, response.headers.get('content-type') ?? undefined, context('models'));
			} catch (error) {
				const failure = signal?.aborted
					? abortedError(error, 'models')
					: deadline.expired
						? new DashScopeError(timeoutClassified(context('models')), {cause: error})
						: toDashScopeError(error, context('models'));
				if (!shouldRetry(failure, attempt, signal)) throw failure;
				await sleep(retryDelay(attempt, failure), signal, 'models');
			} finally {
				deadline.stop();
			}
		}
	}

	async function* streamChat(request: StreamChatRequest): AsyncGenerator<StreamEvent> {
		const {signal} = request;
		const body: Record<string, unknown> = {
			model: request.model,
			messages: request.messages,
			stream: true,
			stream_options: {include_usage: true},
		};
		if (request.enableThinking) body.enable_thinking = true;

		for (let attempt = 0; ; attempt++) {
			let yielded = false;
			const idle = new IdleWatch(timeoutMs);
			try {
				if (badBaseUrl) throw badBaseUrl;
				if (signal?.aborted) throw abortedError(signal.reason);
				const {data: stream, response} = await sdk.chat.completions
					.create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming, {signal: signal ?? null, maxRetries: 0})
					.withResponse();

				// Headers are in; from here the SDK has no timeout, so watch for silence.
				idle.start(() => stream.controller.abort());
				const contentType = response.headers.get('content-type')?.toLowerCase() ?? '';
				if (contentType !== '' && !contentType.includes('text/event-stream')) {
					// Not a stream. A whole answer in JSON is taken as it is; anything else is named.
					const text = await response.text();
					if (idle.fired) throw new DashScopeError(timeoutClassified(context('chat', request.model)));
					for (const event of wholeAnswerEvents(text, contentType, context('chat', request.model))) {
						yielded = true;
						idle.suspended = true;
						yield event;
						idle.suspended = false;
					}
					return;
				}

				let finishReason: string | null = null;
				let chunks = 0;
				for await (const chunk of stream as AsyncIterable<unknown>) {
					idle.lastActivity = Date.now();
					if (!isRecord(chunk)) throw unexpectedReplyError('a stream event that is not a JSON object', context('chat'));
					chunks++;
					// DashScope sends `choices: []` with the usage, and a proxy may send null: neither is an error.
					const choice: unknown = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
					if (isRecord(choice)) {
						const delta = isRecord(choice.delta) ? choice.delta : undefined;
						const reasoning = delta?.reasoning_content;
						if (typeof reasoning === 'string' && reasoning) {
							yielded = true;
							idle.suspended = true;
							yield {type: 'reasoning', text: reasoning};
							idle.suspended = false;
						}
						const content = delta?.content;
						if (typeof content === 'string' && content) {
							yielded = true;
							idle.suspended = true;
							yield {type: 'content', text: content};
							idle.suspended = false;
						}
						if (typeof choice.finish_reason === 'string' && choice.finish_reason) finishReason = choice.finish_reason;
					}
					const usage = chunk.usage == null ? undefined : usageEvent(chunk.usage);
					if (usage) {
						idle.suspended = true;
						yield usage;
						idle.suspended = false;
					}
				}
				// The SDK ends the iteration quietly when the request is aborted.
				if (signal?.aborted) throw abortedError(signal.reason);
				if (idle.fired) throw idleError(yielded, context('chat', request.model));
				if (finishReason === null) {
					if (chunks === 0) throw unexpectedReplyError('an event stream without any answer in it', context('chat'));
					throw new DashScopeError({kind: 'unfinished', ...ADVICE.unfinishedAnswer(context('chat').url ?? base)});
				}
				yield {type: 'done', finishReason};
				return;
			} catch (error) {
				idle.stop();
				const failure = signal?.aborted
					? abortedError(error)
					: idle.fired
						? idleError(yielded, context('chat', request.model), error)
						: toDashScopeError(error, context('chat', request.model));
				// Once text reached the caller a retry would repeat it; the partial answer stays with them.
				if (yielded || !shouldRetry(failure, attempt, signal)) throw failure;
				const delayMs = retryDelay(attempt, failure);
				yield {type: 'retry', attempt: attempt + 1, reason: failure.classified.kind, delayMs};
				await sleep(delayMs, signal);
			} finally {
				idle.stop();
			}
		}
	}

	return {listModels, streamChat};
}

type Bag = Record<string, unknown>;

function isRecord(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A token count as the service sends it, or undefined. */
function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** DashScope's `usage` object as an event; undefined when it carries no counts. `null` details are fine. */
export function usageEvent(usage: unknown): UsageEvent | undefined {
	if (!isRecord(usage)) return undefined;
	const promptTokens = count(usage.prompt_tokens);
	const completionTokens = count(usage.completion_tokens);
	if (promptTokens === undefined || completionTokens === undefined) return undefined;
	const promptDetails = isRecord(usage.prompt_tokens_details) ? usage.prompt_tokens_details : undefined;
	const completionDetails = isRecord(usage.completion_tokens_details) ? usage.completion_tokens_details : undefined;
	const cacheType = promptDetails?.cache_type;
	return {
		type: 'usage',
		promptTokens,
		completionTokens,
		totalTokens: count(usage.total_tokens) ?? promptTokens + completionTokens,
		cachedTokens: count(promptDetails?.cached_tokens),
		cacheCreationTokens: count(promptDetails?.cache_creation_input_tokens),
		cacheType: typeof cacheType === 'string' && cacheType ? plainText(cacheType) : undefined,
		reasoningTokens: count(completionDetails?.reasoning_tokens),
	};
}

/** A model list is JSON with a `data` array of objects with string ids; anything else is named. */
function modelIdsFrom(text: string, contentType: string | undefined, context: ErrorContext): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	if (isRecord(parsed) && Array.isArray(parsed.data)) {
		const ids: string[] = [];
		for (const model of parsed.data) {
			if (!isRecord(model) || typeof model.id !== 'string') break;
			ids.push(model.id);
		}
		if (ids.length === parsed.data.length) return ids;
	}
	// An error envelope under a 200 is still the service's error.
	if (isRecord(parsed) && isRecord(parsed.error)) throw toDashScopeError(text, context);
	throw unexpectedReplyError(describeBody(text, contentType), context);
}

/** The events of a whole (non-streamed) chat answer sent in reply to a streaming request. */
function wholeAnswerEvents(text: string, contentType: string, context: ErrorContext): StreamEvent[] {
	let parsed: unknown;
	if (contentType.includes('json')) {
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = undefined;
		}
	}
	if (isRecord(parsed) && isRecord(parsed.error)) throw toDashScopeError(text, context);
	const choice: unknown = isRecord(parsed) && Array.isArray(parsed.choices) ? parsed.choices[0] : undefined;
	const message = isRecord(choice) ? choice.message : undefined;
	if (!isRecord(choice) || !isRecord(message)) {
		throw unexpectedReplyError(parsed === undefined ? describeBody(text, contentType) : 'JSON that is not a chat answer', context);
	}
	const events: StreamEvent[] = [];
	if (typeof message.reasoning_content === 'string' && message.reasoning_content) {
		events.push({type: 'reasoning', text: message.reasoning_content});
	}
	if (typeof message.content === 'string' && message.content) events.push({type: 'content', text: message.content});
	const usage = isRecord(parsed) ? usageEvent(parsed.usage) : undefined;
	if (usage) events.push(usage);
	const finishReason = typeof choice.finish_reason === 'string' && choice.finish_reason ? choice.finish_reason : null;
	events.push({type: 'done', finishReason});
	return events;
}

type BaseUrlSource = {setting: string; fromEnv: boolean};

/** Which variable or file set `baseUrl`, for messages: a region's override variable, else openclaw.json. */
export function baseUrlSource(baseUrl: string, env: Env): BaseUrlSource {
	const wanted = baseUrl.trim().replace(/\/+$/, '');
	for (const region of REGIONS) {
		const value = env[region.baseUrlEnv]?.trim().replace(/\/+$/, '');
		if (value && value === wanted) return {setting: region.baseUrlEnv, fromEnv: true};
	}
	return {setting: `models.providers.${PROVIDER_ID}.baseUrl in ${resolvePaths(env).configPath}`, fromEnv: false};
}

function baseUrlProblem(baseUrl: string, source: () => BaseUrlSource, secret: string): DashScopeError | undefined {
	let parsed: URL | undefined;
	try {
		parsed = new URL(baseUrl);
	} catch {
		parsed = undefined;
	}
	if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname) return undefined;
	const {setting, fromEnv} = source();
	const shown = scrubKeys(plainText(baseUrl), secret);
	const classified: ClassifiedError = {
		kind: 'bad_base_url',
		...ADVICE.badBaseUrl(setting, shown.length > 100 ? `${shown.slice(0, 100)}…` : shown, fromEnv),
	};
	return new DashScopeError(classified);
}

/** Aborts after `ms`, or when `outer` aborts; `expired` tells the two apart. */
class Deadline {
	readonly signal: AbortSignal;
	expired = false;
	private readonly controller = new AbortController();
	private readonly timer: ReturnType<typeof setTimeout>;
	private readonly outer: AbortSignal | undefined;
	private readonly onOuterAbort = () => this.controller.abort();

	constructor(ms: number, outer: AbortSignal | undefined) {
		this.signal = this.controller.signal;
		this.outer = outer;
		if (outer?.aborted) this.controller.abort();
		else outer?.addEventListener('abort', this.onOuterAbort, {once: true});
		this.timer = setTimeout(() => {
			this.expired = true;
			this.controller.abort();
		}, ms);
	}

	stop(): void {
		clearTimeout(this.timer);
		this.outer?.removeEventListener('abort', this.onOuterAbort);
	}
}

/**
 * Aborts a stream after `timeoutMs` without a chunk. One timer per stream; each
 * chunk only stamps `lastActivity`, and time the caller spends between pulls
 * (`suspended`) does not count as server silence.
 */
class IdleWatch {
	lastActivity = 0;
	suspended = false;
	fired = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly timeoutMs: number;

	constructor(timeoutMs: number) {
		this.timeoutMs = timeoutMs;
	}

	start(onIdle: () => void): void {
		this.lastActivity = Date.now();
		const check = () => {
			const silent = Date.now() - this.lastActivity;
			if (this.suspended) {
				this.lastActivity = Date.now();
				this.timer = setTimeout(check, this.timeoutMs);
			} else if (silent >= this.timeoutMs) {
				this.fired = true;
				this.timer = undefined;
				onIdle();
			} else {
				this.timer = setTimeout(check, this.timeoutMs - silent);
			}
		};
		this.timer = setTimeout(check, this.timeoutMs);
	}

	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}
}

function seconds(context: ErrorContext): number | undefined {
	return context.timeoutMs ? Math.round(context.timeoutMs / 100) / 10 : undefined;
}

function timeoutClassified(context: ErrorContext): ClassifiedError {
	return {kind: 'timeout', ...ADVICE.timeout(context.regionLabel, seconds(context))};
}

/** Silence before any text: the request never got going (often a region mismatch). After text: the answer stalled. */
function idleError(yielded: boolean, context: ErrorContext, cause?: unknown): DashScopeError {
	const classified: ClassifiedError = yielded ? {kind: 'stalled', ...ADVICE.stalled(seconds(context))} : timeoutClassified(context);
	return new DashScopeError(classified, {cause});
}

function abortedError(cause: unknown, activity: RequestActivity = 'chat'): DashScopeError {
	return new DashScopeError({kind: 'aborted', ...ADVICE.aborted(activity)}, {cause});
}

function retryAfterMs(error: DashScopeError): number | undefined {
	const cause = error.cause as {headers?: {get?(name: string): string | null}} | undefined;
	const header = cause?.headers?.get?.('retry-after');
	if (!header) return undefined;
	const value = Number(header);
	return Number.isFinite(value) && value >= 0 && value <= 60 ? value * 1000 : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined, activity: RequestActivity = 'chat'): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortedError(signal.reason, activity));
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(abortedError(signal?.reason, activity));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}
