/**
 * auth-profiles.json: OpenClaw's credential store, `{version: 1, profiles: {…}}`.
 * Secrets live only here (mode 0600, directory 0700). Other tools' profiles,
 * including types we do not know, are kept as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {isPlainObject, parseJson5, wrongType} from './config-file.js';
import {ensurePrivateDir, resolveWriteTarget, tightenMode, toAccessError, withFileLock, writeFileAtomic} from './file-lock.js';
import type {OpenClawPaths} from './paths.js';

export type AuthProfile =
	| {type: 'api_key'; provider: string; key: string}
	| {type: 'oauth'; provider: string; access: string; refresh: string; expires: number}
	| {type: 'token'; provider: string; token: string; expires?: number};

export type AuthProfileType = AuthProfile['type'];

/** The DashScope API key login writes here. */
export const API_KEY_PROFILE_ID = 'qwen-portal:default';
/** The Qwen OAuth login writes here, so the two logins never replace each other. */
export const OAUTH_PROFILE_ID = 'qwen-portal:oauth';

/** How openclaw.json's provider `apiKey` points at a login profile: `profile:<id>`. */
export const PROFILE_REF_PREFIX = 'profile:';

export function profileRef(id: string): string {
	return `${PROFILE_REF_PREFIX}${id}`;
}

export function readAuthProfiles(paths: OpenClawPaths): {exists: boolean; profiles: Record<string, unknown>} {
	const {exists, data} = readAuthFile(resolveWriteTarget(paths.authProfilesPath));
	return {exists, profiles: isPlainObject(data.profiles) ? data.profiles : {}};
}

/** What a profile write replaced, so a save that fails later can put it back. */
export type ProfileWrite = {
	id: string;
	/** The profile that was there before; undefined when there was none. */
	previous: unknown;
	fileExisted: boolean;
	/** False when the file already held exactly this profile. */
	changed: boolean;
};

/** Locked read-modify-write that sets one profile and keeps every other one. */
export async function writeAuthProfile(paths: OpenClawPaths, id: string, profile: AuthProfile): Promise<ProfileWrite> {
	return setProfile(paths, id, () => profile);
}

/**
 * Undoes a writeAuthProfile: the earlier profile goes back (or the new one
 * goes), other profiles, including any written meanwhile, stay; a file this
 * write created and that holds nothing else is removed again.
 */
export async function restoreAuthProfile(paths: OpenClawPaths, write: ProfileWrite): Promise<void> {
	if (!write.changed) return;
	await setProfile(paths, write.id, () => write.previous, !write.fileExisted);
}

async function setProfile(
	paths: OpenClawPaths,
	id: string,
	value: () => unknown,
	removeWhenEmpty = false,
): Promise<ProfileWrite> {
	const file = resolveWriteTarget(paths.authProfilesPath);
	for (const dir of new Set([path.dirname(paths.authProfilesPath), path.dirname(file)])) {
		ensurePrivateDir(dir);
		tightenMode(dir, 0o700);
	}
	return withFileLock(file, () => {
		const current = readAuthFile(file);
		const profiles = isPlainObject(current.data.profiles) ? current.data.profiles : {};
		const previous = Object.hasOwn(profiles, id) ? profiles[id] : undefined;
		const nextProfiles: Record<string, unknown> = {...profiles};
		const next = value();
		if (next === undefined) delete nextProfiles[id];
		else nextProfiles[id] = next;
		const data: Record<string, unknown> = {version: 1, ...current.data, profiles: nextProfiles};
		const result = {id, previous, fileExisted: current.exists};
		if (current.exists && isDeepStrictEqual(current.data, data)) {
			tightenMode(file, 0o600);
			return {...result, changed: false};
		}
		if (removeWhenEmpty && Object.keys(nextProfiles).length === 0 && Object.keys(data).length === 2) {
			fs.rmSync(file, {force: true});
		} else {
			writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
		}
		return {...result, changed: true};
	});
}

/** The secret a profile carries and its type, or undefined for an unusable entry. */
export function profileSecret(profile: unknown): {type: AuthProfileType; secret: string; expires?: number} | undefined {
	if (!isPlainObject(profile)) return undefined;
	const field = {api_key: 'key', token: 'token', oauth: 'access'}[String(profile.type)];
	if (!field) return undefined;
	const secret = profile[field];
	if (typeof secret !== 'string' || secret.trim() === '') return undefined;
	const expires = typeof profile.expires === 'number' ? profile.expires : undefined;
	return {type: profile.type as AuthProfileType, secret: secret.trim(), ...(expires === undefined ? {} : {expires})};
}

function readAuthFile(file: string): {exists: boolean; data: Record<string, unknown>} {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {exists: false, data: {}};
		throw toAccessError(error, file);
	}
	if (text.trim() === '') return {exists: true, data: {}};
	const data = parseJson5(text, file, false);
	if (!isPlainObject(data)) {
		throw wrongType(file, text, undefined, 'the top level', 'an object ({"version": 1, "profiles": { … }})', data, false);
	}
	if (Object.hasOwn(data, 'profiles') && !isPlainObject(data.profiles)) {
		throw wrongType(file, text, 'profiles', '"profiles"', 'an object', data.profiles, false);
	}
	return {exists: true, data};
}
