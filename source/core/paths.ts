/**
 * Where OpenClaw keeps its files. The same env vars OpenClaw reads, so a user
 * moving between the two tools sees one set of files.
 */
import os from 'node:os';
import path from 'node:path';
import type {Env} from './env.js';

export type OpenClawPaths = {
	home: string;
	stateDir: string;
	configPath: string;
	agentDir: string;
	authProfilesPath: string;
	/** This program's own folder in the state dir: its credentials file and its sessions. */
	appDir: string;
};

/** The variables that move OpenClaw's files, as OpenClaw names them (core/env-vars.ts lists them with the rest). */
export const STATE_DIR_ENV_VAR = 'OPENCLAW_STATE_DIR';
export const CONFIG_PATH_ENV_VAR = 'OPENCLAW_CONFIG_PATH';
export const AGENT_DIR_ENV_VAR = 'OPENCLAW_AGENT_DIR';
export const HOME_ENV_VAR = 'OPENCLAW_HOME';
export const OAUTH_DIR_ENV_VAR = 'OPENCLAW_OAUTH_DIR';

/** Where each lies when no variable moves it: the state dir in the home directory, the rest in the state dir. */
export const STATE_DIR_NAME = '.openclaw';
export const CONFIG_FILE_NAME = 'openclaw.json';
export const AGENT_DIR_PARTS = ['agents', 'main', 'agent'] as const;
export const AUTH_PROFILES_FILE_NAME = 'auth-profiles.json';
export const OAUTH_DIR_NAME = 'credentials';

/** Never where OpenClaw keeps anything of its own. */
const APP_DIR_NAME = 'openclaw-qwen';

export function resolvePaths(env: Env): OpenClawPaths {
	const home = resolveHome(env);
	const stateDir = fromEnv(env[STATE_DIR_ENV_VAR], home) ?? path.join(home, STATE_DIR_NAME);
	const configPath = fromEnv(env[CONFIG_PATH_ENV_VAR], home) ?? path.join(stateDir, CONFIG_FILE_NAME);
	const agentDir = fromEnv(env[AGENT_DIR_ENV_VAR], home) ?? path.join(stateDir, ...AGENT_DIR_PARTS);
	return {
		home,
		stateDir,
		configPath,
		agentDir,
		authProfilesPath: path.join(agentDir, AUTH_PROFILES_FILE_NAME),
		appDir: path.join(stateDir, APP_DIR_NAME),
	};
}

/** The folder OpenClaw keeps OAuth credentials in: OPENCLAW_OAUTH_DIR, else `credentials` in the state dir. */
export function oauthDir(paths: Pick<OpenClawPaths, 'home' | 'stateDir'>, env: Env): string {
	return fromEnv(env[OAUTH_DIR_ENV_VAR], paths.home) ?? path.join(paths.stateDir, OAUTH_DIR_NAME);
}

function resolveHome(env: Env): string {
	const systemHome = env['HOME']?.trim() || os.homedir();
	return fromEnv(env[HOME_ENV_VAR], systemHome) ?? path.resolve(systemHome);
}

/** An env value as an absolute path, with a leading `~` meaning `home`; blank counts as unset. */
function fromEnv(value: string | undefined, home: string): string | undefined {
	const trimmed = value?.trim();
	if (!trimmed) return undefined;
	return path.resolve(expandTilde(trimmed, home));
}

export function expandTilde(value: string, home: string): string {
	if (value === '~') return home;
	if (value.startsWith('~/') || value.startsWith(`~${path.sep}`)) return path.join(home, value.slice(2));
	return value;
}

/** `file` relative to the state dir when it lies inside it (shorter in messages), else as it is. */
export function relativeToStateDir(paths: Pick<OpenClawPaths, 'stateDir'>, file: string): string {
	const relative = path.relative(paths.stateDir, file);
	return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
