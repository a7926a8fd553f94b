/**
 * The setup in effect, as `models status` and `restart` show it: the key or
 * sign-in, region, endpoint, default model, config and where the key is
 * stored, as a table or as JSON.
 */
import {maskKey} from '../core/api-key.js';
import {OAUTH_PROFILE_ID} from '../core/auth-profiles.js';
import {modelInEffect, type EffectiveSetup} from '../core/credentials.js';
import type {Env} from '../core/env.js';
import {ADVICE} from '../core/messages.js';
import {describeStore} from '../core/openclaw/key-store.js';
import {describeLayout} from '../core/openclaw/state-layout.js';
import {resolveModel} from '../core/resolve-model.js';
import type {CommandContext} from './context.js';
import {noCredentialLines} from './hints.js';
import {isOAuthActive, portalDiscontinuedLine, switchToApiKeyLine} from './oauth-active.js';
import {formatDefinitions} from './text-table.js';
import {terminalWidth} from './terminal-width.js';
import {wrapWords} from '../core/text/wrap.js';

/** What status shows about a Qwen OAuth login in effect. */
export type OAuthDetails = {
	profileId: string;
	/** ms epoch; undefined when the profile has no readable expiry. */
	expires?: number;
	expiry: string;
	portalBaseUrl: string;
};

/** The OAuth login's details, when one is in effect. */
export async function oauthDetails(setup: EffectiveSetup, env: Env): Promise<OAuthDetails | undefined> {
	if (!isOAuthActive(setup)) return undefined;
	const {formatOAuthExpiry, readOAuthProfile} = await import('../core/oauth/index.js');
	const profile = readOAuthProfile(setup.paths, env);
	const source = setup.credential?.source;
	return {
		profileId: source?.kind === 'profile' ? source.id : OAUTH_PROFILE_ID,
		...(profile ? {expires: profile.expires} : {}),
		expiry: profile ? formatOAuthExpiry(profile.expires) : 'unknown (no expiry in the profile)',
		portalBaseUrl: setup.baseUrl,
	};
}

/** The default model in effect, whether openclaw.json sets it, and what the registry notes about it. */
export function defaultModelInfo(setup: EffectiveSetup): {id: string; configured: boolean; notes: string[]} {
	const portal = isOAuthActive(setup);
	if (!setup.defaultModel) return {id: modelInEffect(setup), configured: false, notes: []};

	const resolution = resolveModel(setup.defaultModel, {provider: portal ? 'portal' : 'dashscope'});
	return {
		id: setup.defaultModel,
		configured: true,
		notes: resolution.ok ? resolution.notes : [resolution.message],
	};
}

/** The setup as `models status --json` prints it. */
export function statusJson(setup: EffectiveSetup, oauth: OAuthDetails | undefined) {
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

/** The setup as a table, then its notes, warnings and the way to a key when there is none. */
export function printStatus(context: CommandContext, setup: EffectiveSetup, oauth: OAuthDetails | undefined): void {
	const {out} = context;
	const model = defaultModelInfo(setup);
	const rows: Array<[string, string]> = [];
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
	const width = terminalWidth(context.stdout, context.env);
	for (const line of formatDefinitions(rows, width)) context.print(line);

	// Notes break between words on a terminal, as the table does.
	const say = (text: string) => {
		for (const line of width === undefined ? [text] : wrapWords(text, width, {longWords: 'keep'})) context.print(out.yellow(line));
	};
	if (setup.layout.legacyFiles.length > 0) {
		const advice = ADVICE.legacyFilesNeedMigration(setup.layout.legacyFiles, setup.layout.openclawVersion);
		say(`note: ${advice.message} ${advice.nextStep}`);
	}
	for (const note of model.notes) say(`note: ${note}`);
	for (const warning of setup.warnings) say(`warning: ${warning.text}`);
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
