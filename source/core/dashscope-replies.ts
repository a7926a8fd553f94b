/**
 * What DashScope sends back, checked rather than assumed: a model list, a
 * usage object, or a whole chat answer where a stream was asked for. Anything
 * else is named as what it is.
 */
import {describeBody} from './api-errors/reply-body.js';
import type {StreamEvent, UsageEvent} from './dashscope-client.js';
import {toDashScopeError, unexpectedReplyError} from './errors.js';
import type {ErrorContext} from './errors.js';
import {isPlainObject} from './plain-object.js';
import {plainText} from './terminal-text.js';

/** A token count as the service sends it, or undefined. */
function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** DashScope's `usage` object as an event; undefined when it carries no counts. `null` details are fine. */
export function usageEvent(usage: unknown): UsageEvent | undefined {
	if (!isPlainObject(usage)) return undefined;
	const promptTokens = count(usage.prompt_tokens);
	const completionTokens = count(usage.completion_tokens);
	if (promptTokens === undefined || completionTokens === undefined) return undefined;
	const promptDetails = isPlainObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : undefined;
	const completionDetails = isPlainObject(usage.completion_tokens_details) ? usage.completion_tokens_details : undefined;
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

/** What one stream event says: its reasoning, content and usage as events, and the finish_reason once it comes. */
export function chunkEvents(chunk: unknown, context: ErrorContext): {events: StreamEvent[]; finishReason?: string} {
	if (!isPlainObject(chunk)) throw unexpectedReplyError('a stream event that is not a JSON object', context);
	const events: StreamEvent[] = [];
	let finishReason: string | undefined;
	// DashScope sends `choices: []` with the usage, and a proxy may send null: neither is an error.
	const choice: unknown = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
	if (isPlainObject(choice)) {
		const delta = isPlainObject(choice.delta) ? choice.delta : undefined;
		const reasoning = delta?.reasoning_content;
		if (typeof reasoning === 'string' && reasoning) events.push({type: 'reasoning', text: reasoning});
		const content = delta?.content;
		if (typeof content === 'string' && content) events.push({type: 'content', text: content});
		if (typeof choice.finish_reason === 'string' && choice.finish_reason) finishReason = choice.finish_reason;
	}
	const usage = chunk.usage == null ? undefined : usageEvent(chunk.usage);
	if (usage) events.push(usage);
	return finishReason ? {events, finishReason} : {events};
}

/** A model list is JSON with a `data` array of objects with string ids; anything else is named. */
export function modelIdsFrom(text: string, contentType: string | undefined, context: ErrorContext): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	if (isPlainObject(parsed) && Array.isArray(parsed.data)) {
		const ids: string[] = [];
		for (const model of parsed.data) {
			if (!isPlainObject(model) || typeof model.id !== 'string') break;
			ids.push(model.id);
		}
		if (ids.length === parsed.data.length) return ids;
	}
	// An error envelope under a 200 is still the service's error.
	if (isPlainObject(parsed) && isPlainObject(parsed.error)) throw toDashScopeError(text, context);
	throw unexpectedReplyError(describeBody(text, contentType), context);
}

/** The events of a whole (non-streamed) chat answer sent in reply to a streaming request. */
export function wholeAnswerEvents(text: string, contentType: string, context: ErrorContext): StreamEvent[] {
	let parsed: unknown;
	if (contentType.includes('json')) {
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = undefined;
		}
	}
	if (isPlainObject(parsed) && isPlainObject(parsed.error)) throw toDashScopeError(text, context);
	const choice: unknown = isPlainObject(parsed) && Array.isArray(parsed.choices) ? parsed.choices[0] : undefined;
	const message = isPlainObject(choice) ? choice.message : undefined;
	if (!isPlainObject(choice) || !isPlainObject(message)) {
		throw unexpectedReplyError(parsed === undefined ? describeBody(text, contentType) : 'JSON that is not a chat answer', context);
	}
	const events: StreamEvent[] = [];
	if (typeof message.reasoning_content === 'string' && message.reasoning_content) {
		events.push({type: 'reasoning', text: message.reasoning_content});
	}
	if (typeof message.content === 'string' && message.content) events.push({type: 'content', text: message.content});
	const usage = isPlainObject(parsed) ? usageEvent(parsed.usage) : undefined;
	if (usage) events.push(usage);
	const finishReason = typeof choice.finish_reason === 'string' && choice.finish_reason ? choice.finish_reason : null;
	events.push({type: 'done', finishReason});
	return events;
}
