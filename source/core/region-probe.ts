/**
 * Which region does a key belong to? Keys are bound to the region that issued
 * them and a wrong-region key gets the same 401 as a bad one, so on a 401 we ask
 * the other regions (in parallel) and name the one that accepts it. Shared by the
 * wizard, `models status --probe` and `doctor`. GET /models costs no tokens.
 */
import {createDashScopeClient} from './dashscope-client.js';
import {DashScopeError, classifyApiError, toDashScopeError} from './errors.js';
import type {ClassifiedError} from './errors.js';
import {REGIONS, effectiveBaseUrl, getRegion} from './regions.js';
import type {Region, RegionId} from './regions.js';

type Env = Record<string, string | undefined>;

export type KeyProbe =
	| {status: 'ok'; region: Region; modelIds: string[]}
	/** `error` (beyond the contract) carries the ready-made wrong-region advice. */
	| {status: 'wrong_region'; region: Region; belongsTo: Region; modelIds: string[]; error: ClassifiedError}
	| {status: 'invalid_key'; region: Region; error: ClassifiedError}
	| {status: 'unreachable'; region: Region; error: ClassifiedError};

export type ProbeOptions = {
	env?: Env;
	signal?: AbortSignal;
	/** Per request; default 8000. */
	timeoutMs?: number;
};

export const DEFAULT_PROBE_TIMEOUT_MS = 8000;

/**
 * Probes `key` against `regionId`. Throws a DashScopeError of kind 'aborted'
 * when `signal` aborts; every other outcome is a KeyProbe.
 */
export async function probeKey(key: string, regionId: RegionId, options: ProbeOptions = {}): Promise<KeyProbe> {
	const {env = process.env, signal} = options;
	const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
	const region = getRegion(regionId);

	let firstError: unknown;
	try {
		const modelIds = await listModelsIn(region, key, env, timeoutMs, signal);
		return {status: 'ok', region, modelIds};
	} catch (error) {
		firstError = error;
	}

	const classified = classifyApiError(firstError, {regionLabel: region.label, timeoutMs});
	if (classified.kind === 'aborted') throw toDashScopeError(firstError);
	if (classified.kind !== 'invalid_key') return {status: 'unreachable', region, error: classified};

	const found = await findAcceptingRegion(key, region, env, timeoutMs, signal);
	if (signal?.aborted) throw new DashScopeError(classifyApiError({name: 'AbortError'}));
	if (found) {
		const error = classifyApiError(firstError, {regionLabel: region.label, keyRegion: found.region.id});
		return {status: 'wrong_region', region, belongsTo: found.region, modelIds: found.modelIds, error};
	}
	return {status: 'invalid_key', region, error: classified};
}

function listModelsIn(
	region: Region,
	key: string,
	env: Env,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<string[]> {
	const client = createDashScopeClient({
		apiKey: key,
		baseUrl: effectiveBaseUrl(region, env),
		timeoutMs,
		maxRetries: 0,
		regionLabel: region.label,
	});
	return signal ? client.listModels({signal}) : client.listModels();
}

/** Asks every other region at once; resolves with the first that accepts, cancelling the rest. */
async function findAcceptingRegion(
	key: string,
	asked: Region,
	env: Env,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<{region: Region; modelIds: string[]} | undefined> {
	const others = REGIONS.filter(region => region.id !== asked.id);
	const controller = new AbortController();
	const onAbort = () => controller.abort();
	signal?.addEventListener('abort', onAbort, {once: true});
	try {
		return await Promise.any(
			others.map(async region => ({
				region,
				modelIds: await listModelsIn(region, key, env, timeoutMs, controller.signal),
			})),
		);
	} catch {
		return undefined;
	} finally {
		signal?.removeEventListener('abort', onAbort);
		controller.abort();
	}
}
