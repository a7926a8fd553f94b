import fs from 'node:fs';
import path from 'node:path';
import JSON5 from 'json5';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID} from '../../source/core/auth-profiles.js';
import {ConfigParseError} from '../../source/core/config-file.js';
import {saveApiKeySetup, setDefaultModel} from '../../source/core/setup.js';
import {makeAgentDb, makeStateDb, readAgentStore, readMachineState} from '../support/openclaw-databases.js';
import {runFilesWriter} from '../support/run-files-writer.js';
import {fileMode} from '../support/temp-home.js';
import {freshTempHome} from '../support/fresh-temp-home.js';

const KEY = 'sk-test0000intl00000000000000000a';
const INTL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
const CN = 'https://dashscope.aliyuncs.com/compatible-mode/v1';
const OTHER_KEY = 'sk-test0000cn000000000000000000000b';

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

const save = (input: {regionId: 'intl' | 'cn'; key?: string; modelId: string}) =>
	saveApiKeySetup(temp.paths, {regionId: input.regionId, key: input.key ?? KEY, modelId: input.modelId}, {env: temp.env});

const ownFile = () => path.join(temp.paths.stateDir, 'openclaw-qwen', 'credentials.json');
const apiKeyProfile = (key: string) => ({type: 'api_key', provider: 'qwen-portal', key});

describe('saveApiKeySetup on a fresh state', () => {
	it('keeps the key in its own file that OpenClaw reads by reference, never a file that stops OpenClaw', async () => {
		const result = await save({regionId: 'intl', modelId: 'qwen3-coder-plus'});
		expect(result).toMatchObject({configPath: temp.paths.configPath, authProfilesPath: ownFile(), modelRef: 'qwen-portal/qwen3-coder-plus', region: {id: 'intl'}});
		expect(result.backupPath).toBeUndefined();
		const config = temp.readConfig() as Json;
		expect(config.models.providers['qwen-portal']).toMatchObject({
			baseUrl: INTL,
			apiKey: {source: 'file', provider: 'openclaw-qwen', id: '/profiles/qwen-portal:default/key'},
			api: 'openai-completions',
		});
		expect(config.secrets.providers['openclaw-qwen']).toEqual({source: 'file', path: ownFile(), mode: 'json'});
		expect(config.agents.defaults.model).toEqual({primary: 'qwen-portal/qwen3-coder-plus'});
		expect(config.agents.defaults.models['qwen-portal/qwen3-coder-plus']).toEqual({alias: 'qwen3-coder'});
		expect(config.agents.defaults.models['qwen-portal/qwen-coder-plus']).toEqual({alias: 'qwen-coder'});
		expect(config.agents.defaults.models['qwen-portal/qwen-plus']).toEqual({alias: 'qwen'});
		expect(JSON.parse(fs.readFileSync(ownFile(), 'utf8'))).toEqual({version: 1, profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(KEY)}});
		expect(fs.existsSync(temp.paths.authProfilesPath)).toBe(false);
		expect(fileMode(temp.paths.configPath)).toBe(0o600);
		expect(fileMode(ownFile())).toBe(0o600);
		for (const dir of [temp.paths.stateDir, path.dirname(ownFile())]) expect(fileMode(dir)).toBe(0o700);
		// The key lives only in the credentials file.
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).not.toContain(KEY);
	});

	it("lists the registry's current DashScope models with real limits, text models asking for string content", async () => {
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		const models = (temp.readConfig() as Json).models.providers['qwen-portal'].models as Json[];
		expect(models.map(model => model.id)).toEqual(['qwen3-coder-plus', 'qwen-coder-plus', 'qwen3-coder-flash', 'qwen3-max', 'qwen-max', 'qwen-plus', 'qwen3-vl-plus']);
		expect(models[0]).toEqual({
			id: 'qwen3-coder-plus',
			name: 'Qwen3 Coder Plus',
			reasoning: false,
			input: ['text'],
			contextWindow: 1_048_576,
			maxTokens: 65_536,
			compat: {requiresStringContent: true},
		});
		expect(models.find(model => model.id === 'qwen3-vl-plus')).toEqual({
			id: 'qwen3-vl-plus',
			name: 'Qwen3 Vision Plus',
			reasoning: true,
			input: ['text', 'image'],
			contextWindow: 262_144,
			maxTokens: 32_768,
		});
		expect(models.find(model => model.id === 'qwen-max')?.contextWindow).toBe(32_768);
	});

	it('uses the China limits and URL for a China key', async () => {
		await save({regionId: 'cn', modelId: 'qwen-max'});
		const provider = (temp.readConfig() as Json).models.providers['qwen-portal'];
		expect(provider.baseUrl).toBe(CN);
		expect(provider.models.find((model: Json) => model.id === 'qwen-max').contextWindow).toBe(131_072);
	});

	it('refuses a blank key', async () => {
		await expect(save({regionId: 'intl', key: '  ', modelId: 'qwen-plus'})).rejects.toThrow(/empty/);
		expect(fs.existsSync(temp.paths.stateDir)).toBe(false);
	});

	it('switches region on a second login without duplicating model entries, and keeps using its file', async () => {
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		await save({regionId: 'cn', key: OTHER_KEY, modelId: 'qwen-plus'});
		const provider = (temp.readConfig() as Json).models.providers['qwen-portal'];
		expect(provider.baseUrl).toBe(CN);
		expect(provider.models).toHaveLength(7);
		expect(JSON.parse(fs.readFileSync(ownFile(), 'utf8')).profiles[API_KEY_PROFILE_ID].key).toBe(OTHER_KEY);
	});

	it('names a key variable holding another key, which is used instead of the one saved', async () => {
		const withEnv = (env: Record<string, string>) =>
			saveApiKeySetup(temp.paths, {regionId: 'intl', key: KEY, modelId: 'qwen-plus'}, {env: {...temp.env, ...env}});
		expect((await withEnv({QWEN_API_KEY: OTHER_KEY})).overriddenBy).toBe('QWEN_API_KEY');
		expect((await withEnv({QWEN_API_KEY: ' ', DASHSCOPE_API_KEY: OTHER_KEY})).overriddenBy).toBe('DASHSCOPE_API_KEY');
		// The same key exported (the piped example): nothing to warn about.
		expect((await withEnv({DASHSCOPE_API_KEY: KEY})).overriddenBy).toBeUndefined();
		expect((await withEnv({})).overriddenBy).toBeUndefined();
	});

	it('says which files it wrote: both at first, neither for the same key and model again, only the one that changed after', async () => {
		expect(await save({regionId: 'intl', modelId: 'qwen-plus'})).toMatchObject({keyWritten: true, configWritten: true});
		const mtimes = () => [ownFile(), temp.paths.configPath].map(file => fs.statSync(file).mtimeMs);
		const before = mtimes();
		const again = await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect(again).toMatchObject({keyWritten: false, configWritten: false});
		expect(again.backupPath).toBeUndefined();
		expect(mtimes()).toEqual(before);
		expect(await save({regionId: 'intl', key: OTHER_KEY, modelId: 'qwen-plus'})).toMatchObject({keyWritten: true, configWritten: false});
		expect(await save({regionId: 'intl', key: OTHER_KEY, modelId: 'qwen3-max'})).toMatchObject({keyWritten: false, configWritten: true});
	});
});

describe("saveApiKeySetup on the guide's layout (auth-profiles.json)", () => {
	it('writes the key there, with an apiKey both programs read as the profile', async () => {
		temp.writeAuthProfiles({profiles: {'anthropic:work': {type: 'token', provider: 'anthropic', token: 'tok-test'}}});
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect(temp.readAuthProfiles()).toEqual({
			version: 1,
			profiles: {'anthropic:work': {type: 'token', provider: 'anthropic', token: 'tok-test'}, [API_KEY_PROFILE_ID]: apiKeyProfile(KEY)},
		});
		expect((temp.readConfig() as Json).models.providers['qwen-portal'].apiKey).toBe('qwen-portal:default');
		expect(fileMode(temp.paths.authProfilesPath)).toBe(0o600);
		expect(fs.existsSync(ownFile())).toBe(false);
	});

	it('leaves the OAuth profile alone', async () => {
		const oauth = {type: 'oauth', provider: 'qwen-portal', access: 'at-test', refresh: 'rt-test', expires: 1_767_225_600_000};
		temp.writeAuthProfiles({version: 1, profiles: {[OAUTH_PROFILE_ID]: oauth}});
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect((temp.readAuthProfiles() as Json).profiles[OAUTH_PROFILE_ID]).toEqual(oauth);
	});

	it("turns the guide's profile: apiKey into the profile id OpenClaw also reads", async () => {
		temp.writeConfig({models: {providers: {'qwen-portal': {baseUrl: INTL, apiKey: 'profile:qwen-portal:default', api: 'openai-completions'}}}});
		temp.writeAuthProfiles({profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(OTHER_KEY)}});
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect((temp.readConfig() as Json).models.providers['qwen-portal'].apiKey).toBe('qwen-portal:default');
		expect((temp.readAuthProfiles() as Json).profiles[API_KEY_PROFILE_ID].key).toBe(KEY);
	});
});

describe("saveApiKeySetup on OpenClaw 2026.9's state", () => {
	it("writes the key into its shared store, clears the profile's cool-down and registers the profile", async () => {
		makeStateDb(temp.paths.stateDir, {
			rows: {
				'auth.sharedStore': {location: 'state-db'},
				'authProfiles.store': {version: 1, profiles: {'openai:default': {type: 'api_key', provider: 'openai', key: 'sk-test0000openai'}}},
				'authProfiles.state': {version: 1, usageStats: {[API_KEY_PROFILE_ID]: {cooldownUntil: 1, cooldownReason: 'auth'}, 'openai:default': {errorCount: 0}}},
			},
		});
		temp.writeConfig({meta: {lastTouchedVersion: '2026.9.6', migrations: {modelPolicyAllowlist: true}}, gateway: {mode: 'local'}});
		const result = await save({regionId: 'intl', modelId: 'qwen3-max'});
		expect(result.keyStore).toContain("OpenClaw's state database");
		expect(readMachineState(temp.paths.stateDir, 'authProfiles.store')).toEqual({
			version: 1,
			profiles: {'openai:default': {type: 'api_key', provider: 'openai', key: 'sk-test0000openai'}, [API_KEY_PROFILE_ID]: apiKeyProfile(KEY)},
		});
		expect(readMachineState(temp.paths.stateDir, 'authProfiles.state')).toEqual({version: 1, usageStats: {'openai:default': {errorCount: 0}}});
		const config = temp.readConfig() as Json;
		expect(config.models.providers['qwen-portal'].apiKey).toBe('qwen-portal:default');
		expect(config.auth.profiles[API_KEY_PROFILE_ID]).toEqual({provider: 'qwen-portal', mode: 'api_key'});
		expect(config.meta).toEqual({lastTouchedVersion: '2026.9.6', migrations: {modelPolicyAllowlist: true}});
		expect(config.gateway).toEqual({mode: 'local'});
		expect(config.agents.defaults.modelPolicy.allow).toEqual(expect.arrayContaining(['qwen-portal/qwen3-max', 'qwen-portal/qwen3-coder-plus']));
		expect(fs.existsSync(temp.paths.authProfilesPath)).toBe(false);
	});

	it('claims the shared store on a state OpenClaw made but stored no key in yet', async () => {
		makeStateDb(temp.paths.stateDir);
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect(readMachineState(temp.paths.stateDir, 'auth.sharedStore')).toEqual({location: 'state-db'});
		expect(readMachineState(temp.paths.stateDir, 'authProfiles.store')).toEqual({version: 1, profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(KEY)}});
	});

	it("writes the main agent's store when OpenClaw still keeps its keys there", async () => {
		makeStateDb(temp.paths.stateDir);
		makeAgentDb(temp.paths.agentDir, {store: {version: 1, profiles: {'openai:default': {type: 'api_key', provider: 'openai', key: 'sk-x'}}}});
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect(readAgentStore(temp.paths.agentDir)).toEqual({
			version: 1,
			profiles: {'openai:default': {type: 'api_key', provider: 'openai', key: 'sk-x'}, [API_KEY_PROFILE_ID]: apiKeyProfile(KEY)},
		});
		expect(readMachineState(temp.paths.stateDir, 'auth.sharedStore')).toBeUndefined();
	});

	it('keeps the old JSON file OpenClaw has yet to migrate in step, and says it needs migrating', async () => {
		makeStateDb(temp.paths.stateDir, {rows: {'auth.sharedStore': {location: 'state-db'}}});
		temp.writeAuthProfiles({profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(OTHER_KEY)}});
		const result = await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect((readMachineState(temp.paths.stateDir, 'authProfiles.store') as Json).profiles[API_KEY_PROFILE_ID].key).toBe(KEY);
		expect((temp.readAuthProfiles() as Json).profiles[API_KEY_PROFILE_ID].key).toBe(KEY);
		expect(result.notes?.join(' ')).toContain('openclaw doctor --fix --non-interactive');
	});

	it('removes a profile OpenClaw made from the guide\'s profile: text', async () => {
		makeStateDb(temp.paths.stateDir, {
			rows: {
				'auth.sharedStore': {location: 'state-db'},
				'authProfiles.store': {version: 1, profiles: {'qwen-portal:models-json': {type: 'api_key', provider: 'qwen-portal', key: 'profile:qwen-portal:default'}}},
			},
		});
		await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect(Object.keys((readMachineState(temp.paths.stateDir, 'authProfiles.store') as Json).profiles)).toEqual([API_KEY_PROFILE_ID]);
	});

	it.each([
		['a newer state database', () => makeStateDb(temp.paths.stateDir, {userVersion: 19}), /newer OpenClaw/],
		['a newer agent database', () => {
			makeStateDb(temp.paths.stateDir);
			makeAgentDb(temp.paths.agentDir, {userVersion: 24, store: {version: 1, profiles: {}}});
		}, /newer OpenClaw/],
		['an externally supervised state', () => makeStateDb(temp.paths.stateDir, {rows: {'gateway.supervision': {id: 'ops'}}}), /external supervisor/],
	])('refuses to write %s, naming it, and changes nothing', async (_name, make, message) => {
		make();
		temp.writeConfig('{"gateway": {"port": 1}}');
		await expect(save({regionId: 'intl', modelId: 'qwen-plus'})).rejects.toThrow(message);
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe('{"gateway": {"port": 1}}');
		expect(fs.existsSync(ownFile())).toBe(false);
	});
});

describe("someone else's settings stay theirs", () => {
	it('keeps every value of a hand-edited JSON5 config except the keys it owns, and backs up the original bytes', async () => {
		temp.writeConfig(HAND_EDITED);
		const result = await save({regionId: 'intl', modelId: 'qwen3-coder-plus'});
		expect(result.backupPath).toBe(`${temp.paths.configPath}.bak`);
		expect(fs.readFileSync(result.backupPath!, 'utf8')).toBe(HAND_EDITED);
		expect(fileMode(result.backupPath!)).toBe(0o600);
		expect(result.replacedDefault).toBe('anthropic/claude-x');
		// The user's QWEN (on coder-model) keeps its place: the guide's `qwen` is not taken from it.
		expect(result.skippedAliases).toEqual([{alias: 'qwen', takenBy: 'qwen-portal/coder-model'}]);

		const after = temp.readConfig() as Json;
		const expected = JSON5.parse<Json>(HAND_EDITED);
		const provider = expected.models.providers['qwen-portal'];
		// The OAuth portal's URL was ours: an API key goes to the region.
		Object.assign(provider, {baseUrl: INTL, apiKey: after.models.providers['qwen-portal'].apiKey, api: 'openai-completions'});
		// Registry entries replace same-id ones (keeping their extra fields), portal models go, hand-added ones stay.
		provider.models = after.models.providers['qwen-portal'].models;
		expected.secrets = after.secrets;
		expected.agents.defaults.model.primary = 'qwen-portal/qwen3-coder-plus';
		const allowed = expected.agents.defaults.models;
		for (const [id, alias] of [['qwen3-coder-plus', 'qwen3-coder'], ['qwen-coder-plus', 'qwen-coder'], ['qwen3-coder-flash'], ['qwen3-max'], ['qwen-max'], ['qwen3-vl-plus']]) {
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
			compat: {requiresStringContent: true},
			cost: {input: 0.4, output: 1.2},
		});
		expect(models.at(-1)).toEqual({id: 'qwen3.5-plus', name: 'Qwen3.5 Plus'});
		expect(models.some(model => model.id === 'coder-model')).toBe(false);
	});

	it("keeps a user's alias on one of our models, and an alias another provider has", async () => {
		temp.writeConfig({agents: {defaults: {models: {'qwen-portal/qwen-plus': {alias: 'myplus'}, 'openrouter/qwen/qwen3-coder': {alias: 'Qwen3-Coder'}}}}});
		const result = await save({regionId: 'intl', modelId: 'qwen-plus'});
		const models = (temp.readConfig() as Json).agents.defaults.models;
		expect(models['qwen-portal/qwen-plus']).toEqual({alias: 'myplus'});
		expect(models['qwen-portal/qwen3-coder-plus']).toEqual({});
		expect(models['openrouter/qwen/qwen3-coder']).toEqual({alias: 'Qwen3-Coder'});
		expect(result.skippedAliases).toEqual([{alias: 'qwen3-coder', takenBy: 'openrouter/qwen/qwen3-coder'}]);
	});

	it.each([
		['a gateway of their own', 'https://llm-gateway.example.com/dashscope/v1', 'https://llm-gateway.example.com/dashscope/v1'],
		['a ${VAR} placeholder', '${MY_DASHSCOPE_URL}', '${MY_DASHSCOPE_URL}'],
		["the same region's URL", INTL, INTL],
		["another region's URL (the key would not work there)", CN, INTL],
	])('keeps %s as baseUrl unless the region changes', async (_name, before, after) => {
		temp.writeConfig({models: {providers: {'qwen-portal': {baseUrl: before}}}});
		const result = await save({regionId: 'intl', modelId: 'qwen-plus'});
		expect((temp.readConfig() as Json).models.providers['qwen-portal'].baseUrl).toBe(after);
		expect(result.keptBaseUrl).toBe(after === before && before !== INTL ? before : undefined);
	});

	it('keeps modelPolicy.allow in step when the state uses it, and leaves an allow-all list alone', async () => {
		temp.writeConfig({agents: {defaults: {modelPolicy: {allow: ['anthropic/claude-x']}}}});
		await save({regionId: 'intl', modelId: 'qwen3-max'});
		const allow = (temp.readConfig() as Json).agents.defaults.modelPolicy.allow as string[];
		expect(allow[0]).toBe('anthropic/claude-x');
		expect(allow).toEqual(expect.arrayContaining(['qwen-portal/qwen3-max', 'qwen-portal/qwen-plus']));

		temp.writeConfig({agents: {defaults: {modelPolicy: {allow: ['qwen-portal/*']}}}});
		await save({regionId: 'intl', modelId: 'qwen3-max'});
		expect((temp.readConfig() as Json).agents.defaults.modelPolicy.allow).toEqual(['qwen-portal/*']);
	});

	it('refuses an unparsable openclaw.json before saving the key anywhere', async () => {
		const original = '{ models: { providers: { "qwen-portal": { baseUrl: "x" } }\n';
		temp.writeConfig(original);
		await expect(save({regionId: 'intl', modelId: 'qwen-plus'})).rejects.toBeInstanceOf(ConfigParseError);
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(original);
		expect(fs.existsSync(temp.paths.authProfilesPath)).toBe(false);
		expect(fs.existsSync(ownFile())).toBe(false);
	});
});

describe('setDefaultModel', () => {
	it('changes only agents.defaults.model.primary, keeping fallbacks and the rest', async () => {
		temp.writeConfig(HAND_EDITED);
		const result = await setDefaultModel(temp.paths, 'qwen3-max', {env: temp.env});
		expect(result.modelRef).toBe('qwen-portal/qwen3-max');
		expect(result.previous).toBe('anthropic/claude-x');
		const expected = JSON5.parse<Json>(HAND_EDITED);
		expected.agents.defaults.model.primary = 'qwen-portal/qwen3-max';
		expected.agents.defaults.models['qwen-portal/qwen3-max'] = {};
		expect(temp.readConfig()).toEqual(expected);
	});

	it('accepts a full ref and writes nothing when it is already the default', async () => {
		temp.writeConfig('{agents: {defaults: {model: {primary: "qwen-portal/qwen-plus"}, models: {"qwen-portal/qwen-plus": {}}}}}');
		const before = fs.readFileSync(temp.paths.configPath, 'utf8');
		const result = await setDefaultModel(temp.paths, 'qwen-portal/qwen-plus', {env: temp.env});
		expect(result).toEqual({configPath: temp.paths.configPath, modelRef: 'qwen-portal/qwen-plus', previous: 'qwen-portal/qwen-plus'});
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(before);
	});

	it('replaces the bare string form of agents.defaults.model', async () => {
		temp.writeConfig({agents: {defaults: {model: 'anthropic/claude-x'}}});
		await setDefaultModel(temp.paths, 'qwen-plus', {env: temp.env});
		expect((temp.readConfig() as Json).agents.defaults.model).toEqual({primary: 'qwen-portal/qwen-plus'});
	});
});

describe('two processes at once', () => {
	it('a login and a burst of other updates all land', async () => {
		temp.writeConfig(HAND_EDITED);
		const writer = (...args: string[]) => runFilesWriter(args, {env: {...temp.env, WRITER_KEY: KEY}});
		await Promise.all([writer('login', 'cn', 'qwen3-coder-plus'), writer('mark', 'other', '10'), writer('model', 'qwen3-max')]);
		const after = temp.readConfig() as Json;
		expect(after.models.providers['qwen-portal'].baseUrl).toBe(CN);
		expect(Object.keys(after.writers.other)).toHaveLength(10);
		expect(['qwen-portal/qwen3-coder-plus', 'qwen-portal/qwen3-max']).toContain(after.agents.defaults.model.primary);
		expect(after.channels).toEqual({telegram: {enabled: false}});
		expect(JSON.parse(fs.readFileSync(ownFile(), 'utf8')).profiles[API_KEY_PROFILE_ID].key).toBe(KEY);
	});
});
