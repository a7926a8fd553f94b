/**
 * A throwaway HOME in a real temp dir, with an env that cannot reach the real
 * ~/.openclaw or leak the developer's keys into a test. Runs under vitest and
 * standalone on Node 24 (hence the `.ts` import).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {CREDENTIALS_FILE_NAME, resolvePaths} from '../../source/core/paths.ts';
import type {OpenClawPaths} from '../../source/core/paths.ts';

export type TempHome = {
	home: string;
	env: Record<string, string>;
	paths: OpenClawPaths;
	/** Writes openclaw.json (text as is, objects as JSON), creating its directory. */
	writeConfig(content: string | object): void;
	readConfig(): Record<string, unknown>;
	/** Writes auth-profiles.json (text as is, objects as JSON), creating its directory. */
	writeAuthProfiles(content: string | object): void;
	readAuthProfiles(): Record<string, unknown>;
	/** Where a login on a new state keeps the key: openclaw-qwen/credentials.json, read by OpenClaw by reference. */
	credentialsPath: string;
	readCredentials(): Record<string, unknown>;
	cleanup(): void;
};

// Vars that would point the code under test at real files or real keys.
const LEAKY = /^(OPENCLAW_|QWEN_|DASHSCOPE_|MODELSTUDIO_)/;

export function makeTempHome(extraEnv: Record<string, string> = {}): TempHome {
	const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-home-')));
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined && !LEAKY.test(name)) env[name] = value;
	}
	env.HOME = home;
	env.USERPROFILE = home;
	Object.assign(env, extraEnv);
	const paths = resolvePaths(env);
	const write = (file: string, content: string | object) => {
		fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		fs.writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`, {mode: 0o600});
	};
	return {
		home,
		env,
		paths,
		writeConfig: content => write(paths.configPath, content),
		readConfig: () => JSON.parse(fs.readFileSync(paths.configPath, 'utf8')) as Record<string, unknown>,
		writeAuthProfiles: content => write(paths.authProfilesPath, content),
		readAuthProfiles: () => JSON.parse(fs.readFileSync(paths.authProfilesPath, 'utf8')) as Record<string, unknown>,
		credentialsPath: path.join(paths.appDir, CREDENTIALS_FILE_NAME),
		readCredentials: () => JSON.parse(fs.readFileSync(path.join(paths.appDir, CREDENTIALS_FILE_NAME), 'utf8')) as Record<string, unknown>,
		cleanup: () => {
			// Tests may leave read-only dirs behind; make them removable first.
			fs.chmodSync(home, 0o700);
			fs.rmSync(home, {recursive: true, force: true});
		},
	};
}

/** A file's permission bits, e.g. 0o600. */
export function fileMode(file: string): number {
	return fs.statSync(file).mode & 0o777;
}

/** A JSON file's contents, untyped so a test can reach into it. */
export function readJson(file: string): any {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}
