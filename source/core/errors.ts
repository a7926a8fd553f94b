/**
 * Turns whatever went wrong talking to DashScope (openai SDK errors, raw or
 * SSE-framed error bodies, mid-stream error events, network failures) into one
 * classified error with the seed's troubleshooting advice. Never echoes a key.
 */
import {AppError} from './app-error.js';
import {getRegion} from './regions.js';
import type {RegionId} from './regions.js';
import {ADVICE} from './messages.js';
import type {Advice} from './messages.js';

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
	| 'bad_request'
	| 'server_error'
	| 'timeout'
	| 'network'
	| 'aborted'
	| 'portal_discontinued'
	| 'unknown';

export type ClassifiedError = {
	kind: ApiErrorKind;
	title: string;
	message: string;
	nextStep: string;
	status?: number;
	requestId?: string;
};

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

const KEY_PATTERN = /sk-[A-Za-z0-9._-]{4,}/g;

/** Shortest piece of a known secret worth hiding: shorter runs match ordinary words. */
const MIN_SECRET_PIECE = 6;

/**
 * Removes anything that looks like a DashScope key from service text, and every
 * piece of the known secret: a key with a stray line break reaches error text
 * split in two, and only its first half starts with `sk-`; a proxy may quote
 * the key without its `sk-`.
 */
export function scrubKeys(text: string, secret?: string): string {
	let result = text;
	if (secret) {
		for (const piece of secret.split(/\s+/)) {
			for (const part of piece.startsWith('sk-') ? [piece, piece.slice(3)] : [piece]) {
				if (part.length >= MIN_SECRET_PIECE) result = result.split(part).join('…');
			}
		}
	}
	return result.replace(KEY_PATTERN, 'sk-…');
}

/** The facts an error carries, wherever it came from. */
type Facts = {
	status?: number;
	code?: string;
	type?: string;
	message?: string;
	requestId?: string;
	/** Network-level error code (ENOTFOUND, ECONNREFUSED, …) and what it names. */
	netCode?: string;
	netTarget?: string;
	timeout?: boolean;
	aborted?: boolean;
	terminated?: boolean;
};

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
	classified.title = scrubKeys(classified.title, context.secret);
	classified.message = scrubKeys(classified.message, context.secret);
	classified.nextStep = scrubKeys(classified.nextStep, context.secret);
	if (facts.status !== undefined) classified.status = facts.status;
	if (facts.requestId) classified.requestId = facts.requestId;
	return classified;
}

/** Shorthand: classify and wrap in a DashScopeError. */
export function toDashScopeError(error: unknown, context?: ErrorContext): DashScopeError {
	if (error instanceof DashScopeError) return error;
	return new DashScopeError(classifyApiError(error, context), {cause: error});
}

function make(kind: ApiErrorKind, advice: Advice): ClassifiedError {
	return {kind, title: advice.title, message: advice.message, nextStep: advice.nextStep};
}

function classifyFacts(facts: Facts, context: ErrorContext): ClassifiedError {
	const {status, code = '', message = ''} = facts;
	const type = facts.type ?? '';
	const lower = message.toLowerCase();

	if (facts.aborted) return make('aborted', ADVICE.aborted());
	if (facts.timeout) {
		const seconds = context.timeoutMs ? Math.round(context.timeoutMs / 100) / 10 : undefined;
		return make('timeout', ADVICE.timeout(context.regionLabel, seconds));
	}

	// The discontinued Qwen OAuth portal's answers.
	if (status === 401 && lower.includes('invalid access token or token expired')) {
		return make('portal_discontinued', ADVICE.portalDiscontinued());
	}
	if (status === 429 && lower.includes('free allocated quota exceeded')) {
		return make('portal_discontinued', ADVICE.portalDiscontinued());
	}

	if (status === 401 || code === 'invalid_api_key') {
		if (context.keyRegion) {
			return make('wrong_region', ADVICE.wrongRegion(getRegion(context.keyRegion), context.regionLabel));
		}
		return make('invalid_key', ADVICE.invalidKey(context.regionLabel));
	}
	if (code === 'model_not_found' || status === 404) {
		const model = /model `([^`]+)`/.exec(message)?.[1] ?? context.model;
		return make('model_not_found', ADVICE.modelNotFound(model, context.regionLabel));
	}
	if (code === 'insufficient_quota' || type === 'insufficient_quota') {
		return make('quota_exceeded', ADVICE.quotaExceeded());
	}
	if (status === 429 || code === 'limit_requests' || code.startsWith('Throttling')) {
		return make('rate_limited', ADVICE.rateLimited());
	}
	if (code === 'Arrearage' || type === 'Arrearage') return make('arrears', ADVICE.arrears());
	if (code.startsWith('AllocationQuota.FreeTierOnly') || lower.includes('free tier of the model has been exhausted')) {
		return make('free_tier_exhausted', ADVICE.freeTierExhausted(context.model));
	}
	if (code === 'data_inspection_failed' || type === 'data_inspection_failed') {
		return make('moderation', ADVICE.moderation());
	}
	if (lower.includes('max bytes per data-uri')) return make('image_too_large', ADVICE.imageTooLarge());
	if (
		lower.includes('range of input length') ||
		lower.includes('maximum context length') ||
		lower.includes('context length') ||
		code === 'context_length_exceeded'
	) {
		return make('context_too_long', ADVICE.contextTooLong());
	}
	if (lower.includes('input content must be a string')) {
		const classified = make('bad_request', ADVICE.textOnlyModel(context.model));
		return classified;
	}
	if (status !== undefined && status >= 500) {
		return make('server_error', ADVICE.serverError(status, message || undefined));
	}
	if (status === 400 || status === 403 || status === 422) {
		return make('bad_request', ADVICE.badRequest(message || `HTTP ${status}`));
	}

	if (facts.netCode || facts.terminated) return classifyNetwork(facts);
	if (status === undefined && code) {
		// A mid-stream error event with a code we do not know.
		return make('unknown', ADVICE.unknown(message || code));
	}
	if (status !== undefined) return make('unknown', ADVICE.unknown(message || `HTTP ${status}`));
	return make('unknown', ADVICE.unknown(message || undefined));
}

function classifyNetwork(facts: Facts): ClassifiedError {
	switch (facts.netCode) {
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EAI_NONAME':
			return make('network', ADVICE.hostNotFound(facts.netTarget));
		case 'ECONNREFUSED':
			return make('network', ADVICE.connectionRefused(facts.netTarget));
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
		case 'UND_ERR_CLOSED':
			return make('network', ADVICE.connectionLost());
		case 'UND_ERR_INVALID_ARG':
			// Nothing left the machine: a header value (the key) held a character HTTP forbids.
			return make('bad_request', ADVICE.unsendableKey());
		default:
			if (facts.terminated) return make('network', ADVICE.connectionLost());
			return make('network', ADVICE.networkError(facts.netCode === 'unknown' ? undefined : facts.netCode));
	}
}

// ---------------------------------------------------------------------------
// Fact extraction. Duck-typed so it works for the openai SDK's classes, fetch
// errors, plain objects and raw bodies alike.

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
	return typeof value === 'object' && value !== null;
}

/** A thrown primitive as text (`throw 'boom'`, `throw 404`). */
function primitiveText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	return undefined;
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function extractFacts(error: unknown): Facts {
	if (typeof error === 'string') return factsFromBody(error) ?? {message: error};
	if (!isBag(error)) return {message: primitiveText(error)};

	// The SDK's classes keep the default `name`, so look at the constructor too.
	const names = [str(error.name), str((error.constructor as {name?: unknown} | undefined)?.name)];
	const ownMessage = str(error.message);

	if (names.includes('APIUserAbortError') || names.includes('AbortError')) return {aborted: true};
	if (names.includes('APIConnectionTimeoutError') || names.includes('TimeoutError')) return {timeout: true};

	const facts: Facts = {};
	const status = typeof error.status === 'number' ? error.status : undefined;
	if (status !== undefined) facts.status = status;

	// openai APIError: `error` is the parsed body's `error` object, `requestID` the header.
	const requestId = str(error.requestID) ?? str(error.request_id);
	if (requestId) facts.requestId = requestId;
	const body = isBag(error.error) ? error.error : undefined;
	if (body) {
		Object.assign(facts, factsFromErrorObject(body));
		if (!facts.requestId && str(error.request_id)) facts.requestId = str(error.request_id);
		return facts;
	}

	// A body like {"error": "slow_down"} passed as a plain object.
	if (typeof error.error === 'string') {
		facts.message = error.error;
		return facts;
	}

	// An APIError whose body was not JSON (e.g. SSE-framed `data: {…}`): the text is in the message.
	if (ownMessage) {
		const fromText = factsFromBody(ownMessage.replace(/^\d{3}\s+/, ''));
		if (fromText) return {...fromText, ...facts, ...pick(fromText)};
	}

	const network = networkFacts(error, names);
	if (network) return {...facts, ...network};

	if (ownMessage) facts.message = ownMessage.replace(/^\d{3}\s+/, '');
	return facts;
}

function pick(facts: Facts): Facts {
	// Body facts win over the wrapper's, except the status.
	const {status: _status, ...rest} = facts;
	return rest;
}

function factsFromErrorObject(body: Bag): Facts {
	const facts: Facts = {};
	const code = str(body.code);
	const type = str(body.type);
	const message = str(body.message);
	if (code) facts.code = code;
	if (type) facts.type = type;
	if (message) facts.message = message;
	return facts;
}

/** Parses a raw error body: JSON or SSE-framed (`data: {"error":{…}}`). */
function factsFromBody(text: string): Facts | undefined {
	const trimmed = text.trim().replace(/^data:\s*/, '');
	if (!trimmed.startsWith('{')) return undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(trimmed.split('\n\n')[0] ?? trimmed);
	} catch {
		return undefined;
	}
	if (!isBag(parsed)) return undefined;
	const facts: Facts = isBag(parsed.error)
		? factsFromErrorObject(parsed.error)
		: factsFromErrorObject(parsed);
	const requestId = str(parsed.request_id);
	if (requestId) facts.requestId = requestId;
	if (typeof parsed.status === 'number') facts.status = parsed.status;
	return facts;
}

/** Walks the cause chain for a Node/undici network error code. */
function networkFacts(error: Bag, names: Array<string | undefined>): Facts | undefined {
	let current: unknown = error;
	let terminated = false;
	for (let depth = 0; depth < 6 && isBag(current); depth++) {
		const message = str(current.message) ?? '';
		if (message === 'terminated' || /other side closed|socket hang up/i.test(message)) terminated = true;
		const code = str(current.code);
		if (code && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) {
			if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
				return {timeout: true};
			}
			const facts: Facts = {netCode: code};
			const target =
				str(current.hostname) ??
				(str(current.address) ? `${String(current.address)}${typeof current.port === 'number' ? `:${current.port}` : ''}` : undefined);
			if (target) facts.netTarget = target;
			return facts;
		}
		if (Array.isArray(current.errors) && isBag(current.errors[0])) {
			// AggregateError from happy-eyeballs connects.
			current = current.errors[0];
			continue;
		}
		current = current.cause;
	}
	if (terminated) return {terminated: true};
	if (names.includes('APIConnectionError') || /fetch failed/i.test(str(error.message) ?? '')) {
		return {netCode: 'unknown'};
	}
	return undefined;
}
