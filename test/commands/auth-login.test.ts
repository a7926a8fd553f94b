import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {registerSecret} from '../support/run-cli.js';
import {canonicalBaseUrl, freshCliWorld} from '../support/cli-world.js';
import {makeStateDb, readMachineState} from '../support/openclaw-databases.js';

const LOGIN = ['models', 'auth', 'login', '--provider', 'qwen-portal'];

describe('openclaw models auth login (key on stdin)', () => {
	const world = freshCliWorld();

	test('checks the key, saves profile and provider entry, prints a masked summary', async () => {
		const result = await world.run([...LOGIN, '--region', 'cn'], {input: `${TEST_KEYS.cn}\n`});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('sk-…0000');
		expect(result.stdout).toContain('China (Beijing)');
		expect(result.stdout).toContain('qwen-portal/qwen3-coder-plus');
		expect(result.stdout).toContain("Key            openclaw's credentials file (openclaw-qwen/credentials.json), which OpenClaw reads by reference; profile qwen-portal:default, file mode 0600\n");
		const profiles = world.home.readCredentials() as any;
		expect(profiles.profiles['qwen-portal:default']).toEqual({type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS.cn});
		expect(fs.statSync(world.home.credentialsPath).mode & 0o777).toBe(0o600);
		expect(fs.existsSync(world.home.paths.authProfilesPath), 'no auth-profiles.json, which stops OpenClaw 2026.9').toBe(false);
		const config = world.home.readConfig() as any;
		expect(config.models.providers['qwen-portal']).toMatchObject({
			baseUrl: canonicalBaseUrl('cn'),
			apiKey: {source: 'file', provider: 'openclaw-qwen', id: '/profiles/qwen-portal:default/key'},
			api: 'openai-completions',
		});
		expect(config.agents.defaults.model.primary).toBe('qwen-portal/qwen3-coder-plus');
		// The check went to the region asked for, with the key it belongs to.
		expect(world.server.requests.some(request => request.region === 'cn' && request.path.endsWith('/models') && request.authorized)).toBe(true);
	});

	test('the same key and model again writes nothing and says so, instead of "Saved"', async () => {
		expect((await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl})).stdout).toContain('Saved DashScope API key sk-…0000 for International (Singapore).\n');
		const mtimes = () => [world.home.credentialsPath, world.home.paths.configPath].map(file => fs.statSync(file).mtimeMs);
		const before = mtimes();
		const again = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl});
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/^Already set up with this key and model; nothing was written\.\n/);
		expect(again.stdout).not.toContain('Saved');
		expect(again.stdout).toMatch(/Config +\S+openclaw\.json {2}\(unchanged\)\n/);
		expect(mtimes()).toEqual(before);
	});

	test('a new model with the same key names openclaw.json as the only file written', async () => {
		await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl});
		const result = await world.run([...LOGIN, '--region', 'intl', '--model', 'qwen3-max'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Saved the setup for International (Singapore) in openclaw.json; the key sk-…0000 was already saved.');
		expect(result.stdout).toMatch(/Key +.*credentials\.json.* {2}\(unchanged\)\n/);
		expect(result.stdout).not.toMatch(/Config +.*\(unchanged\)/);
	});

	test('warns when an exported key variable holding another key will be used instead of the saved one', async () => {
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl, extraEnv: {QWEN_API_KEY: TEST_KEYS.cn}});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain(
			'warning: QWEN_API_KEY is set in this environment and takes precedence over the saved key; unset it to use the saved one, or export the new key (export QWEN_API_KEY="sk-…").',
		);
		// The key it pipes is the one exported: no warning.
		const same = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl, extraEnv: {DASHSCOPE_API_KEY: TEST_KEYS.intl}});
		expect(same.stderr).not.toContain('takes precedence');
	});

	test('--model takes an alias of the user\'s own from openclaw.json', async () => {
		world.home.writeConfig({agents: {defaults: {models: {'qwen-portal/qwen-max': {alias: 'steady'}}}}});
		const result = await world.run([...LOGIN, '--region', 'intl', '--model', 'Steady'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(0);
		expect((world.home.readConfig() as any).agents.defaults.model.primary).toBe('qwen-portal/qwen-max');
	});

	test('a --model that is no model id is a usage error (exit 2) before the key is read; nothing is written', async () => {
		const result = await world.run([...LOGIN, '--region', 'intl', '--model', 'no-such-model!!'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Model ids use only letters, digits and . _ : / -');
		expect(result.stderr).toContain('See the ids with: openclaw models list');
		expect(world.server.requests).toEqual([]);
		expect(fs.existsSync(world.home.paths.configPath)).toBe(false);
	});

	test('then chat works with the saved key', async () => {
		await world.run([...LOGIN, '--region', 'intl', '--model', 'qwen'], {input: TEST_KEYS.intl});
		const result = await world.run(['chat', 'after login']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('Echo: after login\n');
		expect((world.server.chatRequests().at(-1)?.body as {model: string}).model).toBe('qwen-plus');
	});

	test('paste junk around the key (quotes, CRLF, bracketed paste) is cleaned', async () => {
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: `\u001B[200~"${TEST_KEYS.intl}"\u001B[201~\r\n`});
		expect(result.code).toBe(0);
		expect((world.home.readCredentials() as any).profiles['qwen-portal:default'].key).toBe(TEST_KEYS.intl);
	});

	test('a key from another region is refused, naming the right one; nothing is written', async () => {
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.cn});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('China (Beijing)');
		expect(result.stderr).toContain('--region cn');
		expect(fs.existsSync(world.home.credentialsPath)).toBe(false);
		expect(fs.existsSync(world.home.paths.configPath)).toBe(false);
	});

	test('an invalid key is refused with the 401 advice; nothing is written', async () => {
		const badKey = 'sk-test0000zzzz000000000000000000000';
		registerSecret(badKey);
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: badKey});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('Invalid API key');
		expect(fs.existsSync(world.home.paths.authProfilesPath)).toBe(false);
	});

	test('--no-check saves without asking the server', async () => {
		const result = await world.run([...LOGIN, '--region', 'us', '--no-check'], {input: TEST_KEYS.us});
		expect(result.code).toBe(0);
		expect(world.server.requests).toHaveLength(0);
		expect((world.home.readConfig() as any).models.providers['qwen-portal'].baseUrl).toBe(canonicalBaseUrl('us'));
	});

	test.each([
		['', 'No API key on stdin'],
		['not-a-key', 'sk-'],
		['sk-sp-0000test0000000000000000000000', 'Coding Plan'],
		['sk-test 0000intl', 'space'],
	])('a malformed key %j is refused before any request', async (input, expected) => {
		if (input) registerSecret(input);
		const result = await world.run([...LOGIN, '--region', 'intl'], {input});
		expect(result.code).toBe(1);
		expect(result.stderr.toLowerCase()).toContain(expected.toLowerCase());
		expect(world.server.requests).toHaveLength(0);
		expect(fs.existsSync(world.home.paths.authProfilesPath)).toBe(false);
	});

	test('--region is required without a terminal (exit 2)', async () => {
		const result = await world.run(LOGIN, {input: TEST_KEYS.intl});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--region is required');
	});

	test('an unknown --region value is a usage error (exit 2)', async () => {
		const result = await world.run([...LOGIN, '--region', 'eu'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('intl');
	});

	test('another --provider is a usage error (exit 2)', async () => {
		const result = await world.run(['models', 'auth', 'login', '--provider', 'openai', '--region', 'intl'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('qwen-portal');
	});

	test('there is no --api-key flag, and the help says why', async () => {
		const refused = await world.run([...LOGIN, '--region', 'intl', '--api-key', 'sk-test0000intl']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain("unknown option '--api-key'");
		const help = await world.run([...LOGIN, '--help']);
		expect(help.stdout).toContain('no --api-key flag');
		expect(help.stdout).toContain('ps');
		expect(help.stdout).toContain('history');
	});

	test('an exported QWEN_API_KEY that will shadow the saved key is pointed out', async () => {
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl, extraEnv: {QWEN_API_KEY: TEST_KEYS.cn}});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('QWEN_API_KEY is set');
	});

	test("on OpenClaw 2026.9's state the key goes into its database, and the summary says so without a mode it did not set", async () => {
		const database = makeStateDb(world.home.paths.stateDir);
		fs.chmodSync(database, 0o644);
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain("Key            OpenClaw's state database (state/openclaw.sqlite); profile qwen-portal:default\n");
		expect(result.stdout).not.toContain('file mode');
		expect((readMachineState(world.home.paths.stateDir, 'authProfiles.store') as any).profiles['qwen-portal:default'].key).toBe(TEST_KEYS.intl);
		expect(fs.existsSync(world.home.credentialsPath)).toBe(false);
	});

	test('an existing openclaw.json keeps its other keys and gets a backup', async () => {
		world.home.writeConfig('// mine\n{gateway: {port: 18789}, models: {providers: {openai: {baseUrl: "https://api.openai.com/v1"}}}}\n');
		const result = await world.run([...LOGIN, '--region', 'intl'], {input: TEST_KEYS.intl});
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('openclaw.json.bak');
		const config = world.home.readConfig() as any;
		expect(config.gateway).toEqual({port: 18789});
		expect(config.models.providers.openai).toEqual({baseUrl: 'https://api.openai.com/v1'});
	});
});
