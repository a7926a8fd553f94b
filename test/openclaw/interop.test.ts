/**
 * Against the real OpenClaw (npm openclaw@2026.9.6): our login and theirs on
 * the same state directory, each program finding and using the other's key.
 * `npm run test:openclaw` installs it once (see support/real-openclaw.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {DatabaseSync} from 'node:sqlite';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {startFakeDashScope, TEST_KEYS, type FakeDashScope} from '../support/fake-dashscope.ts';
import {runCli} from '../support/run-cli.ts';
import {makeTempHome, type TempHome} from '../support/temp-home.ts';
import {startDashScopeTlsProxy, type TlsProxy} from './support/dashscope-tls-proxy.ts';
import {ensureRealOpenClaw, runRealOpenClaw} from './support/real-openclaw.ts';

/** A second International key, for a login that replaces the first. */
const SECOND_INTL_KEY = 'sk-test0000intl0second000000000000';
/** A key for another provider, stored by OpenClaw itself. */
const OTHER_PROVIDER_KEY = 'sk-test0000openai00000000000000000';

let server: FakeDashScope;
let proxy: TlsProxy;
let home: TempHome;

beforeAll(async () => {
	await ensureRealOpenClaw(line => process.stderr.write(`${line}\n`));
	server = await startFakeDashScope({keys: {intl: [SECOND_INTL_KEY]}});
	proxy = await startDashScopeTlsProxy(server.url);
}, 600_000);

afterAll(async () => {
	await proxy?.close();
	await server?.close();
});

beforeEach(() => {
	home?.cleanup();
	home = makeTempHome();
	server.requests.length = 0;
});

/** The real OpenClaw on this test's HOME, its DashScope traffic led to the fake server. */
function openclaw(args: string[], input?: string) {
	return runRealOpenClaw(args, {env: {...home.env, ...proxy.env}, ...(input === undefined ? {} : {input})});
}

/** Our CLI on the same HOME, its own requests sent to the fake server by the region variables. */
function ours(args: string[], input?: string) {
	return runCli(args, {env: {...home.env, ...server.env}, ...(input === undefined ? {} : {input})});
}

async function ourLogin(key: string, region = 'intl') {
	const result = await ours(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', region], key);
	expect(result.stderr + result.stdout, 'our login').toMatch(/Saved DashScope API key/);
	expect(result.code).toBe(0);
	return result;
}

/** The chat requests OpenClaw sent, as (key tail, model). */
function chatsSeen() {
	return server.chatRequests().map(request => ({keyTail: request.keyTail, model: (request.body as {model?: string}).model}));
}

function sharedStoreProfiles(): Record<string, {key?: string; provider?: string}> {
	const db = new DatabaseSync(path.join(home.paths.stateDir, 'state', 'openclaw.sqlite'), {readOnly: true});
	try {
		const row = db.prepare("SELECT value_json FROM config_machine_state WHERE state_key = 'authProfiles.store'").get() as {value_json: string} | undefined;
		return row ? (JSON.parse(row.value_json) as {profiles: Record<string, {key?: string}>}).profiles : {};
	} finally {
		db.close();
	}
}

const hello = ['agent', '--local', '--message', 'Hello'];

describe('the real OpenClaw 2026.9.6 beside our login', () => {
	it('(1) uses the key and model our login wrote on a fresh state', async () => {
		await ourLogin(TEST_KEYS.intl);
		expect(fs.existsSync(home.paths.authProfilesPath), 'no auth-profiles.json that would stop OpenClaw').toBe(false);

		const validate = await openclaw(['config', 'validate']);
		expect(validate.code, validate.stderr).toBe(0);
		expect(validate.stdout).toContain('Config valid');

		const status = await openclaw(['models', 'status']);
		expect(status.code, status.stderr).toBe(0);
		expect(status.stdout).toContain('qwen-portal');

		const agent = await openclaw(hello);
		expect(agent.code, agent.stderr).toBe(0);
		expect(chatsSeen()).toContainEqual({keyTail: TEST_KEYS.intl.slice(-6), model: 'qwen3-coder-plus'});
	}, 240_000);

	it('(2) keeps a state OpenClaw configured itself working, for its provider and ours', async () => {
		expect((await openclaw(['config', 'set', 'gateway.port', '18888'])).code).toBe(0);
		const pasted = await openclaw(['models', 'auth', 'paste-api-key', '--provider', 'openai', '--profile-id', 'openai:default'], OTHER_PROVIDER_KEY);
		expect(pasted.code, pasted.stderr).toBe(0);
		const configBefore = home.readConfig();
		const profilesBefore = sharedStoreProfiles();

		await ourLogin(TEST_KEYS.intl);

		const config = home.readConfig() as any;
		expect(config.gateway).toEqual((configBefore as any).gateway);
		expect(config.meta).toEqual((configBefore as any).meta);
		expect(config.auth.profiles['openai:default']).toEqual((configBefore as any).auth.profiles['openai:default']);
		const profiles = sharedStoreProfiles();
		expect(profiles['openai:default'], 'their key unchanged').toEqual(profilesBefore['openai:default']);
		expect(profiles['qwen-portal:default']?.key).toBe(TEST_KEYS.intl);

		const status = await openclaw(['models', 'status']);
		expect(status.code, status.stderr).toBe(0);
		expect(status.stdout).toContain('openai:default');
		expect(status.stdout).toContain('qwen-portal:default');

		const agent = await openclaw(hello);
		expect(agent.code, agent.stderr).toBe(0);
		expect(chatsSeen()).toContainEqual({keyTail: TEST_KEYS.intl.slice(-6), model: 'qwen3-coder-plus'});
	}, 240_000);

	it("(3) after OpenClaw's doctor migrates the guide's files, our chat works and a second login changes the key it sends", async () => {
		// The guide's Method 3, with the `models` list OpenClaw 2026.9 requires of a custom provider (the README shows it).
		home.writeConfig({
			models: {
				providers: {
					'qwen-portal': {
						baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
						apiKey: 'profile:qwen-portal:default',
						api: 'openai-completions',
						models: [{id: 'qwen3-coder-plus', name: 'Qwen3 Coder Plus', compat: {requiresStringContent: true}}],
					},
				},
			},
			agents: {defaults: {model: {primary: 'qwen-portal/qwen3-coder-plus'}}},
		});
		home.writeAuthProfiles({profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS.intl}}});

		const doctor = await openclaw(['doctor', '--fix', '--non-interactive']);
		expect(doctor.code, doctor.stderr).toBe(0);
		expect(fs.existsSync(home.paths.authProfilesPath), 'OpenClaw archived the JSON file').toBe(false);

		const chat = await ours(['chat', 'Hello']);
		expect(chat.code, chat.stderr).toBe(0);
		expect(chat.stdout).toContain('Echo: Hello');

		await ourLogin(SECOND_INTL_KEY);
		expect(fs.existsSync(home.paths.authProfilesPath), 'no JSON file brought back').toBe(false);
		server.requests.length = 0;
		const agent = await openclaw(hello);
		expect(agent.code, agent.stderr).toBe(0);
		expect(chatsSeen().map(seen => seen.keyTail)).toEqual([SECOND_INTL_KEY.slice(-6)]);
		expect(Object.values(sharedStoreProfiles()).some(profile => profile.key?.startsWith('profile:')), 'no bogus profile left').toBe(false);
	}, 240_000);

	it('(4) finds a key OpenClaw stored with paste-api-key, for status and chat', async () => {
		const pasted = await openclaw(['models', 'auth', 'paste-api-key', '--provider', 'qwen-portal', '--profile-id', 'qwen-portal:default'], TEST_KEYS.intl);
		expect(pasted.code, pasted.stderr).toBe(0);

		const status = await ours(['models', 'status']);
		expect(status.code, status.stderr).toBe(0);
		expect(status.stdout).toMatch(/sk-…0000 +from profile qwen-portal:default \(state\/openclaw\.sqlite\)/);

		const chat = await ours(['chat', 'Hello']);
		expect(chat.code, chat.stderr).toBe(0);
		expect(chat.stdout).toContain('Echo: Hello');
	}, 240_000);
});
