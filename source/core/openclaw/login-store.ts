/**
 * Where a login's key goes in this state, and how openclaw.json then refers
 * to it (docs/openclaw-2026.9.md).
 */
import {getQwenProvider} from '../config-file.js';
import {ADVICE} from '../messages.js';
import type {OpenClawPaths} from '../paths.js';
import {parseApiKeyRef, pointerTo} from './api-key-ref.js';
import {OWN_SECRETS_ALIAS, ownCredentialsPath, type KeyStore} from './key-store.js';
import type {CurrentState} from './state-change.js';
import {refusalToWrite} from './state-db.js';

/** Where a login's key goes, and how openclaw.json then refers to it. */
export type LoginStore = {
	/** The first is where the key is read from; a second (the old JSON file OpenClaw still has to migrate) is kept in step. */
	readonly stores: readonly KeyStore[];
	/** Claim OpenClaw's shared store first (a state OpenClaw created but has stored no key in yet). */
	readonly bootstrap: boolean;
	/** The `apiKey` value for a profile, and the field of it that holds the secret. */
	readonly apiKey: (profileId: string, field: 'key' | 'access') => unknown;
	/** Declare our credentials file under secrets.providers (OpenClaw reads it by reference). */
	readonly secretsProvider?: string;
	/** List the profile under auth.profiles, as OpenClaw's own key save does. */
	readonly registerProfile: boolean;
	readonly notes: string[];
};

/**
 * Decides where a login writes, from the state as it is (docs/openclaw-2026.9.md):
 * - already using our credentials file by reference: keep using it;
 * - OpenClaw 2026.9 with its database: its store (refused for a newer OpenClaw);
 * - the guide's layout: auth-profiles.json, as the guide says;
 * - otherwise (nothing yet, or OpenClaw's marks but no database): our own
 *   credentials file, which OpenClaw reads through a file SecretRef. We never
 *   create OpenClaw's databases, nor a file that makes it stop.
 */
export function loginStore(current: CurrentState, paths: OpenClawPaths): LoginStore {
	const {layout, config} = current;
	const own: KeyStore = {kind: 'own-file', file: ownCredentialsPath(paths)};
	const byProfileId = (profileId: string) => profileId;
	const ownReference = (profileId: string, field: 'key' | 'access') => ({source: 'file', provider: OWN_SECRETS_ALIAS, id: pointerTo('profiles', profileId, field)});
	const ref = parseApiKeyRef(getQwenProvider(config.data)?.apiKey, config.data, paths.home);
	if (ref.kind === 'file' && ref.file === own.file) {
		return {stores: [own], bootstrap: false, apiKey: ownReference, secretsProvider: own.file, registerProfile: false, notes: []};
	}
	if (layout.kind === 'openclaw') {
		const refusal = refusalToWrite(layout.databases);
		if (refusal) throw refusal;
		const legacy: KeyStore[] = layout.authProfilesJson ? [{kind: 'agent-json', file: layout.authProfilesJson}] : [];
		const notes = layout.legacyFiles.length > 0 ? [migrationNote(layout.legacyFiles)] : [];
		if (layout.store) return {stores: [layout.store, ...legacy], bootstrap: false, apiKey: byProfileId, registerProfile: true, notes};
		if (layout.databases.stateDb) {
			return {stores: [{kind: 'state-db', file: layout.databases.stateDb.file}, ...legacy], bootstrap: true, apiKey: byProfileId, registerProfile: true, notes};
		}
		return {stores: [own], bootstrap: false, apiKey: ownReference, secretsProvider: own.file, registerProfile: false, notes};
	}
	if (layout.kind === 'guide') {
		return {stores: [{kind: 'agent-json', file: paths.authProfilesPath}], bootstrap: false, apiKey: byProfileId, registerProfile: false, notes: []};
	}
	return {stores: [own], bootstrap: false, apiKey: ownReference, secretsProvider: own.file, registerProfile: false, notes: []};
}

function migrationNote(files: readonly string[]): string {
	const advice = ADVICE.legacyFilesNeedMigration(files);
	return `${advice.message} ${advice.nextStep} The key was saved in both places, so either way it is the new one.`;
}
