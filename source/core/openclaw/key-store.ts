/**
 * The places a login profile can live, read the same way. All hold the shape
 * of auth-profiles.json, {"version": 1, "profiles": {"<id>": {…}}}:
 *
 * - `agent-json`: the guide's auth-profiles.json in the agent folder;
 * - `state-db` / `agent-db`: OpenClaw 2026.9's SQLite stores (state-db.ts);
 * - `own-file`: our own credentials file in `<state>/openclaw-qwen/`, which
 *   OpenClaw reads through a file SecretRef when the state has no store of
 *   OpenClaw's yet (we never create OpenClaw's databases).
 */
import path from 'node:path';
import {parseJson5, wrongType} from '../config-file.js';
import {readRegularFile} from '../files/safe-file.js';
import {
	AGENT_DB_FILE_NAME,
	APP_DIR_NAME,
	AUTH_PROFILES_FILE_NAME,
	CREDENTIALS_FILE_NAME,
	CREDENTIALS_LABEL,
	relativeToStateDir,
	STATE_DB_LABEL,
	type OpenClawPaths,
} from '../paths.js';
import {isPlainObject} from '../plain-object.js';
import {readStoredProfiles, type DatabaseStore} from './state-db.js';

export type KeyStore = {readonly kind: 'agent-json' | 'own-file'; readonly file: string} | DatabaseStore;

export type StoreContents = {readonly exists: boolean; readonly profiles: Readonly<Record<string, unknown>>; readonly data: Readonly<Record<string, unknown>>};

/** The secrets provider alias under which OpenClaw reads our credentials file: our folder's name, so openclaw.json says whose file it is. */
export const OWN_SECRETS_ALIAS = APP_DIR_NAME;

/** Our credentials file, in our own folder of the state dir: keys for OpenClaw to read by reference. */
export function ownCredentialsPath(paths: Pick<OpenClawPaths, 'appDir'>): string {
	return path.join(paths.appDir, CREDENTIALS_FILE_NAME);
}

export function readStore(store: KeyStore): StoreContents {
	if (store.kind === 'state-db' || store.kind === 'agent-db') {
		const stored = readStoredProfiles(store);
		return stored ? {exists: true, profiles: stored.profiles, data: stored} : {exists: false, profiles: {}, data: {}};
	}
	const data = readJsonStore(store.file);
	return {exists: data !== undefined, profiles: data && isPlainObject(data.profiles) ? data.profiles : {}, data: data ?? {}};
}

/** A JSON store's object, or undefined when the file is not there; refuses anything it cannot read as one. */
export function readJsonStore(file: string): Record<string, unknown> | undefined {
	const text = readRegularFile(file);
	return text === undefined ? undefined : parseJsonStore(text, file);
}

/** A JSON store's text, already read from `file`, as its object; refuses anything it cannot read as one. */
export function parseJsonStore(text: string, file: string): Record<string, unknown> {
	if (text.trim() === '') return {};
	const data = parseJson5(text, file, false);
	if (!isPlainObject(data)) {
		throw wrongType(file, text, undefined, 'the top level', 'an object ({"version": 1, "profiles": { … }})', data, false);
	}
	if (Object.hasOwn(data, 'profiles') && !isPlainObject(data.profiles)) {
		throw wrongType(file, text, 'profiles', '"profiles"', 'an object', data.profiles, false);
	}
	return data;
}

/** For messages: where a store is, in a person's words. */
export function describeStore(store: KeyStore, paths: OpenClawPaths): string {
	const where = relativeToStateDir(paths, store.file);
	switch (store.kind) {
		case 'agent-json':
			return `${AUTH_PROFILES_FILE_NAME} (${where})`;
		case 'own-file':
			return `openclaw's credentials file (${where}), which OpenClaw reads by reference`;
		case 'state-db':
			return `OpenClaw's state database (${where})`;
		case 'agent-db':
			return `OpenClaw's agent database (${where})`;
	}
}

/** The short name a credential's source label uses. */
export function storeLabel(store: KeyStore): string {
	switch (store.kind) {
		case 'agent-json':
			return AUTH_PROFILES_FILE_NAME;
		case 'own-file':
			return CREDENTIALS_LABEL;
		case 'state-db':
			return STATE_DB_LABEL;
		case 'agent-db':
			return AGENT_DB_FILE_NAME;
	}
}
