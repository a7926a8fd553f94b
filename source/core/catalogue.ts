/**
 * The one way to ask an endpoint which models a key can use: GET /models,
 * which spends no tokens (the region probe, and through it `models set`,
 * `models status --probe`, the login and `doctor`, ask through here), and the
 * one verdict on whether that list holds a model id.
 */
import {createDashScopeClient} from './dashscope-client.js';
import type {Env} from './env.js';
import {classifyApiError, type ClassifiedError} from './errors.js';
import {CATALOGUE_TIMEOUT_MS} from './request-timeout.js';
import {closestIds, MAX_CLOSEST_IDS} from './resolve-model.js';

export type CatalogueTarget = {
	readonly key: string;
	/** Where requests go (region overrides applied). */
	readonly requestBaseUrl: string;
	/** For messages: the region's label, or the endpoint's host. */
	readonly regionLabel?: string;
};

export type Catalogue = {readonly ok: true; readonly ids: string[]} | {readonly ok: false; readonly problem: ClassifiedError};

/** `env`: where a failure's advice looks up which variable or file set the base URL. */
export async function listModelsAt(target: CatalogueTarget, options: {env: Env; timeoutMs?: number; signal?: AbortSignal}): Promise<Catalogue> {
	const timeoutMs = options.timeoutMs ?? CATALOGUE_TIMEOUT_MS;
	const client = createDashScopeClient({
		apiKey: target.key,
		baseUrl: target.requestBaseUrl,
		timeoutMs,
		maxRetries: 0,
		env: options.env,
		...(target.regionLabel ? {regionLabel: target.regionLabel} : {}),
	});
	try {
		return {ok: true, ids: await client.listModels(options.signal ? {signal: options.signal} : {})};
	} catch (error) {
		return {
			ok: false,
			problem: classifyApiError(error, {...(target.regionLabel ? {regionLabel: target.regionLabel} : {}), timeoutMs, secret: target.key}),
		};
	}
}

/** Whether an endpoint's model list holds an id; 'unchecked' when the list could not be had. */
export type CatalogueVerdict =
	| {readonly kind: 'listed'}
	/** `closest`: listed ids near enough to be what was meant, nearest first. */
	| {readonly kind: 'not-listed'; readonly closest: readonly string[]}
	/** `reason`: why not, for a note ("no answer within 30 s"). */
	| {readonly kind: 'unchecked'; readonly reason: string};

export function catalogueVerdict(id: string, ids: readonly string[]): Exclude<CatalogueVerdict, {kind: 'unchecked'}> {
	if (ids.includes(id)) return {kind: 'listed'};
	// Sorted, so ids equally near come in the same order whatever order the endpoint listed them in.
	return {kind: 'not-listed', closest: closestIds(id, [...ids].sort(), MAX_CLOSEST_IDS, true)};
}

/** The note on an id outside openclaw's registry that the endpoint `where` lists. */
export function listedOutsideRegistry(id: string, where: string): string {
	return `${id} is not in openclaw's registry; ${where} lists it.`;
}
