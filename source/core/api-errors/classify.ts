/**
 * From the facts of a failure to its kind and advice: which of DashScope's
 * answers, network failures and foreign replies it is, and what to do next.
 */
import type {ApiErrorKind, ClassifiedError, ErrorContext} from '../errors.js';
import {ADVICE, UNKNOWN_BASE_URL_SETTING} from '../messages.js';
import type {Advice} from '../messages.js';
import {getRegion} from '../regions.js';
import {hostOf} from '../urls.js';
import type {Facts} from './facts.js';
import {htmlDescription} from './reply-body.js';
import {programName} from '../program-name.js';

function make(kind: ApiErrorKind, advice: Advice): ClassifiedError {
	return {kind, title: advice.title, message: advice.message, nextStep: advice.nextStep};
}

/** Longest piece of service text a message quotes. */
const MAX_SERVICE_TEXT = 300;

function clip(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > MAX_SERVICE_TEXT ? `${oneLine.slice(0, MAX_SERVICE_TEXT)}…` : oneLine;
}

export function classifyFacts(facts: Facts, context: ErrorContext): ClassifiedError {
	const {status, code = ''} = facts;
	const message = facts.message ? clip(facts.message) : '';
	const type = facts.type ?? '';
	const lower = message.toLowerCase();
	const activity = context.activity ?? 'chat';
	const url = context.url ?? 'the endpoint';
	const setting = context.baseUrlSetting ?? UNKNOWN_BASE_URL_SETTING;

	if (facts.aborted) return make('aborted', ADVICE.aborted(activity));
	if (facts.timeout) {
		const seconds = context.timeoutMs ? Math.round(context.timeoutMs / 100) / 10 : undefined;
		return make('timeout', ADVICE.timeout(context.regionLabel, seconds));
	}
	if (facts.invalidUrl) return make('bad_base_url', ADVICE.badBaseUrl(context.baseUrlSetting ?? 'The base URL', url, false));
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
		return make('unknown', ADVICE.unknown(`${programName()} could not read the reply from ${url}`));
	}
	if (status === undefined && code) {
		// A mid-stream error event with a code we do not know.
		return make('unknown', ADVICE.unknown(message || code));
	}
	if (status !== undefined) return make('unknown', ADVICE.unknown(message || `HTTP ${status}`));
	return make('unknown', ADVICE.unknown(message || undefined));
}

function classifyNetwork(facts: Facts, context: ErrorContext): ClassifiedError {
	const activity = context.activity ?? 'chat';
	switch (facts.netCode) {
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
		case 'EAI_NONAME':
			return make('network', ADVICE.hostNotFound(facts.netTarget, context.baseUrlSetting ?? UNKNOWN_BASE_URL_SETTING));
		case 'ECONNREFUSED':
			return make('network', ADVICE.connectionRefused(facts.netTarget, context.baseUrlSetting ?? UNKNOWN_BASE_URL_SETTING));
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
