/**
 * Turns whatever went wrong talking to DashScope (openai SDK errors, raw or
 * SSE-framed error bodies, mid-stream error events, network failures, replies
 * that are not DashScope's at all) into one classified error with its
 * troubleshooting advice. Never echoes a key, markup, control characters or a
 * JavaScript error message. The facts are read in api-errors/facts.ts and
 * judged in api-errors/classify.ts.
 */
import {AppError, type Problem} from './app-error.js';
import {classifyFacts} from './api-errors/classify.js';
import {extractFacts} from './api-errors/facts.js';
import {getRegion} from './regions.js';
import type {RegionId} from './regions.js';
import {ADVICE, UNKNOWN_BASE_URL_SETTING} from './messages.js';
import type {RequestActivity} from './messages.js';
import {scrubKeys} from './redact-secrets.js';
import {plainText} from './terminal-text.js';

export type ApiErrorKind =
	| 'invalid_key'
	| 'wrong_region'
	| 'model_not_found'
	| 'rate_limited'
	| 'quota_exceeded'
	| 'arrears'
	| 'free_tier_exhausted'
	| 'moderation'
	| 'context_too_long'
	| 'image_too_large'
	| 'text_only_model'
	| 'bad_request'
	| 'server_error'
	| 'timeout'
	/** The answer had started, then the stream went silent. */
	| 'stalled'
	/** The stream ended without a finish_reason. */
	| 'unfinished'
	/** Not what DashScope sends: an HTML page, an empty body, JSON of another shape, a non-JSON event. */
	| 'unexpected_reply'
	/** HTTP 404 for a path DashScope serves: the base URL leads elsewhere. */
	| 'endpoint_not_found'
	| 'bad_base_url'
	| 'tls'
	| 'network'
	| 'aborted'
	| 'portal_discontinued'
	| 'unknown';

export type ClassifiedError = Problem & {readonly kind: ApiErrorKind};

export type ErrorContext = {
	/** Label of the region the request went to. */
	regionLabel?: string;
	model?: string;
	/** The region the key actually belongs to (from a probe), when it differs. */
	keyRegion?: RegionId;
	/** The timeout in effect, for the message. */
	timeoutMs?: number;
	/** The key the request used: scrubbed from any text, even when a line break split it. */
	secret?: string;
	/** The URL the request went to (displayUrl: no credentials, no query), for messages. */
	url?: string;
	/** Where the base URL is set ("QWEN_INTL_BASE_URL", "models.providers.qwen-portal.baseUrl in …"). */
	baseUrlSetting?: string;
	/** A chat or a key check: the advice differs (a check has no partial answer). Default 'chat'. */
	activity?: RequestActivity;
};

/** What the client throws: the classified error, with the original as `cause`. */
export class DashScopeError extends AppError {
	readonly classified: ClassifiedError;

	constructor(classified: ClassifiedError, options?: {cause?: unknown}) {
		super(classified, options);
		this.name = 'DashScopeError';
		this.classified = classified;
	}

	override get kind(): ApiErrorKind {
		return this.classified.kind;
	}
}

export function classifyApiError(error: unknown, context: ErrorContext = {}): ClassifiedError {
	if (error instanceof DashScopeError) {
		// A probe may have learnt since that the rejected key belongs to another region.
		if (!(context.keyRegion && error.classified.kind === 'invalid_key')) return error.classified;
		return {
			...error.classified,
			kind: 'wrong_region',
			...ADVICE.wrongRegion(getRegion(context.keyRegion), context.regionLabel),
		};
	}
	const facts = extractFacts(error);
	const classified = classifyFacts(facts, context);
	return {
		...classified,
		title: clean(classified.title, context.secret),
		message: clean(classified.message, context.secret),
		nextStep: clean(classified.nextStep, context.secret),
		...(facts.status === undefined ? {} : {status: facts.status}),
		...(facts.requestId ? {requestId: plainText(facts.requestId).slice(0, 100)} : {}),
	};
}

/** Service text as it may be shown: no key, no control characters. */
function clean(text: string, secret: string | undefined): string {
	return plainText(scrubKeys(text, secret));
}

/** Shorthand: classify and wrap in a DashScopeError. */
export function toDashScopeError(error: unknown, context?: ErrorContext): DashScopeError {
	if (error instanceof DashScopeError) return error;
	return new DashScopeError(classifyApiError(error, context), {cause: error});
}

/** A reply that is not what DashScope sends; `what` says what it was ("an empty body"). */
export function unexpectedReplyError(what: string, context: ErrorContext = {}): DashScopeError {
	const advice = ADVICE.unexpectedReply(context.url ?? 'the endpoint', what, context.baseUrlSetting ?? UNKNOWN_BASE_URL_SETTING);
	return new DashScopeError({
		kind: 'unexpected_reply',
		title: advice.title,
		message: clean(advice.message, context.secret),
		nextStep: clean(advice.nextStep, context.secret),
	});
}
