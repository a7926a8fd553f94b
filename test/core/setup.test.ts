import fs from 'node:fs';
import path from 'node:path';
import JSON5 from 'json5';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID} from '../../source/core/auth-profiles.js';
import {ConfigParseError} from '../../source/core/config-file.js';
import {saveApiKeySetup, setDefaultModel} from '../../source/core/setup.js';
import {runFilesWriter} from '../support/run-files-writer.js';
import {fileMode} from '../support/temp-home.js';
import {freshTempHome} from '../support/fresh-temp-home.js';

const KEY = 'sk-test0000intl00000000000000000a';
const INTL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
const CN = 'https://dashscope.aliyuncs.com/compatible-mode/v1';

// A config a real user might have: comments, trailing commas, unquoted keys,
// another provider, fields of their own inside the qwen-portal entry.
const HAND_EDITED = `// OpenClaw config, hand-edited
{
  gateway: { port: 18789, auth: { mode: 'token', }, },
  models: {
    mode: 'merge',
    providers: {
      anthropic: {
        baseUrl: 'https://api.anthropic.com',
        apiKey: 'profile:anthropic:work',
        models: [{ id: 'claude-x', name: 'Claude X' },],
      },
      'qwen-portal': {
        baseUrl: 'https://portal.qwen.ai/v1', // was the OAuth portal
        headers: { 'X-Team': 'dev' },
        models: [
          { id: 'qwen3.5-plus', name: 'Qwen3.5 Plus' },
          { id: 'qwen-plus', name: 'Old name', cost: { input: 0.4, output: 1.2 } },
          { id: 'coder-model', name: 'Qwen Coder' },
        ],
      },
    },
  },
  agents: {
    defaults: {
      model: { primary: 'anthropic/claude-x', fallbacks: ['qwen-portal/qwen-plus'], },
      models: {
        'anthropic/claude-x': { alias: 'claude' },
        'qwen-portal/qwen-plus': { params: { temperature: 0.2 } },
        'qwen-portal/coder-model': { alias: 'QWEN' },
      },
      workspace: '~/work',
    },
    list: [{ id: 'main' }],
  },
  channels: { telegram: { enabled: false } },
}
`;

const temp = freshTempHome();

type Json = Record<string, any>;

describe('saveApiKeySetup', () => {
	it('writes the seed\'s files for a fresh user', async () => {
		const result = await saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'});
		expect(result).toMatchObject({
			configPath: temp.paths.configPath,
			authProfilesPath: temp.paths.authProfilesPath,
			modelRef: 'qwen-portal/qwen3-coder-plus',
			region: {id: 'intl'},
		});
		expect(result.backupPath).toBeUndefined();
		const config = temp.readConfig() as Json;
		const provider = config.models.providers['qwen-portal'];
		expect(provider).toMatchObject({baseUrl: INTL, apiKey: 'profile:qwen-portal:default', api: 'openai-completions'});
		expect(config.agents.defaults.model).toEqual({primary: 'qwen-portal/qwen3-coder-plus'});
		expect(config.agents.defaults.models['qwen-portal/qwen3-coder-plus']).toEqual({alias: 'qwen3-coder'});
		expect(config.agents.defaults.models['qwen-portal/qwen-coder-plus']).toEqual({alias: 'qwen-coder'});
		expect(config.agents.defaults.models['qwen-portal/qwen-plus']).toEqual({alias: 'qwen'});
		expect(temp.readAuthProfiles()).toEqual({
			version: 1,
			profiles: {[API_KEY_PROFILE_ID]: {type: 'api_key', provider: 'qwen-portal', key: KEY}},
		});
		expect(fileMode(temp.paths.configPath)).toBe(0o600);
		expect(fileMode(temp.paths.authProfilesPath)).toBe(0o600);
		for (const dir of [temp.paths.stateDir, path.join(temp.paths.stateDir, 'agents'), temp.paths.agentDir]) {
			expect(fileMode(dir)).toBe(0o700);
		}
		// The key lives only in auth-profiles.json.
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).not.toContain(KEY);
	});

	it('lists the registry\'s current DashScope models with real limits, so `openclaw config validate` accepts them', async () => {
		await saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen-plus'});
		const models = (temp.readConfig() as Json).models.providers['qwen-portal'].models as Json[];
		expect(models.map(model => model.id)).toEqual([
			'qwen3-coder-plus',
			'qwen-coder-plus',
			'qwen3-coder-flash',
			'qwen3-max',
			'qwen-max',
			'qwen-plus',
			'qwen3-vl-plus',
		]);
		expect(models[0]).toEqual({
			id: 'qwen3-coder-plus',
			name: 'Qwen3 Coder Plus',
			reasoning: false,
			input: ['text'],
			contextWindow: 1_048_576,
			maxTokens: 65_536,
		});
		expect(models.find(model => model.id === 'qwen3-vl-plus')).toMatchObject({input: ['text', 'image'], reasoning: true});
		expect(models.find(model => model.id === 'qwen-max')?.contextWindow).toBe(32_768);
		for (const model of models) {
			expect(model).toEqual({
				id: expect.any(String),
				name: expect.any(String),
				reasoning: expect.any(Boolean),
				input: expect.any(Array),
				contextWindow: expect.any(Number),
				maxTokens: expect.any(Number),
			});
		}
	});

	it('uses the China limits and URL for a China key', async () => {
		await saveApiKeySetup(temp.paths, {regionId: 'cn', key: KEY, modelId: 'qwen-max'});
		const provider = (temp.readConfig() as Json).models.providers['qwen-portal'];
		expect(provider.baseUrl).toBe(CN);
		expect(provider.models.find((model: Json) => model.id === 'qwen-max').contextWindow).toBe(131_072);
	});

	it('keeps every value of a hand-edited JSON5 config except the keys it owns, and backs up the original bytes', async () => {
		temp.writeConfig(HAND_EDITED);
		const result = await saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen3-coder-plus'});
		expect(result.backupPath).toBe(`${temp.paths.configPath}.bak`);
		expect(fs.readFileSync(result.backupPath!, 'utf8')).toBe(HAND_EDITED);
		expect(fileMode(result.backupPath!)).toBe(0o600);

		const after = temp.readConfig() as Json;
		const expected = JSON5.parse<Json>(HAND_EDITED);
		const provider = expected.models.providers['qwen-portal'];
		Object.assign(provider, {baseUrl: INTL, apiKey: 'profile:qwen-portal:default', api: 'openai-completions'});
		// Registry entries replace same-id ones (keeping their extra fields), portal models go, hand-added ones stay.
		provider.models = after.models.providers['qwen-portal'].models;
		expected.agents.defaults.model.primary = 'qwen-portal/qwen3-coder-plus';
		const allowed = expected.agents.defaults.models;
		allowed['qwen-portal/qwen-plus'].alias = 'qwen';
		delete allowed['qwen-portal/coder-model'].alias; // 'QWEN' would clash with qwen → qwen-plus
		for (const [id, alias] of [
			['qwen3-coder-plus', 'qwen3-coder'],
			['qwen-coder-plus', 'qwen-coder'],
			['qwen3-coder-flash'],
			['qwen3-max'],
			['qwen-max'],
			['qwen3-vl-plus'],
		]) {
			allowed[`qwen-portal/${id}`] = alias ? {alias} : {};
		}
		expect(after).toEqual(expected);

		const models = provider.models as Json[];
		expect(models.find(model => model.id === 'qwen-plus')).toEqual({
			id: 'qwen-plus',
			name: 'Qwen Plus',
			reasoning: true,
			input: ['text'],
			contextWindow: 1_000_000,
			maxTokens: 32_768,
			cost: {input: 0.4, output: 1.2},
		});
		expect(models.at(-1)).toEqual({id: 'qwen3.5-plus', name: 'Qwen3.5 Plus'});
		expect(models.some(model => model.id === 'coder-model')).toBe(false);
	});

	it('leaves the OAuth profile alone', async () => {
		const oauth = {type: 'oauth', provider: 'qwen-portal', access: 'at-test', refresh: 'rt-test', expires: 1_767_225_600_000};
		temp.writeAuthProfiles({version: 1, profiles: {[OAUTH_PROFILE_ID]: oauth}});
		await saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen-plus'});
		expect((temp.readAuthProfiles() as Json).profiles[OAUTH_PROFILE_ID]).toEqual(oauth);
	});

	it('refuses an unparsable openclaw.json before saving the key anywhere', async () => {
		const original = '{ models: { providers: { "qwen-portal": { baseUrl: "x" } }\n';
		temp.writeConfig(original);
		await expect(saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen-plus'})).rejects.toBeInstanceOf(
			ConfigParseError,
		);
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(original);
		expect(fs.existsSync(temp.paths.authProfilesPath)).toBe(false);
	});

	it('refuses a blank key', async () => {
		await expect(saveApiKeySetup(temp.paths, {regionId: 'intl', key: '  ', modelId: 'qwen-plus'})).rejects.toThrow(/empty/);
		expect(fs.existsSync(temp.paths.stateDir)).toBe(false);
	});

	it('switches region on a second login without duplicating model entries', async () => {
		await saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen-plus'});
		await saveApiKeySetup(temp.paths, {regionId: 'cn', key: KEY, modelId: 'qwen-plus'});
		const provider = (temp.readConfig() as Json).models.providers['qwen-portal'];
		expect(provider.baseUrl).toBe(CN);
		expect(provider.models).toHaveLength(7);
	});
});

describe('setDefaultModel', () => {
	it('changes only agents.defaults.model.primary, keeping fallbacks and the rest', async () => {
		temp.writeConfig(HAND_EDITED);
		const result = await setDefaultModel(temp.paths, 'qwen3-max');
		expect(result.modelRef).toBe('qwen-portal/qwen3-max');
		const expected = JSON5.parse<Json>(HAND_EDITED);
		expected.agents.defaults.model.primary = 'qwen-portal/qwen3-max';
		expected.agents.defaults.models['qwen-portal/qwen3-max'] = {};
		expect(temp.readConfig()).toEqual(expected);
	});

	it('accepts a full ref and writes nothing when it is already the default', async () => {
		temp.writeConfig('{agents: {defaults: {model: {primary: "qwen-portal/qwen-plus"}, models: {"qwen-portal/qwen-plus": {}}}}}');
		const before = fs.readFileSync(temp.paths.configPath, 'utf8');
		const result = await setDefaultModel(temp.paths, 'qwen-portal/qwen-plus');
		expect(result).toEqual({configPath: temp.paths.configPath, modelRef: 'qwen-portal/qwen-plus'});
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(before);
	});

	it('replaces the bare string form of agents.defaults.model', async () => {
		temp.writeConfig({agents: {defaults: {model: 'anthropic/claude-x'}}});
		await setDefaultModel(temp.paths, 'qwen-plus');
		expect((temp.readConfig() as Json).agents.defaults.model).toEqual({primary: 'qwen-portal/qwen-plus'});
	});
});

describe('two processes at once', () => {
	it('a login and a burst of other updates both land', async () => {
		temp.writeConfig(HAND_EDITED);
		const writer = (...args: string[]) =>
			runFilesWriter(args, {env: {...temp.env, WRITER_KEY: KEY}});
		await Promise.all([writer('login', 'cn', 'qwen3-coder-plus'), writer('mark', 'other', '10'), writer('model', 'qwen3-max')]);
		const after = temp.readConfig() as Json;
		expect(after.models.providers['qwen-portal'].baseUrl).toBe(CN);
		expect(Object.keys(after.writers.other)).toHaveLength(10);
		expect(['qwen-portal/qwen3-coder-plus', 'qwen-portal/qwen3-max']).toContain(after.agents.defaults.model.primary);
		expect(after.channels).toEqual({telegram: {enabled: false}});
		expect((temp.readAuthProfiles() as Json).profiles[API_KEY_PROFILE_ID].key).toBe(KEY);
	});
});
