import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID} from '../../source/core/auth-profiles.js';
import {saveOAuthSetup} from '../../source/core/oauth/save-oauth-setup.js';
import {resolvePaths} from '../../source/core/paths.js';
import {changeState, PartlyWrittenError} from '../../source/core/openclaw/state-change.js';
import {saveApiKeySetup} from '../../source/core/setup.js';
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

describe('a save that fails part-way leaves the files as they were', () => {
	it('saveApiKeySetup: a fresh auth-profiles.json is removed again when openclaw.json cannot be written', async () => {
		const paths = unwritableConfigPaths();
		await expect(saveApiKeySetup(paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'}, {env: temp.env})).rejects.toThrow();
		expect(fs.existsSync(paths.authProfilesPath)).toBe(false);
	});

	it('saveApiKeySetup: an existing auth-profiles.json gets its earlier key back', async () => {
		const paths = unwritableConfigPaths();
		const before = {version: 1, profiles: {[API_KEY_PROFILE_ID]: {type: 'api_key', provider: 'qwen-portal', key: OTHER_KEY}, 'anthropic:default': {type: 'api_key', provider: 'anthropic', key: 'x'}}};
		temp.writeAuthProfiles(before);
		await expect(saveApiKeySetup(paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'}, {env: temp.env})).rejects.toThrow();
		expect(temp.readAuthProfiles()).toEqual(before);
	});

	it('saveOAuthSetup: the tokens are not kept when openclaw.json cannot be written', async () => {
		const paths = unwritableConfigPaths();
		await expect(saveOAuthSetup(paths, TOKENS, {env: temp.env})).rejects.toThrow();
		expect(fs.existsSync(paths.authProfilesPath)).toBe(false);
	});

	it('saveOAuthSetup: an unparsable openclaw.json is refused before the tokens are written', async () => {
		temp.writeConfig('{ models: { providers: {,\n}\n');
		await expect(saveOAuthSetup(temp.paths, TOKENS, {env: temp.env})).rejects.toMatchObject({name: 'ConfigParseError'});
		expect(fs.existsSync(temp.paths.authProfilesPath)).toBe(false);
	});

	it('an unparsable auth-profiles.json is refused before openclaw.json is touched', async () => {
		temp.writeAuthProfiles('{ profiles: [,\n');
		await expect(saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'}, {env: temp.env})).rejects.toMatchObject({name: 'ConfigParseError'});
		expect(fs.existsSync(temp.paths.configPath)).toBe(false);
	});

	it('puts the earlier key back when openclaw.json cannot be written after it', async () => {
		const before = {version: 1, profiles: {[API_KEY_PROFILE_ID]: {type: 'api_key', provider: 'qwen-portal', key: OTHER_KEY}}};
		temp.writeAuthProfiles(before);
		const error = await changeState(
			temp.paths,
			{},
			() => ({
				change: {
					profiles: [{store: {kind: 'agent-json', file: temp.paths.authProfilesPath}, changes: [{id: API_KEY_PROFILE_ID, profile: {type: 'api_key', provider: 'qwen-portal', key: KEY}}]}],
					config: data => void (data.touched = true),
				},
				result: undefined,
			}),
			{calls: diskFullFor(temp.paths.configPath)},
		).catch((error: unknown) => error);
		expect((error as Error).message).toContain('Nothing was changed');
		expect(error).not.toBeInstanceOf(PartlyWrittenError);
		expect((error as Error).message).not.toContain(KEY);
		expect(temp.readAuthProfiles()).toEqual(before);
		expect(fs.existsSync(temp.paths.configPath)).toBe(false);
		expect(fs.readdirSync(path.dirname(temp.paths.configPath)).filter(name => name.includes('.pending') || name.endsWith('.tmp'))).toEqual([]);
	});

	it('says what was left when even putting back fails, and the next change finishes it', async () => {
		temp.writeAuthProfiles({version: 1, profiles: {}});
		const calls = diskFullFor(temp.paths.configPath, () => fs.writeFileSync(temp.paths.authProfilesPath, '{ broken'));
		const error = await changeState(
			temp.paths,
			{},
			() => ({
				change: {
					profiles: [{store: {kind: 'agent-json', file: temp.paths.authProfilesPath}, changes: [{id: API_KEY_PROFILE_ID, profile: {type: 'api_key', provider: 'qwen-portal', key: KEY}}]}],
					config: data => void (data.touched = true),
				},
				result: undefined,
			}),
			{calls},
		).catch((error: unknown) => error);
		expect((error as Error).message).toContain('could not be taken back; the next openclaw command completes it');
		// So no one reporting it says that nothing was written.
		expect(error).toBeInstanceOf(PartlyWrittenError);
		expect((error as Error).message).not.toContain(KEY);
	});
});

/**
 * Write calls that fail with ENOSPC when openclaw.json's own temporary file is
 * opened, after the key store was written (what a disk that fills up in
 * between does); `meanwhile` runs first, as something else changing files.
 */
function diskFullFor(configPath: string, meanwhile: () => void = () => {}): typeof fs {
	const temporary = new RegExp(`/\\.${path.basename(configPath).replaceAll('.', '\\.')}\\.\\d+\\.\\d+\\.[0-9a-f]+\\.tmp$`);
	return {
		...fs,
		openSync: ((file: fs.PathLike, ...rest: unknown[]) => {
			if (temporary.test(String(file))) {
				meanwhile();
				throw Object.assign(new Error('ENOSPC: no space left on device'), {code: 'ENOSPC'});
			}
			return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
		}),
	};
}
