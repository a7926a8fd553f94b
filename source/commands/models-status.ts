/**
 * `openclaw models status`: what key, region, endpoint and model are in
 * effect right now, and optionally whether the key works.
 */
import {maskKey} from '../core/api-key.js';
import {OAUTH_PROFILE_ID} from '../core/auth-profiles.js';
import {loadEffectiveSetup, modelInEffect, type EffectiveSetup} from '../core/credentials.js';
import {command, ADVICE} from '../core/messages.js';
import type {KeyProbe} from '../core/region-probe.js';
import {resolveModel} from '../core/resolve-model.js';
import type {CommandContext} from '../cli/context.js';
import {noCredentialLines} from '../cli/hints.js';
import {unusableKeyError} from '../cli/key-check.js';
import {isOAuthActive, portalDiscontinuedLine, switchToApiKeyLine} from '../cli/oauth-active.js';
import {formatTable} from '../cli/text-table.js';
import {describeStore} from '../core/openclaw/key-store.js';
import {describeLayout} from '../core/openclaw/state-layout.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';

type ProbeReport = {
	status: KeyProbe['status'] | 'no_credential';
	ok: boolean;
	lines: string[];
	json: Record<string, unknown>;
};

/** What status shows about a Qwen OAuth login in effect. */
type OAuthDetails = {
	profileId: string;
	/** ms epoch; undefined when the profile has no readable expiry. */
	expires?: number;
	expiry: string;
	portalBaseUrl: string;
};

export async function runModelsStatus(context: CommandContext, options: {json?: boolean; probe?: boolean}): Promise<number> {
	const setup = loadEffectiveSetup(context.env);
	const oauth = await oauthDetails(setup);
	const probe = options.probe ? await probeSetup(context, setup) : undefined;
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

/** The OAuth login's details, when one is in effect. */
export async function oauthDetails(setup: EffectiveSetup): Promise<OAuthDetails | undefined> {
	if (!isOAuthActive(setup)) return undefined;
	const {formatOAuthExpiry, readOAuthProfile} = await import('../core/oauth/index.js');
	const profile = readOAuthProfile(setup.paths);
	const source = setup.credential?.source;
	return {
		profileId: source?.kind === 'profile' ? source.id : OAUTH_PROFILE_ID,
		...(profile ? {expires: profile.expires} : {}),
		expiry: profile ? formatOAuthExpiry(profile.expires) : 'unknown (no expiry in the profile)',
		portalBaseUrl: setup.baseUrl,
	};
}

function defaultModelInfo(setup: EffectiveSetup): {id: string; configured: boolean; notes: string[]} {
	const portal = isOAuthActive(setup);
	if (!setup.defaultModel) return {id: modelInEffect(setup), configured: false, notes: []};

	const resolution = resolveModel(setup.defaultModel, {provider: portal ? 'portal' : 'dashscope'});
	return {
		id: setup.defaultModel,
		configured: true,
		notes: resolution.ok ? resolution.notes : [resolution.message],
	};
}

function statusJson(setup: EffectiveSetup, oauth: OAuthDetails | undefined) {
	const model = defaultModelInfo(setup);
	return {
		credential: setup.credential
			? {
					source: setup.credential.source,
					sourceLabel: setup.credential.sourceLabel,
					type: setup.credential.profileType ?? 'api_key',
					// An OAuth access token is no DashScope key; not even its tail is shown.
					maskedKey: oauth ? null : maskKey(setup.credential.key),
				}
			: null,
		oauth: oauth
			? {
					provider: 'Qwen OAuth',
					profileId: oauth.profileId,
					expires: oauth.expires === undefined ? null : new Date(oauth.expires).toISOString(),
					expiry: oauth.expiry,
					portalBaseUrl: oauth.portalBaseUrl,
					freeTierDiscontinued: ADVICE.portalDiscontinued(),
				}
			: null,
		region: setup.region ? {id: setup.region.id, label: setup.region.label} : null,
		baseUrl: setup.baseUrl,
		baseUrlConfigured: setup.baseUrlConfigured,
		requestBaseUrl: setup.requestBaseUrl,
		defaultModel: model.id,
		defaultModelConfigured: model.configured,
		defaultModelNotes: model.notes,
		configPath: setup.paths.configPath,
		configExists: setup.configExists,
		authProfilesPath: setup.paths.authProfilesPath,
		state: {
			layout: setup.layout.kind,
			description: describeLayout(setup.layout),
			markers: setup.layout.markers,
			needsMigration: setup.layout.legacyFiles,
		},
		keyStore: setup.credential?.source.kind === 'profile' ? {kind: setup.credential.source.store.kind, file: setup.credential.source.store.file} : null,
		warnings: setup.warnings.map(warning => warning.text),
	};
}

export function printStatus(context: CommandContext, setup: EffectiveSetup, oauth: OAuthDetails | undefined): void {
	const {out} = context;
	const model = defaultModelInfo(setup);
	const rows: string[][] = [];
	if (oauth) {
		rows.push(['Sign-in', `Qwen OAuth  from ${setup.credential?.sourceLabel ?? `profile ${oauth.profileId}`}`]);
		rows.push(['Token', oauth.expiry]);
		rows.push(['Portal URL', oauth.portalBaseUrl]);
	} else {
		if (setup.credential) {
			rows.push(['Key', `${maskKey(setup.credential.key)}  from ${setup.credential.sourceLabel}`]);
		} else {
			rows.push(['Key', out.yellow('none found')]);
		}

		rows.push(['Region', setup.region ? `${setup.region.label} (${setup.region.id})` : 'custom endpoint (not a known DashScope region)']);
		rows.push([
			'Base URL',
			setup.baseUrl + (setup.baseUrlConfigured ? '' : out.dim('  (default; no baseUrl in openclaw.json)')),
		]);
	}

	if (setup.requestBaseUrl !== setup.baseUrl) {
		const variable = setup.region?.baseUrlEnv;
		rows.push(['Requests to', setup.requestBaseUrl + (variable ? out.dim(`  (overridden by ${variable})`) : '')]);
	}

	rows.push([
		'Default model',
		model.id + (model.configured ? '' : out.dim('  (not set; the recommended model is used)')),
	]);
	rows.push(['Config', setup.paths.configPath + (setup.configExists ? '' : out.dim('  (does not exist yet)'))]);
	rows.push(['State', describeLayout(setup.layout)]);
	const source = setup.credential?.source;
	if (source?.kind === 'profile') rows.push(['Stored in', describeStore(source.store, setup.paths)]);
	for (const line of formatTable(rows)) context.print(line);

	if (setup.layout.legacyFiles.length > 0) {
		context.print(out.yellow(`note: OpenClaw 2026.9 will not run until it migrates ${setup.layout.legacyFiles.join(', ')}: run \`openclaw doctor --fix --non-interactive\` with OpenClaw.`));
	}
	for (const note of model.notes) context.print(out.yellow(`note: ${note}`));
	for (const warning of setup.warnings) context.print(out.yellow(`warning: ${warning.text}`));
	if (oauth) {
		context.print();
		context.print(out.yellow(portalDiscontinuedLine()));
		context.print(switchToApiKeyLine());
	}

	if (!setup.credential) {
		context.print();
		for (const line of noCredentialLines()) context.print(line);
	}
}

async function probeSetup(context: CommandContext, setup: EffectiveSetup): Promise<ProbeReport> {
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

	const key = setup.credential.key;
	const timeoutMs = requestTimeoutFromEnv(context.env);
	if (!setup.region) {
		// A custom gateway is not a region we can compare against: just ask it.
		const {listModelsAt} = await import('../core/catalogue.js');
		const catalogue = await listModelsAt({key, requestBaseUrl: setup.requestBaseUrl}, timeoutMs ? {timeoutMs} : {});
		if (catalogue.ok) {
			return {
				status: 'ok',
				ok: true,
				lines: [out.green(`Probe: ok, ${setup.requestBaseUrl} accepted the key (${catalogue.ids.length} models).`)],
				json: {status: 'ok', modelCount: catalogue.ids.length},
			};
		}
		const {problem} = catalogue;
		const status = problem.kind === 'invalid_key' ? 'invalid_key' : 'unreachable';
		return {
			status,
			ok: false,
			lines: [out.red(`Probe: ${problem.title}`), problem.message, `Next step: ${problem.nextStep}`],
			json: {status, error: problem},
		};
	}

	const {probeKey} = await import('../core/region-probe.js');
	const result = await probeKey(key, setup.region.id, {env: context.env, ...(timeoutMs ? {timeoutMs} : {})});
	return describeProbe(context, setup, result);
}

function describeProbe(context: CommandContext, setup: EffectiveSetup, result: KeyProbe): ProbeReport {
	const {out} = context;
	switch (result.status) {
		case 'ok': {
			const model = defaultModelInfo(setup);
			const lines = [out.green(`Probe: ok, the key works in ${result.region.label} (${result.modelIds.length} models available).`)];
			if (!result.modelIds.includes(model.id)) {
				lines.push(out.yellow(`note: ${model.id} is not in this region's model list; pick another with: ${command('models set <id>')}`));
			}

			return {
				status: 'ok',
				ok: true,
				lines,
				json: {status: 'ok', region: result.region.id, modelCount: result.modelIds.length, defaultModelAvailable: result.modelIds.includes(model.id)},
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
			const {error} = result;
			return {
				status: result.status,
				ok: false,
				lines: [
					out.red(`Probe: ${error.title}`),
					error.message,
					`Next step: ${error.nextStep}`,
				],
				json: {status: result.status, region: result.region.id, error: {kind: error.kind, title: error.title, message: error.message, nextStep: error.nextStep}},
			};
		}
	}
}
