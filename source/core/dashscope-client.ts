/**
 * The DashScope client: the openai SDK pointed at a region's compatible-mode
 * endpoint, with the service's quirks handled (system role only, usage on
 * streams, enable_thinking as a body field), an idle timeout the SDK lacks for
 * streams, our own bounded retries, and every failure a classified DashScopeError.
 * What the service sends is checked, not assumed: a reply that is no model list,
 * no event stream or no chat answer is named as such.
 */
import type OpenAI from 'openai';
import {baseUrlProblem, baseUrlSource} from './base-url-source.js';
import {chunkEvents, modelIdsFrom, wholeAnswerEvents} from './dashscope-replies.js';
import type {Env} from './env.js';
import {DashScopeError, toDashScopeError, unexpectedReplyError} from './errors.js';
import type {ApiErrorKind, ClassifiedError, ErrorContext} from './errors.js';
import {ADVICE} from './messages.js';
import type {RequestActivity} from './messages.js';
import {Deadline, IdleWatch, sleep} from './request-timers.js';
import {DEFAULT_TIMEOUT_MS} from './request-timeout.js';
import {displayUrl} from './urls.js';

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
	/** Connect + first byte, and the longest silence between chunks. Default DEFAULT_TIMEOUT_MS. */
	timeoutMs?: number;
	/** Retries for 429 / 5xx / connection errors. Default DEFAULT_MAX_RETRIES. */
	maxRetries?: number;
	/** First backoff delay; doubles each retry, up to MAX_BACKOFF_MS. Default DEFAULT_RETRY_DELAY_MS. */
	retryDelayMs?: number;
	/** Label of the region, for messages. */
	regionLabel?: string;
	/** Where messages look up which variable or file set the base URL. */
	env: Env;
};

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_RETRY_DELAY_MS = 500;

// Only transient failures are retried; 400/401/404, quota errors and replies that are not DashScope's never are.
const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['rate_limited', 'server_error', 'network']);
const MAX_BACKOFF_MS = 8000;

// The SDK logs to the console on its own (a malformed event's raw text among it); every failure reaches the user classified instead.
const SILENT_LOGGER = {error() {}, warn() {}, info() {}, debug() {}};

export function createDashScopeClient(options: DashScopeClientOptions): DashScopeClient {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
	const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
	const {env} = options;
	const base = options.baseUrl.trim().replace(/\/+$/, '');
	// The SDK (and the HTTP stack under it) loads on the first request, not with the
	// module: a screen that opens on this client draws its first frame without it.
	let loaded: Promise<OpenAI> | undefined;
	const sdk = async (): Promise<OpenAI> =>
		(loaded ??= import('openai').then(
			({default: OpenAISdk}) =>
				new OpenAISdk({
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
				}),
		));
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
				const response = await (await sdk()).models.list({signal: deadline.signal, maxRetries: 0}).asResponse();
				const text = await response.text();
				return modelIdsFrom(text, response.headers.get('content-type') ?? undefined, context('models'));
			} catch (error) {
				const failure = signal?.aborted
					? abortedError(error, 'models')
					: deadline.expired
						? new DashScopeError(timeoutClassified(context('models')), {cause: error})
						: toDashScopeError(error, context('models'));
				if (!shouldRetry(failure, attempt, signal)) throw failure;
				await sleep(retryDelay(attempt, failure), signal, reason => abortedError(reason, 'models'));
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
				const {data: stream, response} = await (await sdk()).chat.completions
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
				// Made once: a chunk needs it only to say what was wrong with it, and there are thousands of chunks.
				const chunkContext = context('chat');
				for await (const chunk of stream as AsyncIterable<unknown>) {
					idle.lastActivity = Date.now();
					const read = chunkEvents(chunk, chunkContext);
					chunks++;
					if (read.finishReason) finishReason = read.finishReason;
					for (const event of read.events) {
						if (event.type !== 'usage') yielded = true;
						idle.suspended = true;
						yield event;
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
				await sleep(delayMs, signal, reason => abortedError(reason));
			} finally {
				idle.stop();
			}
		}
	}

	return {listModels, streamChat};
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
