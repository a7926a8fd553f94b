/**
 * The DashScope client: the openai SDK pointed at a region's compatible-mode
 * endpoint, with the service's quirks handled (system role only, usage on
 * streams, enable_thinking as a body field), an idle timeout the SDK lacks for
 * streams, our own bounded retries, and every failure a classified DashScopeError.
 */
import OpenAI from 'openai';
import type {ChatCompletionChunk} from 'openai/resources/chat/completions';
import {DashScopeError, toDashScopeError} from './errors.js';
import type {ApiErrorKind, ErrorContext} from './errors.js';
import {ADVICE} from './messages.js';

export type ChatContentPart = {type: 'text'; text: string} | {type: 'image_url'; image_url: {url: string}};
export type ChatMessage = {role: 'system' | 'user' | 'assistant'; content: string | ChatContentPart[]};

export type StreamEvent =
	| {type: 'content'; text: string}
	| {type: 'reasoning'; text: string}
	| {type: 'usage'; promptTokens: number; completionTokens: number; totalTokens: number}
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
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;

// Only transient failures are retried; 400/401/404 and quota errors never are.
const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['rate_limited', 'server_error', 'network']);
const MAX_BACKOFF_MS = 8000;

export function createDashScopeClient(options: DashScopeClientOptions): DashScopeClient {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
	const retryDelayMs = options.retryDelayMs ?? 500;
	const sdk = new OpenAI({
		apiKey: options.apiKey,
		baseURL: options.baseUrl,
		timeout: timeoutMs,
		maxRetries: 0,
		// Keep OPENAI_* env settings from leaking into DashScope requests.
		organization: null,
		project: null,
		webhookSecret: null,
	});

	function context(model?: string): ErrorContext {
		const result: ErrorContext = {timeoutMs, secret: options.apiKey};
		if (options.regionLabel) result.regionLabel = options.regionLabel;
		if (model) result.model = model;
		return result;
	}

	async function backoff(attempt: number, error: DashScopeError, signal: AbortSignal | undefined): Promise<void> {
		const delay = retryAfterMs(error) ?? Math.min(retryDelayMs * 2 ** attempt, MAX_BACKOFF_MS);
		await sleep(delay, signal);
	}

	function shouldRetry(error: DashScopeError, attempt: number, signal: AbortSignal | undefined): boolean {
		return attempt < maxRetries && !signal?.aborted && RETRYABLE.has(error.classified.kind);
	}

	async function listModels(listOptions: {signal?: AbortSignal} = {}): Promise<string[]> {
		const {signal} = listOptions;
		for (let attempt = 0; ; attempt++) {
			try {
				const page = await sdk.models.list({signal: signal ?? null, maxRetries: 0});
				return page.data.map(model => model.id);
			} catch (error) {
				const failure = signal?.aborted ? abortedError(error) : toDashScopeError(error, context());
				if (!shouldRetry(failure, attempt, signal)) throw failure;
				await backoff(attempt, failure, signal);
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
				if (signal?.aborted) throw abortedError(signal.reason);
				const stream = (await sdk.chat.completions.create(
					body as unknown as OpenAI.ChatCompletionCreateParamsStreaming,
					{signal: signal ?? null, maxRetries: 0},
				)) as AsyncIterable<ChatCompletionChunk> & {controller: AbortController};

				// Headers are in; from here the SDK has no timeout, so watch for silence.
				idle.start(() => stream.controller.abort());
				let finishReason: string | null = null;
				let finished = false;
				for await (const chunk of stream) {
					idle.lastActivity = Date.now();
					const choice = chunk.choices[0];
					if (choice !== undefined) {
						const delta = choice.delta as {content?: string | null; reasoning_content?: string | null};
						const reasoning = delta.reasoning_content;
						if (reasoning) {
							yielded = true;
							idle.suspended = true;
							yield {type: 'reasoning', text: reasoning};
							idle.suspended = false;
						}
						const content = delta.content;
						if (content) {
							yielded = true;
							idle.suspended = true;
							yield {type: 'content', text: content};
							idle.suspended = false;
						}
						if (choice.finish_reason) {
							finishReason = choice.finish_reason;
							finished = true;
						}
					}
					const usage = chunk.usage;
					if (usage) {
						idle.suspended = true;
						yield {
							type: 'usage',
							promptTokens: usage.prompt_tokens,
							completionTokens: usage.completion_tokens,
							totalTokens: usage.total_tokens,
						};
						idle.suspended = false;
					}
				}
				// The SDK ends the iteration quietly when the request is aborted.
				if (signal?.aborted) throw abortedError(signal.reason);
				if (idle.fired) throw new DashScopeError(timeoutClassified(context(request.model)));
				if (!finished) {
					throw new DashScopeError({kind: 'network', ...ADVICE.connectionLost()});
				}
				yield {type: 'done', finishReason};
				return;
			} catch (error) {
				const failure = signal?.aborted
					? abortedError(error)
					: idle.fired
						? new DashScopeError(timeoutClassified(context(request.model)), {cause: error})
						: toDashScopeError(error, context(request.model));
				// Once text reached the caller a retry would repeat it; the partial answer stays with them.
				if (yielded || !shouldRetry(failure, attempt, signal)) throw failure;
				await backoff(attempt, failure, signal);
			} finally {
				idle.stop();
			}
		}
	}

	return {listModels, streamChat};
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

function timeoutClassified(context: ErrorContext) {
	const seconds = context.timeoutMs ? Math.round(context.timeoutMs / 100) / 10 : undefined;
	return {kind: 'timeout' as const, ...ADVICE.timeout(context.regionLabel, seconds)};
}

function abortedError(cause: unknown): DashScopeError {
	return new DashScopeError({kind: 'aborted', ...ADVICE.aborted()}, {cause});
}

function retryAfterMs(error: DashScopeError): number | undefined {
	const cause = error.cause as {headers?: {get?(name: string): string | null}} | undefined;
	const header = cause?.headers?.get?.('retry-after');
	if (!header) return undefined;
	const seconds = Number(header);
	return Number.isFinite(seconds) && seconds >= 0 && seconds <= 60 ? seconds * 1000 : undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortedError(signal.reason));
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(abortedError(signal?.reason));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}
