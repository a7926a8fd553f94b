import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID} from '../../../source/core/auth-profiles.js';
import {writeGuideProfile as writeAuthProfile} from '../../support/change-config.js';
import {saveOAuthSetup} from '../../../source/core/oauth/save-oauth-setup.js';
import {saveApiKeySetup} from '../../../source/core/setup.js';
import {readJson} from '../../support/temp-home.js';
import {freshTempHome} from '../../support/fresh-temp-home.js';

const KEY = 'sk-test0000intl00000000000000000a';
const TOKENS = {access: 'fake-access-1', refresh: 'fake-refresh-1', expires: Date.UTC(2026, 3, 1, 13), baseUrl: 'https://portal.qwen.ai/v1'};

const home = freshTempHome();
const ownFile = () => path.join(home.paths.stateDir, 'openclaw-qwen', 'credentials.json');
const oauthReference = {source: 'file', provider: 'openclaw-qwen', id: '/profiles/qwen-portal:oauth/access'};

describe('saveOAuthSetup', () => {
	it('stores the tokens as qwen-portal:oauth and points the provider at the portal with its two models', async () => {
		const result = await saveOAuthSetup(home.paths, TOKENS, {env: home.env});
		expect(result.modelRef).toBe('qwen-portal/coder-model');

		const auth = readJson(ownFile());
		expect(auth.profiles[OAUTH_PROFILE_ID]).toEqual({type: 'oauth', provider: 'qwen-portal', access: 'fake-access-1', refresh: 'fake-refresh-1', expires: TOKENS.expires});
		expect(auth.profiles[API_KEY_PROFILE_ID]).toBeUndefined();
		expect(fs.statSync(ownFile()).mode & 0o777).toBe(0o600);
		expect(fs.existsSync(home.paths.authProfilesPath)).toBe(false);

		const config = readJson(home.paths.configPath);
		const provider = config.models.providers['qwen-portal'];
		expect(provider.baseUrl).toBe('https://portal.qwen.ai/v1');
		expect(provider.apiKey).toEqual(oauthReference);
		expect(provider.api).toBe('openai-completions');
		expect(provider.models).toEqual([
			{id: 'coder-model', name: 'Qwen Coder', reasoning: false, input: ['text'], contextWindow: 128_000, maxTokens: 8192, compat: {requiresStringContent: true}},
			{id: 'vision-model', name: 'Qwen Vision', reasoning: false, input: ['text', 'image'], contextWindow: 128_000, maxTokens: 8192},
		]);
		expect(config.agents.defaults.model.primary).toBe('qwen-portal/coder-model');
		expect(JSON.stringify(config)).not.toContain('qwen-plus');
		expect(JSON.stringify(config)).not.toContain('"alias"');
	});

	it('leaves an existing API-key profile and unrelated config keys alone', async () => {
		await writeAuthProfile(home.paths, API_KEY_PROFILE_ID, {type: 'api_key', provider: 'qwen-portal', key: KEY});
		await writeAuthProfile(home.paths, 'anthropic:default', {type: 'api_key', provider: 'anthropic', key: 'sk-test0000other'});
		fs.writeFileSync(home.paths.configPath, '// mine\n{gateway: {port: 18789}, models: {providers: {other: {baseUrl: "https://x.test"}}},}\n');

		const result = await saveOAuthSetup(home.paths, TOKENS, {env: home.env});
		expect(result.backupPath).toBeDefined();
		expect(readJson(home.paths.configPath).models.providers['qwen-portal'].apiKey).toBe('qwen-portal:oauth');
		const auth = readJson(home.paths.authProfilesPath);
		expect(auth.profiles[API_KEY_PROFILE_ID]).toEqual({type: 'api_key', provider: 'qwen-portal', key: KEY});
		expect(auth.profiles['anthropic:default'].key).toBe('sk-test0000other');
		const config = readJson(home.paths.configPath);
		expect(config.gateway).toEqual({port: 18789});
		expect(config.models.providers.other).toEqual({baseUrl: 'https://x.test'});
	});

	it('switching back to the API key restores the DashScope entry and keeps both profiles; OAuth again keeps the key', async () => {
		await saveOAuthSetup(home.paths, TOKENS, {env: home.env});
		await saveApiKeySetup(home.paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'}, {env: home.env});

		let config = readJson(home.paths.configPath);
		let provider = config.models.providers['qwen-portal'];
		expect(provider.baseUrl).toBe('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
		expect(provider.apiKey).toEqual({...oauthReference, id: '/profiles/qwen-portal:default/key'});
		expect(provider.models.map((model: {id: string}) => model.id)).not.toContain('coder-model');
		expect(config.agents.defaults.model.primary).toBe('qwen-portal/qwen3-coder-plus');
		let auth = readJson(ownFile());
		expect(Object.keys(auth.profiles).sort()).toEqual([API_KEY_PROFILE_ID, OAUTH_PROFILE_ID]);
		expect(auth.profiles[OAUTH_PROFILE_ID].access).toBe('fake-access-1');

		await saveOAuthSetup(home.paths, {...TOKENS, access: 'fake-access-2'}, {env: home.env});
		config = readJson(home.paths.configPath);
		provider = config.models.providers['qwen-portal'];
		expect(provider.apiKey).toEqual(oauthReference);
		expect(provider.models.map((model: {id: string}) => model.id)).toEqual(['coder-model', 'vision-model']);
		auth = readJson(ownFile());
		expect(auth.profiles[API_KEY_PROFILE_ID].key).toBe(KEY);
		expect(auth.profiles[OAUTH_PROFILE_ID].access).toBe('fake-access-2');
	});
});
