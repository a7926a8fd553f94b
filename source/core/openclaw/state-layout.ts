/**
 * Which kind of OpenClaw state directory this is, so keys are read from and
 * written to where that state's OpenClaw looks (docs/openclaw-2026.9.md):
 *
 * - `empty`: nothing of OpenClaw's yet;
 * - `guide`: the guide's layout, an auth-profiles.json beside openclaw.json
 *   (OpenClaw before 2026.9, or files written by hand);
 * - `openclaw`: OpenClaw 2026.9 or later has been here: its SQLite state,
 *   an archive its migration left (`*.migrated-*`), or `meta.lastTouchedVersion`.
 *
 * In an `openclaw` state, the old JSON credential files make OpenClaw refuse
 * to run until its own doctor migrates them; they are listed as `legacyFiles`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Env} from '../env.js';
import {AGENT_AUTH_FILE_NAME, AUTH_PROFILES_FILE_NAME, OAUTH_FILE_NAME, oauthDir, relativeToStateDir, type OpenClawPaths} from '../paths.js';
import {isPlainObject} from '../plain-object.js';
import {inspectDatabases, stateDbPath, agentDbPath, storeInUse, type DatabaseState, type DatabaseStore} from './state-db.js';

export type LayoutKind = 'empty' | 'guide' | 'openclaw';

export type StateLayout = {
	readonly kind: LayoutKind;
	/** What shows OpenClaw 2026.9 or later was here, for messages ("state/openclaw.sqlite", …). */
	readonly markers: readonly string[];
	/** JSON credential files OpenClaw 2026.9 refuses to run with (it wants to migrate them first). */
	readonly legacyFiles: readonly string[];
	/** The guide's auth-profiles.json, when there is one. */
	readonly authProfilesJson?: string;
	/** The OpenClaw version that last wrote openclaw.json (meta.lastTouchedVersion). */
	readonly openclawVersion?: string;
	readonly databases: DatabaseState;
	/** OpenClaw's SQLite key store in use, if any. */
	readonly store?: DatabaseStore;
};

export function detectLayout(paths: OpenClawPaths, config: Record<string, unknown>, env: Env): StateLayout {
	const openclawVersion = lastTouchedVersion(config);
	const hasDatabase = fs.existsSync(stateDbPath(paths.stateDir)) || fs.existsSync(agentDbPath(paths.agentDir));
	const databases = hasDatabase ? inspectDatabases(paths.stateDir, paths.agentDir) : {};
	const markers: string[] = [];
	if (databases.stateDb) markers.push(relativeToStateDir(paths, databases.stateDb.file));
	if (databases.agentDb) markers.push(relativeToStateDir(paths, databases.agentDb.file));
	const archive = migrationArchive(paths.agentDir);
	if (archive) markers.push(relativeToStateDir(paths, archive));
	if (openclawVersion) markers.push(`meta.lastTouchedVersion ${openclawVersion} in openclaw.json`);

	const legacyFiles = legacyCredentialFiles(paths, env);
	const authProfilesJson = legacyFiles.find(file => file === paths.authProfilesPath);
	const kind: LayoutKind = markers.length > 0 ? 'openclaw' : authProfilesJson ? 'guide' : 'empty';
	const store = storeInUse(databases);
	return {
		kind,
		markers,
		legacyFiles: kind === 'openclaw' ? legacyFiles : [],
		...(authProfilesJson ? {authProfilesJson} : {}),
		...(openclawVersion ? {openclawVersion} : {}),
		databases,
		...(store ? {store} : {}),
	};
}

/** The files OpenClaw 2026.9 treats as credentials still to migrate (it checks their names only). */
function legacyCredentialFiles(paths: OpenClawPaths, env: Env): string[] {
	return [paths.authProfilesPath, path.join(paths.agentDir, AGENT_AUTH_FILE_NAME), path.join(oauthDir(paths, env), OAUTH_FILE_NAME)].filter(file => fs.existsSync(file));
}

function migrationArchive(agentDir: string): string | undefined {
	let names: string[];
	try {
		names = fs.readdirSync(agentDir);
	} catch {
		return undefined;
	}
	const name = names.find(entry => /^(?:auth-profiles|auth-state|auth)\.json\.(?:migrated-|sqlite-import\.)/.test(entry));
	return name ? path.join(agentDir, name) : undefined;
}

function lastTouchedVersion(config: Record<string, unknown>): string | undefined {
	const version = isPlainObject(config.meta) ? config.meta.lastTouchedVersion : undefined;
	return typeof version === 'string' && version.trim() !== '' ? version.trim() : undefined;
}

/** One line for status and doctor: which layout, and what said so. */
export function describeLayout(layout: StateLayout): string {
	switch (layout.kind) {
		case 'empty':
			return `new (no key store of OpenClaw's yet: no ${AUTH_PROFILES_FILE_NAME}, no OpenClaw database)`;
		case 'guide':
			return `the guide's layout (${AUTH_PROFILES_FILE_NAME})`;
		case 'openclaw':
			return `OpenClaw ${layout.openclawVersion ?? '2026.9 or later'} (${layout.markers.join(', ')})`;
	}
}
