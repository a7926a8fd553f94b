import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {API_KEY_PROFILE_ID, OAUTH_PROFILE_ID} from '../../source/core/auth-profiles.js';
import {ConfigParseError} from '../../source/core/config-file.js';
import {loadEffectiveSetup, modelInEffect, type EffectiveSetup} from '../../source/core/credentials.js';
import {resolvePaths} from '../../source/core/paths.js';
import {REGIONS} from '../../source/core/regions.js';
import {saveApiKeySetup} from '../../source/core/setup.js';
import {freshTempHome} from '../support/fresh-temp-home.js';
import {makeAgentDb, makeStateDb} from '../support/openclaw-databases.js';

const ENV_KEY = 'sk-test0000env000000000000000000a';
const DASH_KEY = 'sk-test0000dash00000000000000000a';
const PROFILE_KEY = 'sk-test0000profile0000000000000a';
const LITERAL_KEY = 'sk-test0000literal0000000000000a';
const INTL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
const CN = 'https://dashscope.aliyuncs.com/compatible-mode/v1';

const temp = freshTempHome();

function configure(provider: Record<string, unknown>, primary?: string): void {
	temp.writeConfig({
		models: {providers: {'qwen-portal': provider}},
		...(primary ? {agents: {defaults: {model: {primary}}}} : {}),
	});
}

function profiles(entries: Record<string, unknown>): void {
	temp.writeAuthProfiles({version: 1, profiles: entries});
}

const apiKeyProfile = (key: string) => ({type: 'api_key', provider: 'qwen-portal', key});

/** The warnings' words (each also carries a code doctor filters by). */
const texts = (setup: EffectiveSetup) => setup.warnings.map(warning => warning.text);

describe('loadEffectiveSetup', () => {
	it('reports nothing configured for a fresh HOME, without warnings or files', () => {
		const setup = loadEffectiveSetup(temp.env);
		expect(setup).toEqual({
			paths: temp.paths,
			configExists: false,
			layout: expect.objectContaining({kind: 'empty', markers: [], legacyFiles: []}),
			modelAliases: {},
			baseUrl: INTL,
			baseUrlConfigured: false,
			requestBaseUrl: INTL,
			region: expect.objectContaining({id: 'intl'}),
			warnings: [],
		});
	});

	it('reads what a login saved: profile key, region and default model', async () => {
		await saveApiKeySetup(temp.paths, {regionId: 'cn', key: PROFILE_KEY, modelId: 'qwen3-coder-plus'}, {env: temp.env});
		const setup = loadEffectiveSetup(temp.env);
		expect(setup.credential).toEqual({
			key: PROFILE_KEY,
			source: {kind: 'profile', id: API_KEY_PROFILE_ID, store: {kind: 'own-file', file: `${temp.paths.stateDir}/openclaw-qwen/credentials.json`}},
			sourceLabel: 'profile qwen-portal:default (openclaw-qwen/credentials.json)',
			profileType: 'api_key',
		});
		expect(setup).toMatchObject({baseUrl: CN, baseUrlConfigured: true, requestBaseUrl: CN, defaultModel: 'qwen3-coder-plus'});
		expect(setup.region?.id).toBe('cn');
		expect(setup.warnings).toEqual([]);
	});

	it('prefers QWEN_API_KEY, then DASHSCOPE_API_KEY, then the profile', () => {
		configure({baseUrl: INTL, apiKey: 'profile:qwen-portal:default'});
		profiles({[API_KEY_PROFILE_ID]: apiKeyProfile(PROFILE_KEY)});
		const both = loadEffectiveSetup({...temp.env, QWEN_API_KEY: ENV_KEY, DASHSCOPE_API_KEY: DASH_KEY});
		expect(both.credential).toMatchObject({key: ENV_KEY, source: {kind: 'env', name: 'QWEN_API_KEY'}, sourceLabel: 'env QWEN_API_KEY'});
		const dash = loadEffectiveSetup({...temp.env, DASHSCOPE_API_KEY: DASH_KEY});
		expect(dash.credential).toMatchObject({key: DASH_KEY, source: {kind: 'env', name: 'DASHSCOPE_API_KEY'}});
		expect(loadEffectiveSetup(temp.env).credential?.key).toBe(PROFILE_KEY);
	});

	it('skips an env var that is set but empty, and says so', () => {
		configure({baseUrl: INTL, apiKey: 'profile:qwen-portal:default'});
		profiles({[API_KEY_PROFILE_ID]: apiKeyProfile(PROFILE_KEY)});
		const setup = loadEffectiveSetup({...temp.env, QWEN_API_KEY: '   '});
		expect(setup.credential?.source).toMatchObject({kind: 'profile', id: API_KEY_PROFILE_ID});
		expect(texts(setup)).toEqual([expect.stringContaining('QWEN_API_KEY is set but empty')]);
		expect(setup.warnings[0]?.code).toBe('env-empty');
	});

	it('cleans stray whitespace and quotes from an env key, with a warning that does not show the key', () => {
		const setup = loadEffectiveSetup({...temp.env, QWEN_API_KEY: ` "${ENV_KEY}"\n`});
		expect(setup.credential?.key).toBe(ENV_KEY);
		const cleaned = texts(setup).find(warning => warning.startsWith('QWEN_API_KEY has stray whitespace or quotes'));
		expect(cleaned).toBeDefined();
		expect(texts(setup).join('\n')).not.toContain(ENV_KEY);
	});

	it('keeps an env key that fails validation but warns why', () => {
		const setup = loadEffectiveSetup({...temp.env, QWEN_API_KEY: 'not-a-key'});
		expect(setup.credential?.key).toBe('not-a-key');
		expect(texts(setup).join('\n')).toMatch(/QWEN_API_KEY: .*start with "sk-"/);
	});

	it('assumes International when no baseUrl is configured, with the guide\'s note', () => {
		const setup = loadEffectiveSetup({...temp.env, QWEN_API_KEY: ENV_KEY});
		expect(setup).toMatchObject({baseUrl: INTL, baseUrlConfigured: false, region: {id: 'intl'}});
		const note = texts(setup).find(warning => warning.includes('You still need to set the correct baseUrl'));
		// Every region a key can come from, not just the two best known.
		for (const region of REGIONS) expect(note).toContain(`${region.label}: ${region.baseUrl}`);
	});

	it('follows the configured baseUrl, and sends requests to the region override', () => {
		configure({baseUrl: `${CN}/`, apiKey: LITERAL_KEY});
		const setup = loadEffectiveSetup({...temp.env, QWEN_CN_BASE_URL: 'http://127.0.0.1:9/cn'});
		expect(setup.region?.id).toBe('cn');
		expect(setup.baseUrl).toBe(`${CN}/`);
		expect(setup.requestBaseUrl).toBe('http://127.0.0.1:9/cn');
	});

	it('has no region for a custom gateway and sends requests there as is', () => {
		configure({baseUrl: 'https://gateway.example.com/v1', apiKey: LITERAL_KEY});
		const setup = loadEffectiveSetup(temp.env);
		expect(setup.region).toBeUndefined();
		expect(setup.requestBaseUrl).toBe('https://gateway.example.com/v1');
	});

	it('uses a literal apiKey in openclaw.json', () => {
		configure({baseUrl: INTL, apiKey: LITERAL_KEY});
		expect(loadEffectiveSetup(temp.env).credential).toEqual({
			key: LITERAL_KEY,
			source: {kind: 'literal'},
			sourceLabel: 'apiKey in openclaw.json',
		});
	});

	it('resolves profile:<id> for each credential type', () => {
		const future = Date.now() + 3_600_000;
		profiles({
			'qwen-portal:token': {type: 'token', provider: 'qwen-portal', token: 'tok-test-token'},
			[OAUTH_PROFILE_ID]: {type: 'oauth', provider: 'qwen-portal', access: 'at-test-access', refresh: 'rt', expires: future},
		});
		configure({baseUrl: INTL, apiKey: 'profile:qwen-portal:token'});
		expect(loadEffectiveSetup(temp.env).credential).toMatchObject({key: 'tok-test-token', profileType: 'token'});
		configure({baseUrl: 'https://portal.qwen.ai/v1', apiKey: `profile:${OAUTH_PROFILE_ID}`});
		const oauth = loadEffectiveSetup(temp.env);
		expect(oauth.credential).toMatchObject({key: 'at-test-access', profileType: 'oauth', source: {kind: 'profile', id: OAUTH_PROFILE_ID}});
		expect(oauth.warnings).toEqual([]);
	});

	it('warns when the referenced profile is missing', () => {
		configure({baseUrl: INTL, apiKey: 'profile:qwen-portal:default'});
		const noFile = loadEffectiveSetup(temp.env);
		expect(noFile.credential).toBeUndefined();
		expect(texts(noFile)).toEqual([expect.stringMatching(/"profile:qwen-portal:default".*no such profile in any key store \(there is none yet\).*models auth login/)]);
		profiles({'anthropic:work': {type: 'api_key', provider: 'anthropic', key: 'sk-test-other'}});
		expect(texts(loadEffectiveSetup(temp.env))).toEqual([expect.stringContaining('there is no such profile in auth-profiles.json')]);
	});

	it('does not ask for a new login when an OAuth access token expired (it is refreshed on use)', () => {
		profiles({[OAUTH_PROFILE_ID]: {type: 'oauth', provider: 'qwen-portal', access: 'at-old', refresh: 'rt', expires: 1}});
		configure({baseUrl: 'https://portal.qwen.ai/v1', apiKey: `profile:${OAUTH_PROFILE_ID}`});
		expect(loadEffectiveSetup(temp.env).warnings).toEqual([]);
	});

	it('warns about an expired bare token, which cannot be refreshed', () => {
		profiles({'qwen-portal:token': {type: 'token', provider: 'qwen-portal', token: 'tok-old', expires: 1}});
		configure({baseUrl: 'https://portal.qwen.ai/v1', apiKey: 'profile:qwen-portal:token'});
		expect(texts(loadEffectiveSetup(temp.env))).toEqual([expect.stringContaining('has expired')]);
	});

	it('falls back to the login profile when the provider has no apiKey', () => {
		configure({baseUrl: INTL});
		profiles({[API_KEY_PROFILE_ID]: apiKeyProfile(PROFILE_KEY)});
		expect(loadEffectiveSetup(temp.env).credential).toMatchObject({key: PROFILE_KEY, source: {kind: 'profile', id: API_KEY_PROFILE_ID}});
	});

	it('strips the provider from the default model, and ignores another provider\'s default', () => {
		configure({baseUrl: INTL}, 'qwen-portal/qwen-max');
		expect(loadEffectiveSetup(temp.env).defaultModel).toBe('qwen-max');
		configure({baseUrl: INTL}, 'anthropic/claude-x');
		expect(loadEffectiveSetup(temp.env).defaultModel).toBeUndefined();
	});

	it('throws ConfigParseError for an unparsable openclaw.json or auth-profiles.json', () => {
		temp.writeConfig('{ models: ');
		expect(() => loadEffectiveSetup(temp.env)).toThrow(ConfigParseError);
		configure({baseUrl: INTL, apiKey: 'profile:qwen-portal:default'});
		temp.writeAuthProfiles('{"profiles": {,}}');
		expect(() => loadEffectiveSetup(temp.env)).toThrow(ConfigParseError);
	});

	it('follows OPENCLAW_CONFIG_PATH and OPENCLAW_AGENT_DIR', async () => {
		const env = {...temp.env, OPENCLAW_CONFIG_PATH: '~/elsewhere/oc.json', OPENCLAW_AGENT_DIR: '~/agent2'};
		await saveApiKeySetup(resolvePaths(env), {regionId: 'intl', key: PROFILE_KEY, modelId: 'qwen-plus'}, {env});
		expect(loadEffectiveSetup(env).credential?.key).toBe(PROFILE_KEY);
		expect(loadEffectiveSetup(temp.env).credential).toBeUndefined();
	});
});

describe('apiKey as OpenClaw 2026.9 reads it', () => {
	it('takes a bare profile id as the profile, as OpenClaw does', () => {
		configure({baseUrl: INTL, apiKey: API_KEY_PROFILE_ID});
		profiles({[API_KEY_PROFILE_ID]: apiKeyProfile(PROFILE_KEY)});
		expect(loadEffectiveSetup(temp.env).credential).toMatchObject({key: PROFILE_KEY, source: {kind: 'profile', id: API_KEY_PROFILE_ID}});
	});

	it.each([
		['a known variable name', 'QWEN_API_KEY', 'QWEN_API_KEY'],
		['a ${VAR} template', '${MY_KEY}', 'MY_KEY'],
		['an env SecretRef', {source: 'env', provider: 'default', id: 'MY_KEY'}, 'MY_KEY'],
	])('reads %s from the environment', (_name, apiKey, variable) => {
		configure({baseUrl: INTL, apiKey});
		const env = {...temp.env, [variable]: ENV_KEY};
		// QWEN_API_KEY wins on its own anyway; DASHSCOPE_API_KEY and QWEN_API_KEY stay unset for the others.
		const setup = loadEffectiveSetup(env);
		expect(setup.credential?.key).toBe(ENV_KEY);
		if (variable !== 'QWEN_API_KEY') expect(setup.credential?.source).toEqual({kind: 'reference', name: variable});
	});

	it('says a referenced variable that is set but empty is empty, not unset', () => {
		configure({baseUrl: INTL, apiKey: '${MY_KEY}'});
		expect(texts(loadEffectiveSetup({...temp.env, MY_KEY: ''}))).toEqual([expect.stringContaining('MY_KEY is set but empty')]);
		expect(texts(loadEffectiveSetup(temp.env))).toEqual([expect.stringContaining('MY_KEY is not set')]);
	});

	it('reads a file SecretRef, whole or by JSON pointer', () => {
		const file = `${temp.home}/dashscope.key`;
		fs.writeFileSync(file, `${LITERAL_KEY}\n`, {mode: 0o600});
		temp.writeConfig({
			secrets: {providers: {keys: {source: 'file', path: file, mode: 'singleValue'}, doc: {source: 'file', path: `${temp.home}/keys.json`, mode: 'json'}}},
			models: {providers: {'qwen-portal': {baseUrl: INTL, apiKey: {source: 'file', provider: 'keys', id: 'value'}}}},
		});
		expect(loadEffectiveSetup(temp.env).credential).toMatchObject({key: LITERAL_KEY, source: {kind: 'file', file}});
		fs.writeFileSync(`${temp.home}/keys.json`, JSON.stringify({qwen: {apiKey: PROFILE_KEY}}), {mode: 0o600});
		const config = temp.readConfig() as any;
		config.models.providers['qwen-portal'].apiKey = {source: 'file', provider: 'doc', id: '/qwen/apiKey'};
		temp.writeConfig(config);
		expect(loadEffectiveSetup(temp.env).credential?.key).toBe(PROFILE_KEY);
	});

	it('names a SecretRef it cannot follow', () => {
		configure({baseUrl: INTL, apiKey: {source: 'file', provider: 'nowhere', id: 'value'}});
		expect(texts(loadEffectiveSetup(temp.env))).toEqual([expect.stringContaining('secrets provider "nowhere", which secrets.providers does not declare')]);
	});

	it('cleans a quoted key hand-written in a profile, as it cleans one from QWEN_API_KEY', () => {
		configure({baseUrl: INTL, apiKey: API_KEY_PROFILE_ID});
		profiles({[API_KEY_PROFILE_ID]: apiKeyProfile(`"${PROFILE_KEY}"`)});
		const setup = loadEffectiveSetup(temp.env);
		expect(setup.credential?.key).toBe(PROFILE_KEY);
		expect(texts(setup).join('\n')).toContain('stray whitespace or quotes');
		expect(texts(setup).join('\n')).not.toContain(PROFILE_KEY);
	});

	it("reads the key from OpenClaw's shared store, then its agent store, before the old JSON file", () => {
		configure({baseUrl: INTL, apiKey: API_KEY_PROFILE_ID});
		profiles({[API_KEY_PROFILE_ID]: apiKeyProfile(LITERAL_KEY)});
		makeStateDb(temp.paths.stateDir, {rows: {'auth.sharedStore': {location: 'state-db'}, 'authProfiles.store': {version: 1, profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(PROFILE_KEY)}}}});
		const shared = loadEffectiveSetup(temp.env);
		expect(shared.credential).toMatchObject({key: PROFILE_KEY, sourceLabel: 'profile qwen-portal:default (state/openclaw.sqlite)'});
		expect(shared.layout).toMatchObject({kind: 'openclaw', legacyFiles: [temp.paths.authProfilesPath]});
	});

	it("reads the main agent's store when OpenClaw keeps keys there", () => {
		makeStateDb(temp.paths.stateDir);
		makeAgentDb(temp.paths.agentDir, {store: {version: 1, profiles: {[API_KEY_PROFILE_ID]: apiKeyProfile(PROFILE_KEY)}}});
		expect(loadEffectiveSetup(temp.env).credential).toMatchObject({key: PROFILE_KEY, sourceLabel: 'profile qwen-portal:default (openclaw-agent.sqlite) (no apiKey in openclaw.json)'});
	});

	it("resolves the user's own aliases", () => {
		temp.writeConfig({agents: {defaults: {models: {'qwen-portal/qwen3-max': {alias: 'Max'}, 'anthropic/claude-x': {alias: 'claude'}}}}});
		expect(loadEffectiveSetup(temp.env).modelAliases).toEqual({max: 'qwen3-max'});
	});
});

describe('modelInEffect', () => {
	it('is the configured default model when there is one', () => {
		configure({baseUrl: INTL, apiKey: LITERAL_KEY}, 'qwen-portal/qwen-max');
		expect(modelInEffect(loadEffectiveSetup(temp.env))).toBe('qwen-max');
	});

	it('is the recommended model for a key, and the portal default under Qwen OAuth, when none is configured', () => {
		configure({baseUrl: INTL, apiKey: LITERAL_KEY});
		expect(modelInEffect(loadEffectiveSetup(temp.env))).toBe('qwen3-coder-plus');
		configure({baseUrl: 'https://portal.qwen.ai/v1', apiKey: `profile:${OAUTH_PROFILE_ID}`});
		profiles({[OAUTH_PROFILE_ID]: {type: 'oauth', provider: 'qwen-portal', access: 'test-access', refresh: 'test-refresh', expires: Date.UTC(2030, 0, 1)}});
		expect(modelInEffect(loadEffectiveSetup(temp.env))).toBe('coder-model');
	});
});
