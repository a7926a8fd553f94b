/**
 * What to tell the user when DashScope rejects a key. A 401 from the configured
 * region may only mean the key was issued by another region, so before calling
 * it invalid the other regions are asked; the one that accepts it turns the
 * error into the wrong-region advice with the concrete fix.
 * Used by `openclaw chat` and the chat pane.
 */
import type {Env} from './env.js';
import {classifyApiError, type ClassifiedError} from './errors.js';
import {ADVICE, unreachedRegionsNote} from './messages.js';
import {joinRegionLabels, probeKey} from './region-probe.js';
import type {Region} from './regions.js';

export type RejectedKeyContext = {
	/** The key the request used (never shown; scrubbed from any text). */
	key: string;
	/** The region the request went to; undefined for a custom gateway, which is not probed. */
	region?: Region;
	/** An OAuth token is no DashScope key: never probed. */
	oauth?: boolean;
	/** The variable the key came from (QWEN_API_KEY, DASHSCOPE_API_KEY): an invalid key's advice names it, since a new login would not replace it. */
	keyVariable?: string;
	/** For a model-not-found or text-only message when `error` is not classified yet. */
	model?: string;
	env: Env;
	/** Per probe request; the probe's default when undefined. */
	timeoutMs?: number;
	signal?: AbortSignal;
};

/** Classifies `error`; an invalid key that another region accepts comes back as 'wrong_region'. */
export async function explainRejectedKey(error: unknown, context: RejectedKeyContext): Promise<ClassifiedError> {
	const {key, region} = context;
	const classified = classifyApiError(error, {
		...(region ? {regionLabel: region.label} : {}),
		...(context.model ? {model: context.model} : {}),
		secret: key,
	});
	if (classified.kind !== 'invalid_key') return classified;
	const invalid = context.keyVariable ? {...classified, nextStep: ADVICE.invalidKey(region?.label, context.keyVariable).nextStep} : classified;
	if (!region || context.oauth) return invalid;

	// The region just refused the key: only the others are asked.
	const probe = await probeKey(key, region.id, {
		answerFromAskedRegion: error,
		env: context.env,
		...(context.timeoutMs ? {timeoutMs: context.timeoutMs} : {}),
		...(context.signal ? {signal: context.signal} : {}),
	}).catch(() => undefined);
	// Stopped by the user: what the asked region said is all that is known.
	if (context.signal?.aborted) return invalid;
	if (probe?.status === 'invalid_key' && probe.unreachableRegions.length > 0) {
		// Not "invalid" for sure: a region that did not answer may be the key's own.
		const unreached = joinRegionLabels(probe.unreachableRegions.map(entry => entry.region));
		return {...invalid, message: `${invalid.message} ${unreachedRegionsNote(unreached)}`};
	}

	if (probe?.status !== 'wrong_region') return invalid;
	const {kind, title, message, nextStep} = probe.error;
	return {...classified, kind, title, message, nextStep};
}
