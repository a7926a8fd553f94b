/**
 * The state directory as OpenClaw sees it: which layout it is, and what would
 * stop OpenClaw 2026.9 (docs/openclaw-2026.9.md) while this program still
 * works: old JSON credential files it wants to migrate first, the guide's
 * `profile:` apiKey it never understood, a profile its migration made from
 * that string, text models that need string content, and a state written by
 * a newer OpenClaw. A secret file others can read is a permissions check.
 */
import {API_KEY_PROFILE_ID, profileProvider, profileSecret} from '../auth-profiles.js';
import {getQwenProvider} from '../config-file.js';
import {profileStores} from '../key-sources.js';
import {ADVICE, loginCommand} from '../messages.js';
import {PROVIDER_ID, findModel, supportsImages} from '../models.js';
import {GUIDE_PROFILE_PREFIX, parseApiKeyRef} from '../openclaw/api-key-ref.js';
import {readStore, storeLabel} from '../openclaw/key-store.js';
import {refusalToWrite} from '../openclaw/state-db.js';
import {describeLayout, type StateLayout} from '../openclaw/state-layout.js';
import type {OpenClawPaths} from '../paths.js';
import {isPlainObject} from '../plain-object.js';
import {ok, warning, type DoctorCheck} from './types.js';

export function checkOpenClawState(layout: StateLayout, config: Record<string, unknown>, paths: OpenClawPaths): DoctorCheck[] {
	const checks: DoctorCheck[] = [ok('state.layout', `State: ${describeLayout(layout)}`, paths.stateDir)];

	if (layout.legacyFiles.length > 0) {
		const advice = ADVICE.legacyFilesNeedMigration(layout.legacyFiles, layout.openclawVersion);
		checks.push(warning('state.migration', advice.title, advice.message, advice.nextStep));
	}

	const refusal = refusalToWrite(layout.databases);
	if (refusal) checks.push(warning('state.newer', refusal.problem.title, refusal.problem.message, refusal.problem.nextStep));

	const apiKey = getQwenProvider(config)?.apiKey;
	const ref = parseApiKeyRef(apiKey, config, paths.home);
	if (ref.kind === 'profile' && ref.guideForm) {
		checks.push(
			warning(
				'state.profile-form',
				`apiKey is "${GUIDE_PROFILE_PREFIX}${ref.id}", a form only this program reads`,
				`OpenClaw 2026.9 sends that text itself as the key, and its doctor turns it into a bogus profile. "${ref.id}" means the same profile to both programs.`,
				`Change models.providers.${PROVIDER_ID}.apiKey to "${ref.id}" in ${paths.configPath}, or run \`${loginCommand()}\` again.`,
			),
		);
	}

	checks.push(...checkStores(layout, paths));
	const stringContent = checkStringContent(config);
	if (stringContent) checks.push(stringContent);
	return checks;
}

/** A profile made from the guide's `profile:` text, and the same key differing between OpenClaw's store and the old JSON file. */
function checkStores(layout: StateLayout, paths: OpenClawPaths): DoctorCheck[] {
	const checks: DoctorCheck[] = [];
	const stores = profileStores(layout, paths);
	const keys = new Map<string, string>();
	for (const store of stores) {
		let profiles: Readonly<Record<string, unknown>>;
		try {
			profiles = readStore(store).profiles;
		} catch {
			continue;
		}
		for (const [id, profile] of Object.entries(profiles)) {
			const secret = profileSecret(profile)?.secret;
			if (profileProvider(profile) === PROVIDER_ID && secret?.startsWith(GUIDE_PROFILE_PREFIX)) {
				checks.push(
					warning(
						'state.bogus-profile',
						`Login profile "${id}" in ${storeLabel(store)} holds the text "${secret}", not a key`,
						`OpenClaw's migration made it from the guide's apiKey form; OpenClaw tries it and gets 401 Unauthorized.`,
						`Run \`${loginCommand()}\` again: it removes such profiles.`,
					),
				);
			}
		}
		const key = profileSecret(profiles[API_KEY_PROFILE_ID])?.secret;
		if (key) keys.set(storeLabel(store), key);
	}
	if (keys.size > 1 && new Set(keys.values()).size > 1) {
		const [first] = keys.keys();
		checks.push(
			warning(
				'state.stores-differ',
				`The login profile "${API_KEY_PROFILE_ID}" holds different keys in ${[...keys.keys()].join(' and ')}`,
				`Both programs use the one in ${first} now; OpenClaw's migration of the old file may bring the other back.`,
				`Run \`${loginCommand()}\` again: it writes the same key to both.`,
			),
		);
	}
	return checks;
}

/** OpenClaw sends message parts as an array unless told; DashScope's text models refuse that. */
function checkStringContent(config: Record<string, unknown>): DoctorCheck | undefined {
	const models = getQwenProvider(config)?.models;
	if (!Array.isArray(models)) return undefined;
	const missing = models.filter(
		entry =>
			isPlainObject(entry) &&
			typeof entry.id === 'string' &&
			(findModel(entry.id) ? !supportsImages(findModel(entry.id)!) : !(Array.isArray(entry.input) && entry.input.includes('image'))) &&
			!(isPlainObject(entry.compat) && entry.compat.requiresStringContent === true),
	);
	if (missing.length === 0) return undefined;
	const ids = missing.map(entry => String((entry as {id: unknown}).id));
	return warning(
		'state.string-content',
		`OpenClaw would send ${ids.length === 1 ? 'a text model' : `${ids.length} text models`} content DashScope refuses`,
		`${ids.join(', ')} ${ids.length === 1 ? 'lacks' : 'lack'} "compat": {"requiresStringContent": true}; without it OpenClaw sends message parts as an array and DashScope answers 400 "input content must be a string".`,
		`Run \`${loginCommand()}\` again to rewrite the model entries (other settings are kept).`,
	);
}
