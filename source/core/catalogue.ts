/**
 * The one way to ask an endpoint which models a key can use: GET /models,
 * which spends no tokens. `models set`, `models status --probe`, `doctor`,
 * the region probe and the chat pane's /model all ask through here.
 */
import {createDashScopeClient} from './dashscope-client.js';
import {classifyApiError, type ClassifiedError} from './errors.js';

export type CatalogueTarget = {
	readonly key: string;
	/** Where requests go (region overrides applied). */
	readonly requestBaseUrl: string;
	/** For messages: the region's label, or the endpoint's host. */
	readonly regionLabel?: string;
};

export type Catalogue = {readonly ok: true; readonly ids: string[]} | {readonly ok: false; readonly problem: ClassifiedError};

/** The default wait for a catalogue: short, since nothing but a list is waited for. */
export const CATALOGUE_TIMEOUT_MS = 8000;

export async function listModelsAt(target: CatalogueTarget, options: {timeoutMs?: number; signal?: AbortSignal} = {}): Promise<Catalogue> {
	const timeoutMs = options.timeoutMs ?? CATALOGUE_TIMEOUT_MS;
	const client = createDashScopeClient({
		apiKey: target.key,
		baseUrl: target.requestBaseUrl,
		timeoutMs,
		maxRetries: 0,
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
