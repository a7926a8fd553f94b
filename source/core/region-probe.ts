/**
 * Which region does a key belong to? Keys are bound to the region that issued
 * them and a wrong-region key gets the same 401 as a bad one, so on a 401 we ask
 * the other regions (in parallel) and name the one that accepts it. A custom
 * endpoint (a gateway, a proxy) is no region: it is asked alone. Shared by the
 * wizard, the login, `models set`, `models status --probe` and `doctor`.
 * GET /models costs no tokens.
 */
import {listModelsAt} from './catalogue.js';
import {CATALOGUE_TIMEOUT_MS} from './request-timeout.js';
import {DashScopeError, classifyApiError, toDashScopeError} from './errors.js';
import type {ClassifiedError} from './errors.js';
import {REGIONS, effectiveBaseUrl, getRegion} from './regions.js';
import type {Region, RegionId} from './regions.js';
import type {Env} from './env.js';
import {hostOf} from './urls.js';

export type KeyProbe =
	| {status: 'ok'; region: Region; modelIds: string[]}
	/** `error` (beyond the contract) carries the ready-made wrong-region advice. */
	| {status: 'wrong_region'; region: Region; belongsTo: Region; modelIds: string[]; error: ClassifiedError}
	/**
	 * The asked region refused the key and no other accepted it. `refusedBy`:
	 * every region that answered 401 (the asked one first); `unreachableRegions`:
	 * those that could not tell (timeout, network, server error), where the key
	 * may still belong.
	 */
	| {status: 'invalid_key'; region: Region; error: ClassifiedError; refusedBy: Region[]; unreachableRegions: UnreachableRegion[]}
	| {status: 'unreachable'; region: Region; error: ClassifiedError};

export type UnreachableRegion = {region: Region; error: ClassifiedError};

/** Where a setup's requests go (overrides applied), and its region unless that is a custom endpoint. */
export type ProbeTarget = {readonly key: string; readonly requestBaseUrl: string; readonly region?: Region};

/** A custom endpoint's own answer; `host` names it in messages. */
export type EndpointProbe = {readonly host: string} & (
	| {readonly status: 'ok'; readonly modelIds: string[]}
	| {readonly status: 'invalid_key' | 'unreachable'; readonly error: ClassifiedError}
);

/** What a setup's endpoint said about its key: a region's probe, or a custom endpoint's answer. */
export type SetupProbe = ({readonly endpoint: 'region'} & KeyProbe) | ({readonly endpoint: 'custom'} & EndpointProbe);

export type ProbeOptions = {
	env: Env;
	signal?: AbortSignal;
	/** Per request; default CATALOGUE_TIMEOUT_MS. */
	timeoutMs?: number;
	/**
	 * What the asked region already answered (the error of a request just made
	 * with this key there): it is not asked again, only the other regions are.
	 */
	answerFromAskedRegion?: unknown;
};

/**
 * Probes `key` against `regionId`. Throws a DashScopeError of kind 'aborted'
 * when `signal` aborts; every other outcome is a KeyProbe.
 */
export async function probeKey(key: string, regionId: RegionId, options: ProbeOptions): Promise<KeyProbe> {
	const {env, signal} = options;
	const timeoutMs = options.timeoutMs ?? CATALOGUE_TIMEOUT_MS;
	const region = getRegion(regionId);

	let firstError: unknown = options.answerFromAskedRegion;
	if (firstError === undefined) {
		try {
			const modelIds = await listModelsIn(region, key, env, timeoutMs, signal);
			return {status: 'ok', region, modelIds};
		} catch (error) {
			firstError = error;
		}
	}

	const classified = classifyApiError(firstError, {regionLabel: region.label, timeoutMs, secret: key});
	if (classified.kind === 'aborted') throw toDashScopeError(firstError);
	if (classified.kind !== 'invalid_key') return {status: 'unreachable', region, error: classified};

	const others = await askOtherRegions(key, region, env, timeoutMs, signal);
	if (signal?.aborted) throw new DashScopeError(classifyApiError({name: 'AbortError'}));
	if (others.accepted) {
		const {accepted} = others;
		const error = classifyApiError(firstError, {regionLabel: region.label, keyRegion: accepted.region.id, secret: key});
		return {status: 'wrong_region', region, belongsTo: accepted.region, modelIds: accepted.modelIds, error};
	}
	return {
		status: 'invalid_key',
		region,
		error: classified,
		refusedBy: [region, ...others.refusedBy],
		unreachableRegions: others.unreachableRegions,
	};
}

/**
 * Probes the key where `target`'s requests go: a region as probeKey does, a
 * custom endpoint with one GET /models. Throws a DashScopeError of kind
 * 'aborted' when `signal` aborts.
 */
export async function probeSetup(target: ProbeTarget, options: ProbeOptions): Promise<SetupProbe> {
	if (target.region) return {endpoint: 'region', ...(await probeKey(target.key, target.region.id, options))};
	const host = hostOf(target.requestBaseUrl);
	const {signal} = options;
	const catalogue = await listModelsAt(
		{key: target.key, requestBaseUrl: target.requestBaseUrl},
		{env: options.env, ...(options.timeoutMs ? {timeoutMs: options.timeoutMs} : {}), ...(signal ? {signal} : {})},
	);
	if (catalogue.ok) return {endpoint: 'custom', host, status: 'ok', modelIds: catalogue.ids};
	const {problem} = catalogue;
	if (problem.kind === 'aborted') throw new DashScopeError(problem);
	return {endpoint: 'custom', host, status: problem.kind === 'invalid_key' ? 'invalid_key' : 'unreachable', error: problem};
}

/** Region labels as prose: 'A', 'A and B', 'A, B and C'. */
export function joinRegionLabels(regions: readonly Region[]): string {
	const labels = regions.map(region => region.label);
	return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

async function listModelsIn(
	region: Region,
	key: string,
	env: Env,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<string[]> {
	const catalogue = await listModelsAt({key, requestBaseUrl: effectiveBaseUrl(region, env), regionLabel: region.label}, {env, timeoutMs, ...(signal ? {signal} : {})});
	if (catalogue.ok) return catalogue.ids;
	throw new DashScopeError(catalogue.problem);
}

type OtherRegions = {
	accepted?: {region: Region; modelIds: string[]};
	refusedBy: Region[];
	unreachableRegions: UnreachableRegion[];
};

/**
 * Asks every other region at once; the first that accepts wins and the rest
 * are cancelled. Otherwise tells the regions that refused the key (401) from
 * those that gave no answer, so a timeout is never taken for a refusal.
 */
async function askOtherRegions(
	key: string,
	asked: Region,
	env: Env,
	timeoutMs: number,
	signal: AbortSignal | undefined,
): Promise<OtherRegions> {
	const others = REGIONS.filter(region => region.id !== asked.id);
	const controller = new AbortController();
	const onAbort = () => controller.abort();
	signal?.addEventListener('abort', onAbort, {once: true});
	const failures = new Map<Region, ClassifiedError>();
	try {
		const accepted = await Promise.any(
			others.map(async region => {
				try {
					return {region, modelIds: await listModelsIn(region, key, env, timeoutMs, controller.signal)};
				} catch (error) {
					failures.set(region, classifyApiError(error, {regionLabel: region.label, timeoutMs, secret: key}));
					throw error;
				}
			}),
		);
		return {accepted, refusedBy: [], unreachableRegions: []};
	} catch {
		// Kept in REGIONS order, whatever order the answers came in.
		const answered = others.map(region => ({region, error: failures.get(region)!}));
		return {
			refusedBy: answered.filter(entry => entry.error.kind === 'invalid_key').map(entry => entry.region),
			unreachableRegions: answered.filter(entry => entry.error.kind !== 'invalid_key'),
		};
	} finally {
		signal?.removeEventListener('abort', onAbort);
		controller.abort();
	}
}
