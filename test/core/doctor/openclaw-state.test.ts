/**
 * doctor on each layout of the state directory: what would stop OpenClaw
 * 2026.9 while this program still works, each with its fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runDoctorChecks, type DoctorReport} from '../../../source/core/doctor/run-checks.js';
import {saveApiKeySetup} from '../../../source/core/setup.js';
import {TEST_KEYS} from '../../support/fake-dashscope.js';
import {freshFakeDashScopeHome} from '../../support/fresh-fake-dashscope-home.js';
import {makeAgentDb, makeStateDb} from '../../support/openclaw-databases.js';

const {home} = freshFakeDashScopeHome();

const apiKeyProfile = (key: string) => ({type: 'api_key', provider: 'qwen-portal', key});

function check(report: DoctorReport, id: string) {
	return report.checks.find(candidate => candidate.id === id);
}

describe('doctor names the layout in effect', () => {
	it.each([
		['new', () => {}, /State: new \(no key store of OpenClaw's yet: no auth-profiles\.json, no OpenClaw database\)/],
		["the guide's", () => home.writeAuthProfiles({version: 1, profiles: {}}), /State: the guide's layout/],
		['OpenClaw 2026.9', () => makeStateDb(home.paths.stateDir), /State: OpenClaw 2026\.9 or later \(state\/openclaw\.sqlite\)/],
	])('%s', async (_name, make, title) => {
		make();
		await saveApiKeySetup(home.paths, {regionId: 'intl', key: TEST_KEYS.intl, modelId: 'qwen-plus'}, {env: home.env});
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'state.layout')?.title).toMatch(title);
		expect(report.ok).toBe(true);
	});
});

describe("doctor on OpenClaw 2026.9's state", () => {
	it('says OpenClaw needs to migrate an old auth-profiles.json first, and how', async () => {
		makeStateDb(home.paths.stateDir, {rows: {'auth.sharedStore': {location: 'state-db'}, 'authProfiles.store': {version: 1, profiles: {'qwen-portal:default': apiKeyProfile(TEST_KEYS.intl)}}}});
		home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:default': apiKeyProfile(TEST_KEYS.intl)}});
		home.writeConfig({models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'qwen-portal:default', api: 'openai-completions', models: []}}}});
		const report = await runDoctorChecks({env: home.env});
		const migration = check(report, 'state.migration');
		expect(migration).toMatchObject({status: 'warning', title: 'OpenClaw needs to migrate old credential files before it runs again'});
		expect(migration?.detail).toContain(home.paths.authProfilesPath);
		expect(migration?.nextStep).toContain('openclaw doctor --fix --non-interactive');
		const source = check(report, 'credential.source');
		expect(source?.title).toContain('profile qwen-portal:default (state/openclaw.sqlite)');
		expect(source?.detail).toContain(`: ${path.join(home.paths.stateDir, 'state', 'openclaw.sqlite')}.`);
	});

	it('finds a key in the SQLite store that the old JSON file holds differently, and says which one is used', async () => {
		makeStateDb(home.paths.stateDir, {rows: {'auth.sharedStore': {location: 'state-db'}, 'authProfiles.store': {version: 1, profiles: {'qwen-portal:default': apiKeyProfile(TEST_KEYS.intl)}}}});
		home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:default': apiKeyProfile('sk-test0000old00000000000000000000')}});
		const report = await runDoctorChecks({env: home.env});
		const differ = check(report, 'state.stores-differ');
		expect(differ?.title).toBe('The login profile "qwen-portal:default" holds different keys in state/openclaw.sqlite and auth-profiles.json');
		expect(differ?.detail).toContain('Both programs use the one in state/openclaw.sqlite');
		expect(JSON.stringify(report)).not.toContain(TEST_KEYS.intl);
	});

	it("names the profile OpenClaw's migration made from the guide's profile: text", async () => {
		makeStateDb(home.paths.stateDir, {
			rows: {
				'auth.sharedStore': {location: 'state-db'},
				'authProfiles.store': {version: 1, profiles: {'qwen-portal:default': apiKeyProfile(TEST_KEYS.intl), 'qwen-portal:models-json': apiKeyProfile('profile:qwen-portal:default')}},
			},
		});
		home.writeConfig({models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'profile:qwen-portal:default', api: 'openai-completions'}}}});
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'state.bogus-profile')?.title).toBe('Login profile "qwen-portal:models-json" in state/openclaw.sqlite holds the text "profile:qwen-portal:default", not a key');
		expect(check(report, 'state.profile-form')?.nextStep).toContain('to "qwen-portal:default"');
	});

	it('finds the OAuth file OpenClaw must migrate in an OPENCLAW_OAUTH_DIR written with ~', async () => {
		makeStateDb(home.paths.stateDir);
		const file = path.join(home.home, 'oauth', 'oauth.json');
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, '{}\n', {mode: 0o600});
		const report = await runDoctorChecks({env: {...home.env, OPENCLAW_OAUTH_DIR: '~/oauth'}});
		expect(check(report, 'state.migration')?.detail).toContain(file);
	});

	it('says it reads but will not write a state a newer OpenClaw wrote', async () => {
		makeStateDb(home.paths.stateDir, {userVersion: 19});
		makeAgentDb(home.paths.agentDir, {store: {version: 1, profiles: {'qwen-portal:default': apiKeyProfile(TEST_KEYS.intl)}}});
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'state.newer')).toMatchObject({status: 'warning', title: `${home.paths.stateDir}/state/openclaw.sqlite was written by a newer OpenClaw`});
		expect(check(report, 'credential.source')?.status).toBe('ok');
	});
});

describe('doctor on what OpenClaw would refuse', () => {
	it('a key file others can read: OpenClaw refuses it; --fix makes it private', async () => {
		await saveApiKeySetup(home.paths, {regionId: 'intl', key: TEST_KEYS.intl, modelId: 'qwen-plus'}, {env: home.env});
		fs.chmodSync(home.credentialsPath, 0o644);
		const before = await runDoctorChecks({env: home.env});
		const credentials = check(before, 'permissions.credentials');
		expect(credentials).toMatchObject({status: 'problem', fixable: true, title: 'openclaw-qwen/credentials.json is not private (0644)'});
		expect(credentials?.detail).toContain('OpenClaw refuses to read a secret file that group or others can read.');
		const after = await runDoctorChecks({env: home.env, fix: true});
		expect(after.repairs).toEqual([{path: home.credentialsPath, from: '0644', to: '0600'}]);
		expect(check(after, 'permissions.credentials')?.status).toBe('ok');
	});

	it('a key file others can read, in a folder with a space: the chmod it suggests is quoted for the shell', async () => {
		const file = path.join(home.paths.home, 'my keys', 'dashscope.txt');
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, TEST_KEYS.intl, {mode: 0o644});
		fs.chmodSync(file, 0o644);
		home.writeConfig({
			secrets: {providers: {mine: {source: 'file', path: file}}},
			models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: {source: 'file', provider: 'mine', id: 'value'}}}},
		});
		const secretFile = check(await runDoctorChecks({env: home.env}), 'permissions.key-file');
		expect(secretFile?.title).toBe(`${file} is not private (0644)`);
		expect(secretFile?.detail).toContain('OpenClaw refuses to read a secret file');
		expect(secretFile?.nextStep).toContain(`chmod 600 '${file}'`);
	});

	it('text models without string content: OpenClaw would send parts DashScope refuses', async () => {
		home.writeConfig({models: {providers: {'qwen-portal': {baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', apiKey: 'sk-test0000intl00000000000000000000', api: 'openai-completions', models: [{id: 'qwen3-coder-plus'}, {id: 'qwen3-vl-plus'}]}}}});
		const report = await runDoctorChecks({env: home.env});
		expect(check(report, 'state.string-content')?.detail).toMatch(/^qwen3-coder-plus lacks "compat": \{"requiresStringContent": true\}/);
	});
});
