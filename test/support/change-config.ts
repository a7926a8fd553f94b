/**
 * openclaw.json changed the one way the program changes it (changeState),
 * for tests that exercise the write path itself: lock, backup, journal,
 * atomic write.
 */
import type {ConfigData} from '../../source/core/config-file.ts';
import type {Env} from '../../source/core/env.ts';
import type {KeyStore} from '../../source/core/openclaw/key-store.ts';
import {changeState} from '../../source/core/openclaw/state-change.ts';
import type {OpenClawPaths} from '../../source/core/paths.ts';

export async function updateOpenClawConfig(paths: OpenClawPaths, mutate: (data: ConfigData) => void, env: Env = {}) {
	const {configPath, backupPath} = await changeState(paths, env, () => ({change: {config: mutate}, result: undefined}));
	return backupPath ? {configPath, backupPath} : {configPath};
}

/** Sets (or, with undefined, removes) one profile in the guide's auth-profiles.json. */
export async function writeGuideProfile(paths: OpenClawPaths, id: string, profile: unknown, env: Env = {}) {
	const store: KeyStore = {kind: 'agent-json', file: paths.authProfilesPath};
	await changeState(paths, env, () => ({change: {profiles: [{store, changes: [{id, profile}]}]}, result: undefined}));
}
