/**
 * Talks to the service (GET /models only, no tokens spent): does the key work
 * in the configured region, which region does it belong to, is the host
 * reachable, and is the default model served there.
 */
import {catalogueVerdict} from '../catalogue.js';
import {command, ADVICE} from '../messages.js';
import {findModel} from '../models.js';
import {joinRegionLabels, probeSetup, type EndpointProbe} from '../region-probe.js';
import type {Region} from '../regions.js';
import {hostOf} from '../urls.js';
import {ok, problem, warning, type DoctorCheck} from './types.js';
import type {Env} from '../env.js';

export type RegionCheckInput = {
	key: string;
	/** undefined for a custom gateway */
	region?: Region;
	/** Where requests go (env overrides applied). */
	requestBaseUrl: string;
	baseUrl: string;
	configPath: string;
	/** The variable the key comes from (QWEN_API_KEY, DASHSCOPE_API_KEY), when it does: it wins over a saved key. */
	keyVariable?: string;
	env: Env;
	timeoutMs?: number;
};

export type RegionCheckResult = {
	check: DoctorCheck;
	/** The ids GET /models listed for the configured endpoint, when it answered. */
	modelIds?: string[];
	regionLabel?: string;
};

export async function checkRegion(input: RegionCheckInput): Promise<RegionCheckResult> {
	const id = 'region.key';
	const probe = await probeSetup(
		{key: input.key, requestBaseUrl: input.requestBaseUrl, ...(input.region ? {region: input.region} : {})},
		{env: input.env, ...(input.timeoutMs ? {timeoutMs: input.timeoutMs} : {})},
	);
	if (probe.endpoint === 'custom') return customEndpointCheck(input, probe);

	const {region} = probe;
	switch (probe.status) {
		case 'ok': {
			return {
				check: ok(id, `Key accepted by ${region.label}`, `GET /models on ${input.requestBaseUrl} listed ${probe.modelIds.length} models.`),
				modelIds: probe.modelIds,
				regionLabel: region.label,
			};
		}

		case 'wrong_region': {
			const belongs = probe.belongsTo;
			const advice = ADVICE.wrongRegion(belongs, region, {configPath: input.configPath, keyFromEnv: input.keyVariable !== undefined});
			return {
				check: problem(id, `The key belongs to ${belongs.label}, not ${region.label} (${advice.title})`, advice.message, advice.nextStep),
			};
		}

		case 'invalid_key': {
			const advice = ADVICE.invalidKey(region.label, input.keyVariable);
			const unreached = probe.unreachableRegions;
			if (unreached.length === 0) {
				return {
					check: problem(
						id,
						`The key is rejected by every region (${advice.title})`,
						`${probe.error.message} No other region (${joinRegionLabels(probe.refusedBy.slice(1))}) accepts it either, so it is not a region mix-up: the key is expired, deleted or mistyped.`,
						advice.nextStep,
					),
				};
			}

			// Only the regions that answered 401 ruled themselves out; the others may still own the key.
			const unreachedLabels = joinRegionLabels(unreached.map(entry => entry.region));
			return {
				check: problem(
					id,
					`The key is rejected by ${region.label}; ${unreachedLabels} could not be reached to tell whether it belongs there`,
					`${probe.error.message} ${joinRegionLabels(probe.refusedBy)} answered 401 Unauthorized; ${unreachedLabels} did not answer (${unreached[0]!.error.title}), so a region mix-up is not ruled out.`,
					`Run \`${command('doctor')}\` again once ${unreachedLabels} can be reached. If every region then refuses the key: ${advice.nextStep}`,
				),
			};
		}

		case 'unreachable': {
			const error = probe.error;
			return {
				check: problem(id, `Cannot reach ${region.label} (${hostOf(input.requestBaseUrl)}): ${error.title}`, error.message, error.nextStep),
			};
		}
	}
}

/** A custom gateway is no DashScope region: its own answer, without the other-regions search. */
function customEndpointCheck(input: RegionCheckInput, probe: EndpointProbe): RegionCheckResult {
	const id = 'region.key';
	const {host} = probe;
	if (probe.status === 'ok') {
		return {
			check: ok(id, `Key accepted by ${host}`, `Custom endpoint ${input.baseUrl} (not a known DashScope region) listed ${probe.modelIds.length} models.`),
			modelIds: probe.modelIds,
			regionLabel: host,
		};
	}
	const {error} = probe;
	const unreachable = error.kind === 'network' || error.kind === 'timeout';
	const nextStep = error.kind === 'invalid_key' && input.keyVariable ? ADVICE.invalidKey(undefined, input.keyVariable).nextStep : error.nextStep;
	return {
		check: problem(
			id,
			unreachable ? `Cannot reach ${host}: ${error.title}` : `${host}: ${error.title}`,
			`${error.message} (custom endpoint ${input.baseUrl}, not a known DashScope region)`,
			nextStep,
		),
	};
}

/** Is the default model in the region's GET /models list? Retired ones name their replacement. */
export function checkModelAvailable(modelId: string, modelIds: readonly string[], regionLabel = 'this endpoint'): DoctorCheck {
	const id = 'model.available';
	const model = findModel(modelId);
	const retired = model?.status.state === 'retired' ? model.status : undefined;
	const verdict = catalogueVerdict(modelId, modelIds);
	const listed = verdict.kind === 'listed';
	if (listed && !retired) return ok(id, `${modelId} is served by ${regionLabel}`);
	if (listed && retired) {
		return warning(
			id,
			`${modelId} is still listed by ${regionLabel} but retired (${retired.date})`,
			`Alibaba retired ${modelId} on ${retired.date}; requests may start failing at any time.`,
			`Run \`${command(`models set ${retired.replacement}`)}\`.`,
		);
	}

	if (retired) {
		return problem(
			id,
			`${modelId} was retired on ${retired.date} and is gone from ${regionLabel}`,
			`GET /models no longer lists ${modelId}; chat requests get "model not found". Its replacement is ${retired.replacement}.`,
			`Run \`${command(`models set ${retired.replacement}`)}\`.`,
		);
	}

	const advice = ADVICE.modelNotFound(modelId, regionLabel);
	const near = verdict.kind === 'not-listed' ? verdict.closest : [];
	return problem(
		id,
		`${modelId} is not served by ${regionLabel} (${advice.title})`,
		`${advice.message}${near.length > 0 ? ` Listed ids that look close: ${near.join(', ')}.` : ''}`,
		advice.nextStep,
	);
}
