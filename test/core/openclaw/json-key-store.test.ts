import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID, profileSecret} from '../../../source/core/auth-profiles.js';
import {ConfigParseError} from '../../../source/core/config-file.js';
import {relativeToStateDir, type OpenClawPaths} from '../../../source/core/paths.js';
import {ownCredentialsPath, readStore, storeLabel} from '../../../source/core/openclaw/key-store.js';
import {agentDbPath, stateDbPath} from '../../../source/core/openclaw/state-db.js';
import {writeGuideProfile} from '../../support/change-config.js';
import {runFilesWriter} from '../../support/run-files-writer.js';
import {fileMode} from '../../support/temp-home.js';
import {freshTempHome} from '../../support/fresh-temp-home.js';

const KEY = 'sk-test0000intl00000000000000000a';
const OTHER_KEY = 'sk-test0000cn000000000000000000000a';

const temp = freshTempHome();

const apiKeyProfile = (key: string) => ({type: 'api_key' as const, provider: 'qwen-portal', key});
const writeAuthProfile = writeGuideProfile;
const readAuthProfiles = (paths: OpenClawPaths) => {
	const {exists, profiles} = readStore({kind: 'agent-json', file: paths.authProfilesPath});
	return {exists, profiles};
};

describe('auth-profiles.json, the guide\'s key store', () => {
	it('creates {version: 1, profiles} with mode 0600 in a 0700 directory', async () => {
		await writeAuthProfile(temp.paths, API_KEY_PROFILE_ID, apiKeyProfile(KEY));
		expect(temp.readAuthProfiles()).toEqual({version: 1, profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(KEY)}});
		expect(fileMode(temp.paths.authProfilesPath)).toBe(0o600);
		expect(fileMode(temp.paths.agentDir)).toBe(0o700);
		expect(fs.readdirSync(temp.paths.agentDir)).toEqual(['auth-profiles.json']);
	});

	it('keeps other profiles, unknown types and unknown top-level keys', async () => {
		const oauth = {type: 'oauth', provider: 'qwen-portal', access: 'at-test', refresh: 'rt-test', expires: 1_767_225_600_000};
		const existing = {
			version: 1,
			lastGood: {anthropic: 'anthropic:work'},
			profiles: {
				[OAUTH_PROFILE_ID]: oauth,
				'anthropic:work': {type: 'token', provider: 'anthropic', token: 'tok-test'},
				'future:thing': {type: 'passkey', provider: 'future', blob: [1, 2]},
			},
		};
		temp.writeAuthProfiles(existing);
		await writeAuthProfile(temp.paths, API_KEY_PROFILE_ID, apiKeyProfile(KEY));
		expect(temp.readAuthProfiles()).toEqual({
			...existing,
			profiles: {...existing.profiles, [API_KEY_PROFILE_ID]: apiKeyProfile(KEY)},
		});
	});

	it('replaces the API key profile on a second login and never touches the OAuth one', async () => {
		const oauth = {type: 'oauth', provider: 'qwen-portal', access: 'at-test', refresh: 'rt-test', expires: 1};
		temp.writeAuthProfiles({version: 1, profiles: {[OAUTH_PROFILE_ID]: oauth}});
		await writeAuthProfile(temp.paths, API_KEY_PROFILE_ID, apiKeyProfile(KEY));
		await writeAuthProfile(temp.paths, API_KEY_PROFILE_ID, apiKeyProfile(OTHER_KEY));
		const {profiles} = readAuthProfiles(temp.paths);
		expect(profiles[API_KEY_PROFILE_ID]).toEqual(apiKeyProfile(OTHER_KEY));
		expect(profiles[OAUTH_PROFILE_ID]).toEqual(oauth);
	});

	it('accepts the guide\'s file without "version" and adds it on write', async () => {
		temp.writeAuthProfiles('{\n  "profiles": {\n    "qwen-portal:default": {"type": "api_key", "provider": "qwen-portal", "key": "sk-test0000seed000000000000000000a"}\n  }\n}\n');
		expect(readAuthProfiles(temp.paths)).toEqual({
			exists: true,
			profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile('sk-test0000seed000000000000000000a')},
		});
		await writeAuthProfile(temp.paths, 'other:default', apiKeyProfile(KEY));
		expect(temp.readAuthProfiles().version).toBe(1);
	});

	it('tightens a looser existing file and directory on write', async () => {
		temp.writeAuthProfiles({version: 1, profiles: {}});
		fs.chmodSync(temp.paths.authProfilesPath, 0o644);
		fs.chmodSync(temp.paths.agentDir, 0o755);
		await writeAuthProfile(temp.paths, API_KEY_PROFILE_ID, apiKeyProfile(KEY));
		expect(fileMode(temp.paths.authProfilesPath)).toBe(0o600);
		expect(fileMode(temp.paths.agentDir)).toBe(0o700);
	});

	it('refuses to write over a file it cannot parse, naming line and column', async () => {
		const original = '{\n  "profiles": {\n    "x": {"type": "api_key" "key": "k"}\n  }\n}\n';
		temp.writeAuthProfiles(original);
		const error = await writeAuthProfile(temp.paths, API_KEY_PROFILE_ID, apiKeyProfile(KEY)).catch((error: unknown) => error);
		expect(error).toBeInstanceOf(ConfigParseError);
		expect(error).toMatchObject({file: temp.paths.authProfilesPath, line: 3, column: 29});
		expect((error as Error).message).not.toContain(KEY);
		expect(fs.readFileSync(temp.paths.authProfilesPath, 'utf8')).toBe(original);
	});

	it.each([
		['a top level that is an array', '[]'],
		['profiles that is a list', '{"version": 1, "profiles": []}'],
	])('refuses a file with %s', (_name, text) => {
		temp.writeAuthProfiles(text);
		expect(() => readAuthProfiles(temp.paths)).toThrow(ConfigParseError);
	});

	it('lands every profile from two processes writing at the same time', async () => {
		const writer = (id: string) =>
			runFilesWriter(['profile', id, '10'], {env: {...temp.env, WRITER_KEY: KEY}});
		await Promise.all([writer('a'), writer('b')]);
		const ids = Object.keys(readAuthProfiles(temp.paths).profiles).sort();
		expect(ids).toEqual([...Array.from({length: 10}, (_, i) => `a-${i}`), ...Array.from({length: 10}, (_, i) => `b-${i}`)].sort());
		expect(fileMode(temp.paths.authProfilesPath)).toBe(0o600);
	});
});

describe('profileSecret', () => {
	it('reads the secret each credential type carries', () => {
		expect(profileSecret(apiKeyProfile(KEY))).toEqual({type: 'api_key', secret: KEY});
		expect(profileSecret({type: 'token', provider: 'p', token: 'tok', expires: 5})).toEqual({type: 'token', secret: 'tok', expires: 5});
		expect(profileSecret({type: 'oauth', provider: 'p', access: 'acc', refresh: 'r', expires: 9})).toEqual({
			type: 'oauth',
			secret: 'acc',
			expires: 9,
		});
	});

	it('ignores unknown types and empty secrets', () => {
		expect(profileSecret({type: 'passkey', provider: 'p'})).toBeUndefined();
		expect(profileSecret({type: 'api_key', provider: 'p', key: '  '})).toBeUndefined();
		expect(profileSecret(null)).toBeUndefined();
	});
});

describe('the name messages give each store', () => {
	it('is where the store lies: relative to the state dir for ours and the shared database, the file name in the agent folder', () => {
		const {paths} = temp;
		expect(storeLabel({kind: 'own-file', file: ownCredentialsPath(paths)})).toBe(relativeToStateDir(paths, ownCredentialsPath(paths)));
		expect(storeLabel({kind: 'state-db', file: stateDbPath(paths.stateDir)})).toBe(relativeToStateDir(paths, stateDbPath(paths.stateDir)));
		expect(storeLabel({kind: 'agent-json', file: paths.authProfilesPath})).toBe(path.basename(paths.authProfilesPath));
		expect(storeLabel({kind: 'agent-db', file: agentDbPath(paths.agentDir)})).toBe(path.basename(agentDbPath(paths.agentDir)));
	});
});
