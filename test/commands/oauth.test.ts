/**
 * The commands when Qwen OAuth (profile qwen-portal:oauth) is the login in
 * effect: status names it with the token's expiry and the portal, the model
 * list and `models set` stay within the portal's two models, and chat renews
 * the token and says plainly what the portal refuses.
 */
import fs from 'node:fs';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {ADVICE} from '../../source/core/messages.js';
import {startFakeQwenOAuth, type FakeQwenOAuth} from '../support/fake-qwen-oauth.js';
import {registerSecret} from '../support/run-cli.js';
import {PORTAL_BASE_URL, freshCliWorld} from '../support/cli-world.js';

const ACCESS = 'fake-access-token-0000000000000000000000';
const API_KEY_COMMAND = 'openclaw models auth login --provider qwen-portal --method api-key';
const HOUR = 3_600_000;

registerSecret(ACCESS);

describe('models status and restart with Qwen OAuth', () => {
	const world = freshCliWorld();

	test('status names Qwen OAuth, the token expiry, the portal URL and the discontinued free tier', async () => {
		const expires = Date.now() + 2 * HOUR + 30 * 60_000;
		world.saveOAuthLogin({access: ACCESS, expires});
		const result = await world.run(['models', 'status']);
		expect(result.code).toBe(0);
		const out = result.stdout;
		expect(out).toMatch(/Sign-in\s+Qwen OAuth\s+from profile qwen-portal:oauth/);
		const at = new Date(expires).toISOString().slice(0, 16).replace('T', ' ');
		expect(out).toMatch(new RegExp(`Token\\s+expires in 2 h (29|30) min \\(${at} UTC\\); renewed automatically`));
		expect(out).toMatch(new RegExp(`Portal URL\\s+${PORTAL_BASE_URL.replaceAll('.', '\\.')}`));
		expect(out).toContain(ADVICE.portalDiscontinued().message);
		expect(out).toContain(API_KEY_COMMAND);
		expect(out).toMatch(/Default model\s+coder-model\n/);
		// Neither a meaningless masked "key" nor advice to log in with OAuth, which is what is in effect.
		expect(out).not.toMatch(/^Key\s/m);
		expect(out).not.toContain('needs OAuth login');
		expect(out).not.toContain('custom endpoint');
	});

	test('an expired token says so and that it is renewed on next use', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() - 3 * HOUR});
		const result = await world.run(['models', 'status']);
		expect(result.stdout).toMatch(/Token\s+expired 3 h 0 min ago \(.* UTC\); renewed automatically on next use/);
	});

	test('restart shows the same OAuth facts', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() + 1.5 * HOUR, keepApiKey: true});
		const result = await world.run(['restart']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Sign-in\s+Qwen OAuth/);
		expect(result.stdout).toMatch(/Token\s+expires in 1 h (29|30) min/);
		expect(result.stdout).toContain(PORTAL_BASE_URL);
		expect(result.stdout).toContain('2026-04-15');
		expect(result.stdout).toContain(API_KEY_COMMAND);
	});

	test('--json carries the OAuth profile, expiry, portal URL and notice, never the token', async () => {
		const expires = Date.now() + HOUR;
		world.saveOAuthLogin({access: ACCESS, expires});
		const result = await world.run(['models', 'status', '--json']);
		expect(result.code).toBe(0);
		const data = JSON.parse(result.stdout) as {
			credential: {type: string; maskedKey: string | null};
			oauth: {provider: string; profileId: string; expires: string; expiry: string; portalBaseUrl: string; freeTierDiscontinued: {message: string; nextStep: string}};
			defaultModelNotes: string[];
		};
		expect(data.credential).toMatchObject({type: 'oauth', maskedKey: null});
		expect(data.oauth).toMatchObject({
			provider: 'Qwen OAuth',
			profileId: 'qwen-portal:oauth',
			expires: new Date(expires).toISOString(),
			portalBaseUrl: PORTAL_BASE_URL,
			freeTierDiscontinued: ADVICE.portalDiscontinued(),
		});
		expect(data.oauth.expiry).toMatch(/^expires in/);
		expect(data.defaultModelNotes).toEqual([]);
	});

	test('with the API key in effect there is no OAuth section', async () => {
		world.saveLogin();
		const data = JSON.parse((await world.run(['models', 'status', '--json'])).stdout) as {oauth: unknown; credential: {type: string}};
		expect(data.oauth).toBeNull();
		expect(data.credential.type).toBe('api_key');
	});
});

describe('models list and set with Qwen OAuth', () => {
	const world = freshCliWorld();

	test('list shows only the portal models, why, and how to switch back to an API key', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() + HOUR, keepApiKey: true});
		const result = await world.run(['models', 'list']);
		expect(result.code).toBe(0);
		const rows = result.stdout.split('\n').filter(line => /^\s+\S+-model\s/.test(line));
		expect(rows.map(row => row.trim().split(/\s+/)[0])).toEqual(['coder-model', 'vision-model']);
		expect(result.stdout).not.toMatch(/^\s+qwen/m);
		expect(result.stdout).toContain('Signed in with Qwen OAuth');
		expect(result.stdout).toContain('2026-04-15');
		expect(result.stdout).toContain(API_KEY_COMMAND);
	});

	test('list --json under OAuth lists the portal models only', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() + HOUR});
		const data = JSON.parse((await world.run(['models', 'list', '--json'])).stdout) as {models: Array<{id: string}>; onlyPortalModels?: boolean};
		expect(data.models.map(model => model.id)).toEqual(['coder-model', 'vision-model']);
		expect(data.onlyPortalModels).toBe(true);
	});

	test('with an API key the list is the DashScope registry', async () => {
		world.saveLogin();
		const result = await world.run(['models', 'list']);
		expect(result.stdout).toMatch(/^\s+qwen-plus\s/m);
		expect(result.stdout).not.toMatch(/^\s+coder-model\s/m);
	});

	test('set vision-model works under OAuth; set qwen-plus is refused with the way back to a key', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() + HOUR});
		const set = await world.run(['models', 'set', 'vision-model']);
		expect(set.code).toBe(0);
		expect(set.stdout).toContain('qwen-portal/vision-model');
		const before = fs.readFileSync(world.home.paths.configPath, 'utf8');
		const refused = await world.run(['models', 'set', 'qwen-plus']);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('serves only coder-model and vision-model');
		expect(refused.stderr).toContain('openclaw models set coder-model');
		expect(refused.stderr).toContain(API_KEY_COMMAND);
		expect(fs.readFileSync(world.home.paths.configPath, 'utf8')).toBe(before);
	});
});

describe('chat with Qwen OAuth', () => {
	const world = freshCliWorld();
	let portal: FakeQwenOAuth;
	beforeEach(async () => {
		portal = await startFakeQwenOAuth({chat: 'stream'});
	});
	afterEach(async () => {
		await portal.close();
	});

	test('--model qwen-plus is refused before any request, naming the portal models and the API-key login', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() + HOUR, baseUrl: `${portal.url}/v1`});
		const result = await world.run(['chat', '--model', 'qwen-plus', 'Hello'], {extraEnv: portal.env});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('serves only coder-model and vision-model');
		expect(result.stderr).toContain('--model coder-model');
		expect(result.stderr).toContain(API_KEY_COMMAND);
		expect(portal.requests).toEqual([]);
	});

	test('an expired token is renewed first, then the answer streams from coder-model', async () => {
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() - HOUR, baseUrl: `${portal.url}/v1`});
		const result = await world.run(['chat', 'Hello there'], {extraEnv: portal.env});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout.length).toBeGreaterThan(1);
		expect(portal.count('refresh')).toBe(1);
		const chat = portal.requests.find(request => request.kind === 'chat');
		expect(chat?.authorization).toBe(`Bearer ${portal.issued.access}`);
		expect(JSON.parse(chat?.body ?? '{}')).toMatchObject({model: 'coder-model'});
		const saved = world.home.readAuthProfiles() as {profiles: Record<string, {access: string}>};
		expect(saved.profiles['qwen-portal:oauth']?.access).toBe(portal.issued.access);
	});

	test('the portal refusing the token says the free tier ended and how to use a key', async () => {
		portal.setChat('discontinued');
		world.saveOAuthLogin({access: ACCESS, expires: Date.now() + HOUR, baseUrl: `${portal.url}/v1`});
		const result = await world.run(['chat', 'Hello'], {extraEnv: portal.env});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(ADVICE.portalDiscontinued().title);
		expect(result.stderr).toContain('2026-04-15');
		expect(result.stderr).toContain(API_KEY_COMMAND);
	});
});
