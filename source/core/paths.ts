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

/** Never where OpenClaw keeps anything of its own. */
const APP_DIR_NAME = 'openclaw-qwen';

export function resolvePaths(env: Env = process.env): OpenClawPaths {
	const home = resolveHome(env);
	const stateDir = fromEnv(env.OPENCLAW_STATE_DIR, home) ?? path.join(home, '.openclaw');
	const configPath = fromEnv(env.OPENCLAW_CONFIG_PATH, home) ?? path.join(stateDir, 'openclaw.json');
	const agentDir = fromEnv(env.OPENCLAW_AGENT_DIR, home) ?? path.join(stateDir, 'agents', 'main', 'agent');
	return {
		home,
		stateDir,
		configPath,
		agentDir,
		authProfilesPath: path.join(agentDir, 'auth-profiles.json'),
		appDir: path.join(stateDir, APP_DIR_NAME),
	};
}

function resolveHome(env: Env): string {
	const systemHome = env.HOME?.trim() || os.homedir();
	return fromEnv(env.OPENCLAW_HOME, systemHome) ?? path.resolve(systemHome);
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
