/**
 * `openclaw models status`: what key, region, endpoint and model are in
 * effect right now, and optionally whether the key works.
 */
import {loadEffectiveSetup, type EffectiveSetup} from '../core/credentials.js';
import {keyVariableOf} from '../core/key-sources.js';
import {command, ADVICE} from '../core/messages.js';
import type {SetupProbe} from '../core/region-probe.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';
import type {CommandContext} from '../cli/context.js';
import {unusableKeyError} from '../cli/key-check.js';
import {defaultModelInfo, oauthDetails, printStatus, statusJson} from '../cli/setup-report.js';

type ProbeReport = {
	status: SetupProbe['status'] | 'no_credential';
	ok: boolean;
	lines: string[];
	json: Record<string, unknown>;
};

export async function runModelsStatus(context: CommandContext, options: {json?: boolean; probe?: boolean}): Promise<number> {
	const setup = loadEffectiveSetup(context.env);
	const oauth = await oauthDetails(setup, context.env);
	const probe = options.probe ? await probeReport(context, setup) : undefined;
	if (options.json) {
		context.print(JSON.stringify({...statusJson(setup, oauth), ...(probe ? {probe: probe.json} : {})}, null, 2));
	} else {
		printStatus(context, setup, oauth);
		if (probe) {
			context.print();
			for (const line of probe.lines) context.print(line);
		}
	}

	return probe && !probe.ok ? 1 : 0;
}

async function probeReport(context: CommandContext, setup: EffectiveSetup): Promise<ProbeReport> {
	const {out} = context;
	if (!setup.credential) {
		return {
			status: 'no_credential',
			ok: false,
			lines: [out.red('Probe: no key to check.')],
			json: {status: 'no_credential'},
		};
	}

	const unusable = unusableKeyError(setup.credential);
	if (unusable) {
		return {
			status: 'invalid_key',
			ok: false,
			lines: [out.red(`Probe: not sent. ${unusable.message}`), ...unusable.details.slice(1)],
			json: {status: 'invalid_key', error: {kind: 'invalid_key', title: 'Malformed key', message: unusable.message}},
		};
	}

	const timeoutMs = requestTimeoutFromEnv(context.env);
	const {probeSetup} = await import('../core/region-probe.js');
	const result = await probeSetup({key: setup.credential.key, requestBaseUrl: setup.requestBaseUrl, ...(setup.region ? {region: setup.region} : {})}, {env: context.env, ...(timeoutMs ? {timeoutMs} : {})});
	return describeProbe(context, setup, result);
}

function describeProbe(context: CommandContext, setup: EffectiveSetup, result: SetupProbe): ProbeReport {
	const {out} = context;
	// A region in JSON by its id; a custom endpoint has none.
	const region = result.endpoint === 'region' ? {region: result.region.id} : {};
	switch (result.status) {
		case 'ok': {
			const model = defaultModelInfo(setup);
			const listed = result.modelIds.includes(model.id);
			const where = result.endpoint === 'region' ? `the key works in ${result.region.label}` : `${setup.requestBaseUrl} accepted the key`;
			const lines = [out.green(`Probe: ok, ${where} (${result.modelIds.length} models available).`)];
			if (!listed) {
				const list = result.endpoint === 'region' ? "this region's model list" : "this endpoint's model list";
				lines.push(out.yellow(`note: ${model.id} is not in ${list}; pick another with: ${command('models set <id>')}`));
			}

			return {
				status: 'ok',
				ok: true,
				lines,
				json: {status: 'ok', ...region, modelCount: result.modelIds.length, defaultModelAvailable: listed},
			};
		}

		case 'wrong_region': {
			const right = result.belongsTo;
			const advice = ADVICE.wrongRegion(right, result.region, {
				configPath: setup.paths.configPath,
				keyFromEnv: setup.credential?.source.kind === 'env',
			});
			return {
				status: 'wrong_region',
				ok: false,
				lines: [
					out.red(`Probe: wrong region. This key belongs to ${right.label} (${right.id}), not ${result.region.label}.`),
					advice.message,
					`Next step: ${advice.nextStep}`,
				],
				json: {status: 'wrong_region', region: result.region.id, belongsTo: right.id, baseUrl: right.baseUrl},
			};
		}

		case 'invalid_key':
		case 'unreachable': {
			const keyVariable = keyVariableOf(setup.credential);
			const error = result.status === 'invalid_key' && keyVariable ? {...result.error, nextStep: ADVICE.invalidKey(undefined, keyVariable).nextStep} : result.error;
			return {
				status: result.status,
				ok: false,
				lines: [
					out.red(`Probe: ${error.title}`),
					error.message,
					`Next step: ${error.nextStep}`,
				],
				json: {status: result.status, ...region, error: {kind: error.kind, title: error.title, message: error.message, nextStep: error.nextStep}},
			};
		}
	}
}
