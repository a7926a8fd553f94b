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

/** The older OpenClaw's other credential files, which OpenClaw 2026.9 wants to migrate: one in the agent dir, one in the OAuth dir. */
export const AGENT_AUTH_FILE_NAME = 'auth.json';
export const OAUTH_FILE_NAME = 'oauth.json';

/** OpenClaw's own key stores from 2026.9 on: the shared one under the state dir, the per-agent one in the agent dir. */
export const STATE_DB_PARTS = ['state', 'openclaw.sqlite'] as const;
export const AGENT_DB_FILE_NAME = 'openclaw-agent.sqlite';

/** This program's own folder in the state dir, never where OpenClaw keeps anything of its own, and what it holds. */
export const APP_DIR_NAME = 'openclaw-qwen';
export const CREDENTIALS_FILE_NAME = 'credentials.json';
export const SESSIONS_FILE_NAME = 'sessions.sqlite';

/** The same places as messages and help name them: relative to the state dir, with '/' on every system. */
export const STATE_DB_LABEL = STATE_DB_PARTS.join('/');
export const CREDENTIALS_LABEL = `${APP_DIR_NAME}/${CREDENTIALS_FILE_NAME}`;
export const SESSIONS_LABEL = `${APP_DIR_NAME}/${SESSIONS_FILE_NAME}`;

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
