import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID} from '../../source/core/auth-profiles.js';
import {saveOAuthSetup} from '../../source/core/oauth/save-oauth-setup.js';
import {resolvePaths} from '../../source/core/paths.js';
import {saveApiKeySetup, saveProfileAndConfig, SetupWriteError} from '../../source/core/setup.js';
import {freshTempHome} from '../support/fresh-temp-home.js';

const KEY = 'sk-test0000intl00000000000000000a';
const OTHER_KEY = 'sk-test0000cn000000000000000000000b';
const TOKENS = {access: 'fake-access-1', refresh: 'fake-refresh-1', expires: Date.UTC(2026, 3, 1, 13), baseUrl: 'https://portal.qwen.ai/v1'};

const temp = freshTempHome();

/** Paths whose openclaw.json cannot be written: its directory is a regular file. */
function unwritableConfigPaths() {
	const blocker = path.join(temp.home, 'not-a-dir');
	fs.writeFileSync(blocker, 'a file, not a directory\n');
	return {...resolvePaths(temp.env), configPath: path.join(blocker, 'openclaw.json')};
}

describe('a save that fails part-way writes nothing', () => {
	it('saveApiKeySetup: a fresh auth-profiles.json is removed again when openclaw.json cannot be written', async () => {
		const paths = unwritableConfigPaths();
		await expect(saveApiKeySetup(paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'})).rejects.toThrow();
		expect(fs.existsSync(paths.authProfilesPath)).toBe(false);
	});

	it('saveApiKeySetup: an existing auth-profiles.json gets its earlier key back', async () => {
		const paths = unwritableConfigPaths();
		const before = {version: 1, profiles: {[API_KEY_PROFILE_ID]: {type: 'api_key', provider: 'qwen-portal', key: OTHER_KEY}, 'anthropic:default': {type: 'api_key', provider: 'anthropic', key: 'x'}}};
		temp.writeAuthProfiles(before);
		await expect(saveApiKeySetup(paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'})).rejects.toThrow();
		expect(temp.readAuthProfiles()).toEqual(before);
	});

	it('saveOAuthSetup: the tokens are not kept when openclaw.json cannot be written', async () => {
		const paths = unwritableConfigPaths();
		await expect(saveOAuthSetup(paths, TOKENS)).rejects.toThrow();
		expect(fs.existsSync(paths.authProfilesPath)).toBe(false);
	});

	it('saveOAuthSetup: an unparsable openclaw.json is refused before the tokens are written', async () => {
		temp.writeConfig('{ models: { providers: {,\n}\n');
		await expect(saveOAuthSetup(temp.paths, TOKENS)).rejects.toMatchObject({name: 'ConfigParseError'});
		expect(fs.existsSync(temp.paths.authProfilesPath)).toBe(false);
	});

	it('an unparsable auth-profiles.json is refused before openclaw.json is touched', async () => {
		temp.writeAuthProfiles('{ profiles: [,\n');
		await expect(saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'})).rejects.toMatchObject({name: 'ConfigParseError'});
		expect(fs.existsSync(temp.paths.configPath)).toBe(false);
	});

	it('names the file it wrote when the profile cannot be put back', async () => {
		const failure = saveProfileAndConfig(temp.paths, API_KEY_PROFILE_ID, {type: 'api_key', provider: 'qwen-portal', key: KEY}, () => {
			// Someone breaks auth-profiles.json while openclaw.json is being written, which then fails.
			fs.writeFileSync(temp.paths.authProfilesPath, '{ broken');
			throw new Error('disk full');
		});
		const error = await failure.catch((error: unknown) => error);
		expect(error).toBeInstanceOf(SetupWriteError);
		expect((error as SetupWriteError).written).toEqual([temp.paths.authProfilesPath]);
		expect((error as SetupWriteError).message).toContain('disk full');
		expect((error as SetupWriteError).message).toContain(temp.paths.authProfilesPath);
		expect((error as SetupWriteError).message).not.toContain(KEY);
	});
});
