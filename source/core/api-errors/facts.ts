/**
 * The facts an error carries, wherever it came from. Duck-typed so it works
 * for the openai SDK's classes, fetch errors, plain objects and raw bodies
 * alike.
 */
import {htmlPage} from './reply-body.js';

export type Facts = {
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

type Bag = Record<string, unknown>;

/** Any object, arrays and Error instances included: whatever may carry fields. */
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

export function extractFacts(error: unknown): Facts {
	if (typeof error === 'string') {
		const fromBody = factsFromBody(error);
		if (fromBody) return fromBody;
		const html = htmlPage(error);
		return html ? {html} : {message: error};
	}
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
		const html = htmlPage(text);
		if (html) return {...facts, html};
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
