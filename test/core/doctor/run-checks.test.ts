import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runDoctorChecks, type DoctorReport} from '../../../source/core/doctor/run-checks.js';
import {saveApiKeySetup} from '../../../source/core/setup.js';
import {closedPort} from '../../support/closed-port.js';
import {TEST_KEYS} from '../../support/fake-dashscope.js';
import {freshFakeDashScopeHome} from '../../support/fresh-fake-dashscope-home.js';
import {makeStateDb} from '../../support/openclaw-databases.js';

const {fake, home} = freshFakeDashScopeHome();

function check(report: DoctorReport, id: string) {
	const found = report.checks.find(candidate => candidate.id === id);
	if (!found) throw new Error(`no check ${id} in ${report.checks.map(candidate => candidate.id).join(', ')}`);
	return found;
}

function problems(report: DoctorReport): string[] {
	return report.checks.filter(candidate => candidate.status === 'problem').map(candidate => candidate.id);
}

/** A login on the guide's layout (auth-profiles.json), as these checks were written around. */
async function setUp(regionId: 'intl' | 'cn', key: string, modelId = 'qwen3-coder-plus') {
	home.writeAuthProfiles({version: 1, profiles: {}});
	await saveApiKeySetup(home.paths, {regionId, key, modelId}, {env: home.env});
}

function snapshot(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const file of [home.paths.configPath, home.paths.authProfilesPath]) {
		if (fs.existsSync(file)) files[file] = `${fs.statSync(file).mode.toString(8)}:${fs.readFileSync(file, 'utf8')}`;
	}

	return files;
}

describe('doctor on a healthy setup', () => {
	it('reports every check ok and only asks GET /models', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const report = await runDoctorChecks({env: home.env});
		expect(problems(report)).toEqual([]);
		expect(report.ok).toBe(true);
		expect(check(report, 'region.key').title).toBe('Key accepted by International (Singapore)');
		expect(check(report, 'model.available').title).toBe('qwen3-coder-plus is served by International (Singapore)');
		expect(fake.requests.every(request => request.method === 'GET' && request.path.endsWith('/models'))).toBe(true);
	});

	it('changes no file', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const before = snapshot();
		await runDoctorChecks({env: home.env});
		expect(snapshot()).toEqual(before);
	});
});

describe('an invalid API key', () => {
	it('names a key without the sk- prefix as malformed without asking the service', async () => {
		await setUp('intl', TEST_KEYS.intl);
		home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: 'test0000intl0000000000000000000000'}}});
		const report = await runDoctorChecks({env: home.env});
		const format = check(report, 'credential.format');
		expect(format.status).toBe('problem');
		expect(format.title).toBe('The API key is malformed');
		expect(format.detail).toContain('start with "sk-"');
		expect(format.nextStep).toContain('openclaw models auth login --provider qwen-portal');
		expect(fake.requests).toEqual([]);
	});

	it('names a well-formed key that no region accepts as expired or mistyped', async () => {
		await setUp('intl', 'sk-test0000gone00000000000000000000');
		const report = await runDoctorChecks({env: home.env});
		const region = check(report, 'region.key');
		expect(region.status).toBe('problem');
		expect(region.title).toBe('The key is rejected by every region (Invalid API key)');
		expect(region.detail).toContain('401');
		expect(region.detail).toContain('not a region mix-up');
		// A saved key is replaced by logging in again.
		expect(region.nextStep).toContain('openclaw models auth login --provider qwen-portal');
		// The configured region and the three others were asked.
		expect(new Set(fake.requests.map(request => request.region))).toEqual(new Set(['intl', 'cn', 'us', 'hk']));
	});

	it('names QWEN_API_KEY as where a rejected key comes from, since logging in again would not replace it', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const report = await runDoctorChecks({env: {...home.env, QWEN_API_KEY: 'sk-test0000gone00000000000000000000'}});
		const region = check(report, 'region.key');
		expect(region.title).toBe('The key is rejected by every region (Invalid API key)');
		expect(region.nextStep).toContain('The key comes from $QWEN_API_KEY');
		expect(region.nextStep).toContain('export QWEN_API_KEY="sk-…"');
		expect(region.nextStep).not.toContain('models auth login');
	});

	it('names a Coding Plan key on the pay-as-you-go endpoint', async () => {
		await setUp('intl', 'sk-sp-test0000intl0000000000000000');
		const report = await runDoctorChecks({env: home.env});
		const format = check(report, 'credential.format');
		expect(format.status).toBe('problem');
		expect(format.title).toBe('Coding Plan key (sk-sp-) on a pay-as-you-go endpoint');
		expect(format.detail).toContain('https://dashscope-intl.aliyuncs.com/compatible-mode/v1');
	});
});

describe('a key for the wrong region', () => {
	it('names the region a China key belongs to when the config says International', async () => {
		await setUp('intl', TEST_KEYS.cn);
		const report = await runDoctorChecks({env: home.env});
		const region = check(report, 'region.key');
		expect(region.status).toBe('problem');
		expect(region.title).toBe('The key belongs to China (Beijing), not International (Singapore) (Wrong region)');
		expect(region.detail).toContain('NOT interchangeable');
		expect(region.nextStep).toContain('openclaw models auth login --provider qwen-portal --region cn');
	});

	it('suggests the baseUrl edit first when the key comes from QWEN_API_KEY', async () => {
		await setUp('cn', TEST_KEYS.cn);
		const report = await runDoctorChecks({env: {...home.env, QWEN_API_KEY: TEST_KEYS.us}});
		const region = check(report, 'region.key');
		expect(region.title).toContain('belongs to US (Virginia), not China (Beijing)');
		expect(region.nextStep).toMatch(/^Set models\.providers\.qwen-portal\.baseUrl to https:\/\/dashscope-us\.aliyuncs\.com\/compatible-mode\/v1/);
	});

	it('reports an unreachable host as such, not as a key problem', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const port = await closedPort();
		const report = await runDoctorChecks({
			env: {...home.env, QWEN_INTL_BASE_URL: `http://127.0.0.1:${port}/intl/compatible-mode/v1`},
		});
		const region = check(report, 'region.key');
		expect(region.status).toBe('problem');
		expect(region.title).toBe(`Cannot reach International (Singapore) (127.0.0.1:${port}): Connection refused`);
		// The variable that sent the request there.
		expect(region.nextStep).toContain('QWEN_INTL_BASE_URL');
	});
});

describe('a service that never answers', () => {
	it('reports a timeout as unreachable instead of hanging', async () => {
		await setUp('intl', TEST_KEYS.intl);
		fake.enqueueModels({kind: 'hang'});
		const report = await runDoctorChecks({env: home.env, timeoutMs: 300});
		const region = check(report, 'region.key');
		expect(region.status).toBe('problem');
		expect(region.title).toContain('Cannot reach International (Singapore)');
		expect(region.title).toMatch(/timed out/i);
	});
});

describe('a model not found', () => {
	it('names a region-prefixed default model and the id to use', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const config = home.readConfig() as {agents: {defaults: {model: {primary: string}}}};
		config.agents.defaults.model.primary = 'qwen-portal/qwen.qwen-plus';
		home.writeConfig(config);
		const report = await runDoctorChecks({env: home.env});
		const model = check(report, 'config.default-model');
		expect(model.status).toBe('problem');
		expect(model.title).toBe('The default model "qwen-portal/qwen.qwen-plus" will not be found');
		expect(model.nextStep).toBe('Run `openclaw models set qwen-plus`.');
		// Said once, not again by the availability check.
		expect(report.checks.some(candidate => candidate.id === 'model.available')).toBe(false);
	});

	it('names a Bedrock-style id in the provider models list', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const config = home.readConfig() as {models: {providers: {'qwen-portal': {models: Array<{id: string}>}}}};
		config.models.providers['qwen-portal'].models.push({id: 'qwen.qwen3-coder-30b-a3b-v1:0'});
		home.writeConfig(config);
		const report = await runDoctorChecks({env: home.env});
		const ids = check(report, 'config.model-ids');
		expect(ids.status).toBe('problem');
		expect(ids.detail).toContain('qwen.qwen3-coder-30b-a3b-v1:0');
		expect(ids.detail).toContain('Bedrock');
	});

	it('names a default model the region does not serve', async () => {
		await setUp('intl', TEST_KEYS.intl, 'qwen-coder-plus');
		const report = await runDoctorChecks({env: home.env});
		const available = check(report, 'model.available');
		expect(available.status).toBe('problem');
		expect(available.title).toBe('qwen-coder-plus is not served by International (Singapore) (Model not found)');
		expect(available.detail).toContain('qwen3-coder-plus');
		expect(available.nextStep).toContain('openclaw models list');
	});

	it('names a retired default model with its replacement', async () => {
		await setUp('intl', TEST_KEYS.intl, 'qwen-turbo');
		const report = await runDoctorChecks({env: home.env});
		const available = check(report, 'model.available');
		expect(available.status).toBe('problem');
		expect(available.title).toContain('retired');
		expect(available.nextStep).toBe('Run `openclaw models set qwen-flash`.');
	});
});

describe('a key variable that does not work', () => {
	it('names QWEN_API_KEY set but empty and the missing key', async () => {
		const report = await runDoctorChecks({env: {...home.env, QWEN_API_KEY: ''}});
		const env = check(report, 'credential.env.QWEN_API_KEY');
		expect(env.status).toBe('warning');
		expect(env.title).toBe('QWEN_API_KEY is set but empty');
		expect(env.nextStep).toContain('export QWEN_API_KEY="sk-…"');
		expect(check(report, 'credential.source').status).toBe('problem');
		expect(report.ok).toBe(false);
	});

	it('reports a malformed key in a ${VAR} apiKey once, as the key-format problem', async () => {
		await setUp('intl', TEST_KEYS.intl);
		home.writeConfig({models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: '${MYKEY}'}}}});
		const report = await runDoctorChecks({env: {...home.env, MYKEY: 'test0000intl0000000000000000000000'}});
		expect(check(report, 'credential.format').status).toBe('problem');
		expect(report.checks.filter(candidate => candidate.id === 'credential.note')).toEqual([]);
		expect(report.checks.map(candidate => candidate.title).join('\n')).not.toContain('MYKEY:');
	});

	it('titles a setup note by what it is, not by its first words', async () => {
		await setUp('intl', TEST_KEYS.intl);
		home.writeConfig({models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: '${MYKEY}'}}}});
		const report = await runDoctorChecks({env: {...home.env, MYKEY: `"${TEST_KEYS.intl}"`}});
		const note = check(report, 'credential.note');
		expect(note.title).toBe('Stray whitespace or quotes around the key the ${VAR} apiKey names');
		expect(note.detail).toContain("MYKEY has stray whitespace or quotes");
	});

	it('names stray whitespace around the key, which openclaw still cleans', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const report = await runDoctorChecks({env: {...home.env, QWEN_API_KEY: ` ${TEST_KEYS.intl}\n`}});
		const env = check(report, 'credential.env.QWEN_API_KEY');
		expect(env.status).toBe('warning');
		expect(env.title).toBe('QWEN_API_KEY has stray whitespace or quotes around the key');
		expect(check(report, 'region.key').status).toBe('ok');
		expect(report.ok).toBe(true);
	});

	it('says which source wins and what it shadows', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const report = await runDoctorChecks({env: {...home.env, QWEN_API_KEY: TEST_KEYS.cn}});
		const source = check(report, 'credential.source');
		expect(source.title).toBe('API key sk-…0000 from env QWEN_API_KEY');
		expect(source.detail).toContain('Also found profile qwen-portal:default');
		expect(source.detail).toContain('a different key');
	});

	it('with nothing set anywhere, says this shell does not see QWEN_API_KEY', async () => {
		const report = await runDoctorChecks({env: home.env});
		const source = check(report, 'credential.source');
		expect(source.status).toBe('problem');
		expect(source.detail).toContain('this shell does not see it');
		expect(check(report, 'config.file').status).toBe('problem');
	});
});

describe('other setups', () => {
	it('asks a custom gateway directly and checks the default model against its list', async () => {
		home.writeConfig({
			models: {providers: {'qwen-portal': {baseUrl: fake.baseUrls.cn, apiKey: 'profile:qwen-portal:default', api: 'openai-completions', models: []}}},
			agents: {defaults: {model: {primary: 'qwen-portal/qwen-max'}}},
		});
		home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS.cn}}});
		// No region override: the configured URL itself is the custom endpoint.
		const env = {PATH: process.env.PATH ?? '', HOME: home.home};
		const report = await runDoctorChecks({env});
		expect(check(report, 'config.provider').detail).toContain('Custom endpoint');
		const host = new URL(fake.url).host;
		expect(check(report, 'region.key').title).toBe(`Key accepted by ${host}`);
		expect(check(report, 'model.available').title).toBe(`qwen-max is served by ${host}`);
		expect(report.ok).toBe(true);
	});

	it('warns that the Qwen OAuth free tier is gone and does not probe DashScope with the token', async () => {
		home.writeConfig({
			models: {providers: {'qwen-portal': {baseUrl: 'https://portal.qwen.ai/v1', apiKey: 'profile:qwen-portal:oauth', api: 'openai-completions', models: [{id: 'coder-model'}]}}},
			agents: {defaults: {model: {primary: 'qwen-portal/coder-model'}}},
		});
		home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:oauth': {type: 'oauth', provider: 'qwen-portal', access: 'oauth-access-test', refresh: 'oauth-refresh-test', expires: Date.now() + 3_600_000}}});
		const report = await runDoctorChecks({env: home.env});
		const source = check(report, 'credential.source');
		expect(source.status).toBe('warning');
		expect(source.detail).toContain('discontinued');
		expect(source.nextStep).toContain('--method api-key');
		expect(check(report, 'config.default-model').status).toBe('ok');
		expect(fake.requests).toEqual([]);
	});
});

describe('config files', () => {
	it('points at file:line:column of a JSON5 mistake and checks nothing that depends on it', async () => {
		home.writeConfig('{\n  models: {\n    providers: {,\n  }\n}\n');
		const before = snapshot();
		const report = await runDoctorChecks({env: home.env});
		const file = check(report, 'config.file');
		expect(file.status).toBe('problem');
		expect(file.title).toBe(`Cannot read ${home.paths.configPath}:3:17`);
		// The detail says what is wrong there, naming the place once, not the title again.
		expect(file.detail).toMatch(/^\S+:3:17: not valid JSON5 /);
		expect(file.detail.split(`${home.paths.configPath}:3:17`)).toHaveLength(2);
		expect(report.checks.some(candidate => candidate.id === 'region.key')).toBe(false);
		expect(snapshot()).toEqual(before);
	});

	it('without openclaw.json, names the file the key comes from, not the environment', async () => {
		home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS.intl}}});
		const file = check(await runDoctorChecks({env: home.env}), 'config.file');
		expect(file.status).toBe('warning');
		expect(file.detail).toContain('The key from profile qwen-portal:default (auth-profiles.json)');
		expect(file.detail).not.toContain('environment');

		const fromEnv = check(await runDoctorChecks({env: {...home.env, QWEN_API_KEY: TEST_KEYS.intl}}), 'config.file');
		expect(fromEnv.detail).toContain('The key from env QWEN_API_KEY is used');
	});

	it('names an unparsable auth-profiles.json once, beside a readable openclaw.json', async () => {
		await setUp('intl', TEST_KEYS.intl);
		home.writeAuthProfiles('{"version": 1, "profiles": {,}}');
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'config.file').status).toBe('ok');
		const setup = check(report, 'config.setup');
		expect(setup.status).toBe('problem');
		expect(setup.title).toContain(home.paths.authProfilesPath);
		expect(report.checks.filter(candidate => candidate.title.startsWith('Cannot read'))).toHaveLength(1);
	});

	it('reports a provider entry missing its models array', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const config = home.readConfig() as {models: {providers: {'qwen-portal': Record<string, unknown>}}};
		delete config.models.providers['qwen-portal'].models;
		home.writeConfig(config);
		const report = await runDoctorChecks({env: home.env});
		const provider = check(report, 'config.provider');
		expect(provider.status).toBe('warning');
		expect(provider.title).toContain('missing models');
		expect(provider.detail).toContain('config validate');
	});

	it('reports a provider entry with the wrong api as a problem', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const config = home.readConfig() as {models: {providers: {'qwen-portal': Record<string, unknown>}}};
		config.models.providers['qwen-portal'].api = 'anthropic-messages';
		home.writeConfig(config);
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'config.provider').status).toBe('problem');
		expect(check(report, 'config.provider').detail).toContain('"openai-completions"');
	});

	it('warns about a key written into openclaw.json', async () => {
		home.writeConfig({
			models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: TEST_KEYS.intl, api: 'openai-completions', models: []}}},
		});
		const report = await runDoctorChecks({env: home.env});
		const literal = check(report, 'credential.literal');
		expect(literal.status).toBe('warning');
		expect(literal.detail).toContain('Security practice 1');
		expect(JSON.stringify(report)).not.toContain(TEST_KEYS.intl);
	});
});

describe('permissions (Security practice 2)', () => {
	it('finds a readable key file, and --fix repairs only the mode', async () => {
		await setUp('intl', TEST_KEYS.intl);
		fs.chmodSync(home.paths.authProfilesPath, 0o644);
		const text = fs.readFileSync(home.paths.authProfilesPath, 'utf8');
		const config = fs.readFileSync(home.paths.configPath, 'utf8');

		const before = await runDoctorChecks({env: home.env});
		expect(problems(before)).toEqual(['permissions.auth-profiles']);

		const after = await runDoctorChecks({env: home.env, fix: true});
		expect(after.repairs).toEqual([{path: home.paths.authProfilesPath, from: '0644', to: '0600'}]);
		expect(after.ok).toBe(true);
		expect(fs.statSync(home.paths.authProfilesPath).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(home.paths.authProfilesPath, 'utf8')).toBe(text);
		expect(fs.readFileSync(home.paths.configPath, 'utf8')).toBe(config);
	});

	it('checks the folder the key file of a fresh login is in and the saved conversations, and --fix makes them private', async () => {
		await saveApiKeySetup(home.paths, {regionId: 'intl', key: TEST_KEYS.intl, modelId: 'qwen3-coder-plus'}, {env: home.env});
		const sessions = path.join(home.paths.appDir, 'sessions.sqlite');
		fs.writeFileSync(sessions, '', {mode: 0o600});
		fs.chmodSync(home.paths.appDir, 0o755);
		fs.chmodSync(home.credentialsPath, 0o644);
		fs.chmodSync(sessions, 0o644);

		const before = await runDoctorChecks({env: home.env});
		expect(problems(before)).toEqual(['permissions.credentials', 'permissions.sessions']);
		expect(check(before, 'permissions.app-dir')).toMatchObject({status: 'warning', fixable: true});

		const after = await runDoctorChecks({env: home.env, fix: true});
		expect(after.repairs).toEqual([
			{path: home.credentialsPath, from: '0644', to: '0600'},
			{path: home.paths.appDir, from: '0755', to: '0700'},
			{path: sessions, from: '0644', to: '0600'},
		]);
		expect(after.checks.filter(candidate => candidate.id.startsWith('permissions.') && candidate.status !== 'ok')).toEqual([]);
		expect(fs.statSync(home.paths.appDir).mode & 0o777).toBe(0o700);
	});

	it("lists the key file and folder of OpenClaw's database when the key is there", async () => {
		makeStateDb(home.paths.stateDir, {rows: {'auth.sharedStore': {location: 'state-db'}, 'authProfiles.store': {version: 1, profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS.intl}}}}});
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'permissions.key-file').title).toMatch(/^state\/openclaw\.sqlite (is private|is not private)/);
		expect(check(report, 'permissions.key-dir').title).toMatch(/^Folder state /);
	});
});
