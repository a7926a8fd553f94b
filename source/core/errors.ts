/**
 * Turns whatever went wrong talking to DashScope (openai SDK errors, raw or
 * SSE-framed error bodies, mid-stream error events, network failures, replies
 * that are not DashScope's at all) into one classified error with its
 * troubleshooting advice. Never echoes a key, markup, control characters or a
 * JavaScript error message.
 */
import {AppError} from './app-error.js';
import {getRegion} from './regions.js';
import type {RegionId} from './regions.js';
import {ADVICE} from './messages.js';
import type {Advice, RequestActivity} from './messages.js';
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

// Any case (a server may echo the key in capitals), not inside a word ("desk-lamp").
const KEY_PATTERN = /(?<![A-Za-z0-9])sk-[A-Za-z0-9._-]{4,}/gi;

/**
 * Shortest run of the known secret that is hidden wherever it appears:
 * shorter runs match ordinary words and numbers.
 */
const SECRET_WINDOW = 8;

/**
 * Removes anything that looks like a DashScope key from service text, and any
 * run of SECRET_WINDOW or more characters of the known secret: in any case,
 * and across line breaks and spaces (a key with a stray line break, or a
 * server that wraps or upper-cases what it echoes), with or without its `sk-`,
 * whole or truncated.
 */
export function scrubKeys(text: string, secret?: string): string {
	const masked = secret ? maskSecret(text, secret) : text;
	return masked.replace(KEY_PATTERN, 'sk-…');
}

function maskSecret(text: string, secret: string): string {
	const compactSecret = secret.replace(/\s+/g, '').toLowerCase();
	const width = Math.min(SECRET_WINDOW, compactSecret.length);
	if (width === 0) return text;
	const windows = new Set<string>();
	for (let start = 0; start + width <= compactSecret.length; start++) windows.add(compactSecret.slice(start, start + width));

	// The text without whitespace, lower-cased, and where each of its characters came from.
	let compact = '';
	const origin: number[] = [];
	for (let index = 0; index < text.length; index++) {
		const char = text[index]!;
		if (/\s/.test(char)) continue;
		compact += char.toLowerCase();
		origin.push(index);
	}
	const hidden = new Uint8Array(text.length);
	let found = false;
	for (let start = 0; start + width <= compact.length; ) {
		if (!windows.has(compact.slice(start, start + width))) {
			start++;
			continue;
		}
		// A run of matching windows counts when one of them is not one character repeated (a test key's padding).
		let end = start;
		let telling = false;
		for (; end + width <= compact.length; end++) {
			const window = compact.slice(end, end + width);
			if (!windows.has(window)) break;
			if (!/^(.)\1*$/.test(window)) telling = true;
		}
		if (telling) {
			found = true;
			for (let index = origin[start]!; index <= origin[end + width - 2]!; index++) hidden[index] = 1;
		}
		start = end;
	}
	if (!found) return text;
	let result = '';
	for (let index = 0; index < text.length; index++) {
		if (!hidden[index]) result += text[index];
		else if (index === 0 || !hidden[index - 1]) result += '…';
	}
	return result;
}

/** A URL as messages show it: without user, password, query or fragment. */
export function displayUrl(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.username = '';
		parsed.password = '';
		parsed.search = '';
		parsed.hash = '';
		return parsed.toString();
	} catch {
		const shown = plainText(url);
		return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
	}
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
	/** The body was an HTML page (a proxy, a captive portal); only its title is kept. */
	html?: {title?: string};
	/** The reply (or a stream event) could not be read as JSON. */
	malformed?: boolean;
	/** The URL could not be parsed. */
	invalidUrl?: boolean;
	/** A TLS failure: `certificate` when the peer's certificate was refused, else the peer spoke no TLS. */
	tls?: {code: string; certificate: boolean};
	/** A JavaScript error (TypeError and kin): its text means nothing to a user and is never shown. */
	internal?: boolean;
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
	classified.title = clean(classified.title, context.secret);
	classified.message = clean(classified.message, context.secret);
	classified.nextStep = clean(classified.nextStep, context.secret);
	if (facts.status !== undefined) classified.status = facts.status;
	if (facts.requestId) classified.requestId = plainText(facts.requestId).slice(0, 100);
	return classified;
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

function make(kind: ApiErrorKind, advice: Advice): ClassifiedError {
	return {kind, title: advice.title, message: advice.message, nextStep: advice.nextStep};
}

/** A reply that is not what DashScope sends; `what` says what it was ("an empty body"). */
export function unexpectedReplyError(what: string, context: ErrorContext = {}): DashScopeError {
	const advice = ADVICE.unexpectedReply(context.url ?? 'the endpoint', what, context.baseUrlSetting);
	return new DashScopeError(make('unexpected_reply', {
		title: advice.title,
		message: clean(advice.message, context.secret),
		nextStep: clean(advice.nextStep, context.secret),
	}));
}

/** What a body that is no model list or chat answer looks like, in words (never its markup). */
export function describeBody(text: string, contentType?: string): string {
	const trimmed = text.trim();
	if (trimmed === '') return 'an empty body';
	if (looksLikeHtml(trimmed)) return htmlDescription(htmlTitle(trimmed));
	let json = true;
	try {
		JSON.parse(trimmed);
	} catch {
		json = false;
	}
	if (json) return 'JSON, but not in the shape DashScope sends';
	const type = contentType ? plainText(contentType.split(';')[0]!.trim()).slice(0, 60) : '';
	return `not JSON${type ? `: ${type}` : ''}`;
}

/** Longest piece of service text a message quotes. */
const MAX_SERVICE_TEXT = 300;

function clip(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > MAX_SERVICE_TEXT ? `${oneLine.slice(0, MAX_SERVICE_TEXT)}…` : oneLine;
}

function classifyFacts(facts: Facts, context: ErrorContext): ClassifiedError {
	const {status, code = ''} = facts;
	const message = facts.message ? clip(facts.message) : '';
	const type = facts.type ?? '';
	const lower = message.toLowerCase();
	const activity = context.activity ?? 'chat';
	const url = context.url ?? 'the endpoint';
	const setting = context.baseUrlSetting;

	if (facts.aborted) return make('aborted', ADVICE.aborted(activity));
	if (facts.timeout) {
		const seconds = context.timeoutMs ? Math.round(context.timeoutMs / 100) / 10 : undefined;
		return make('timeout', ADVICE.timeout(context.regionLabel, seconds));
	}
	if (facts.invalidUrl) return make('bad_base_url', ADVICE.badBaseUrl(setting ?? 'The base URL', url, false));
	if (facts.html) {
		if (status === 404) return make('endpoint_not_found', ADVICE.endpointNotFound(url, setting));
		if (status === 429) return make('rate_limited', ADVICE.rateLimited());
		if (status !== undefined && status !== 200) {
			return make(status >= 500 ? 'server_error' : 'unexpected_reply', ADVICE.htmlErrorPage(status, facts.html.title, url));
		}
		return make('unexpected_reply', ADVICE.unexpectedReply(url, htmlDescription(facts.html.title), setting));
	}
	if (facts.malformed) {
		const what = activity === 'models' ? 'a body that is not JSON' : 'a stream event that is not JSON';
		return make('unexpected_reply', ADVICE.unexpectedReply(url, what, setting));
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
	// GET /models names no model, so its 404 can only be a wrong path; a chat's 404 names the model it could not find.
	if (code === 'model_not_found' || (status === 404 && activity === 'chat' && /\bmodel\b/i.test(message))) {
		const model = /model `([^`]+)`/.exec(message)?.[1] ?? context.model;
		return make('model_not_found', ADVICE.modelNotFound(model, context.regionLabel));
	}
	if (status === 404) return make('endpoint_not_found', ADVICE.endpointNotFound(url, setting));
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
	if (lower.includes('input content must be a string')) return make('text_only_model', ADVICE.textOnlyModel(context.model));
	if (status !== undefined && status >= 500) {
		return make('server_error', ADVICE.serverError(status, message || undefined));
	}
	if (status === 400 || status === 403 || status === 422) {
		return make('bad_request', ADVICE.badRequest(message || `HTTP ${status}`));
	}

	if (facts.tls) {
		const target = context.url ? hostOf(context.url) : (facts.netTarget ?? 'the endpoint');
		return facts.tls.certificate
			? make('tls', ADVICE.tlsCertificate(target, facts.tls.code))
			: make('tls', ADVICE.tlsNotSpoken(target, setting));
	}
	if (facts.netCode || facts.terminated) return classifyNetwork(facts, context);
	if (facts.internal) {
		return make('unknown', ADVICE.unknown(`openclaw could not read the reply from ${url}`));
	}
	if (status === undefined && code) {
		// A mid-stream error event with a code we do not know.
		return make('unknown', ADVICE.unknown(message || code));
	}
	if (status !== undefined) return make('unknown', ADVICE.unknown(message || `HTTP ${status}`));
	return make('unknown', ADVICE.unknown(message || undefined));
}

function htmlDescription(title: string | undefined): string {
	return `looks like an HTML page${title ? ` titled "${title}"` : ''}: a proxy or captive portal?`;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

function classifyNetwork(facts: Facts, context: ErrorContext): ClassifiedError {
	const activity = context.activity ?? 'chat';
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
			return make('network', ADVICE.connectionLost(activity, context.url));
		case 'UND_ERR_INVALID_ARG':
			// Nothing left the machine: a header value (the key) held a character HTTP forbids.
			return make('bad_request', ADVICE.unsendableKey());
		default:
			if (facts.terminated) return make('network', ADVICE.connectionLost(activity, context.url));
			return make('network', ADVICE.networkError(facts.netCode === 'unknown' ? undefined : facts.netCode, context.url));
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

/** JavaScript's own error classes: their messages describe our code, not the service. */
const INTERNAL_ERROR_NAMES = ['TypeError', 'RangeError', 'ReferenceError'];

// What the SDK puts in an APIError's message when the body was empty.
const NO_BODY = /^status code \(no body\)$/i;

function extractFacts(error: unknown): Facts {
	if (typeof error === 'string') return factsFromBody(error) ?? htmlFacts(error) ?? {message: error};
	if (!isBag(error)) return {message: primitiveText(error)};

	// The SDK's classes keep the default `name`, so look at the constructor too.
	const names = [str(error.name), str((error.constructor as {name?: unknown} | undefined)?.name)];
	const ownMessage = str(error.message);

	if (names.includes('APIUserAbortError') || names.includes('AbortError')) return {aborted: true};
	if (names.includes('APIConnectionTimeoutError') || names.includes('TimeoutError')) return {timeout: true};
	// The SDK's "malformed server-sent event JSON", or JSON.parse on a body.
	if (names.includes('SyntaxError')) return {malformed: true};
	if (error.code === 'ERR_INVALID_URL' || (names.includes('TypeError') && ownMessage === 'Invalid URL')) return {invalidUrl: true};

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

	// An APIError whose body was not JSON (e.g. SSE-framed `data: {…}`, an HTML page): the text is in the message.
	if (ownMessage) {
		const text = ownMessage.replace(/^\d{3}\s+/, '');
		const fromText = factsFromBody(text);
		if (fromText) return {...fromText, ...facts, ...pick(fromText)};
		const html = htmlFacts(text);
		if (html) return {...facts, ...html};
		if (NO_BODY.test(text)) return facts;
	}

	const network = networkFacts(error, names);
	if (network) return {...facts, ...network};
	if (names.some(name => name !== undefined && INTERNAL_ERROR_NAMES.includes(name))) return {...facts, internal: true};

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

/** Does `text` look like an HTML page? */
export function looksLikeHtml(text: string): boolean {
	const start = text.trimStart().slice(0, 512).toLowerCase();
	return start.startsWith('<') && /<(!doctype html|html|head|body|title|meta|div|h1|center|p)[\s>]/.test(start);
}

/** The page's title (or first heading) as plain text; never its markup. */
export function htmlTitle(text: string): string | undefined {
	const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
	if (!match?.[1]) return undefined;
	const title = plainText(decodeEntities(match[1].replace(/<[^>]*>/g, ''))).replace(/\s+/g, ' ').trim();
	if (!title) return undefined;
	return title.length > 80 ? `${title.slice(0, 80)}…` : title;
}

function htmlFacts(text: string): Facts | undefined {
	if (!looksLikeHtml(text)) return undefined;
	const title = htmlTitle(text);
	return {html: title ? {title} : {}};
}

function decodeEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&');
}

// TLS failures by OpenSSL/Node code: a peer that speaks no TLS, or a certificate we do not trust.
const TLS_PLAINTEXT_PEER = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|UNKNOWN_PROTOCOL|RECORD_LAYER_FAILURE/;
const TLS_CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO/;

/** Walks the cause chain for a Node/undici network error code. */
function networkFacts(error: Bag, names: Array<string | undefined>): Facts | undefined {
	let current: unknown = error;
	let terminated = false;
	for (let depth = 0; depth < 6 && isBag(current); depth++) {
		const message = str(current.message) ?? '';
		if (message === 'terminated' || /other side closed|socket hang up/i.test(message)) terminated = true;
		const code = str(current.code);
		if (code && (TLS_CERTIFICATE.test(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) {
			const certificate = TLS_CERTIFICATE.test(code) && !TLS_PLAINTEXT_PEER.test(code);
			return {tls: {code, certificate}};
		}
		if (/wrong version number|packet length too long/i.test(message)) return {tls: {code: 'ERR_SSL_WRONG_VERSION_NUMBER', certificate: false}};
		// undici refuses a header value (the key) that HTTP cannot carry.
		if (/invalid header value|is an invalid header/i.test(message)) return {netCode: 'UND_ERR_INVALID_ARG'};
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
