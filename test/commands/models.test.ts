import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {spawnPty} from '../support/pty-driver.js';
import {CLI_PATH, registerSecret} from '../support/run-cli.js';
import {canonicalBaseUrl, ESC, freshCliWorld} from '../support/cli-world.js';

describe('openclaw models list', () => {
	const world = freshCliWorld();

	test('prints the registry grouped Coding / General / Vision with aliases, stars and status', async () => {
		const result = await world.run(['models', 'list']);
		expect(result.code).toBe(0);
		const out = result.stdout;
		const coding = out.indexOf('Coding');
		const general = out.indexOf('General');
		const vision = out.indexOf('Vision');
		expect(coding).toBeGreaterThan(-1);
		expect(general).toBeGreaterThan(coding);
		expect(vision).toBeGreaterThan(general);
		expect(out.slice(coding, general)).toContain('qwen3-coder-plus');
		expect(out.slice(general, vision)).toContain('qwen-plus');
		expect(out.slice(vision)).toContain('qwen3-vl-plus');
		const qwenPlus = out.split('\n').find(line => line.trimStart().startsWith('qwen-plus '));
		expect(qwenPlus).toMatch(/Qwen Plus\s+qwen\s+General purpose \*\*\*\*\s+text\s+1M\s+active/);
		const turbo = out.split('\n').find(line => line.trimStart().startsWith('qwen-turbo '));
		expect(turbo).toMatch(/retire[sd] 2026-10-10 → qwen-flash/);
		const vl = out.split('\n').find(line => line.trimStart().startsWith('qwen-vl-plus '));
		expect(vl).toContain('→ qwen3-vl-plus');
		expect(vl).toContain('text+image');
		expect(out).toContain('legacy');
		expect(out).not.toContain(ESC);
	});

	test('columns line up in plain text', async () => {
		const result = await world.run(['models', 'list']);
		const rows = result.stdout.split('\n').filter(line => /^\s+qwen/.test(line));
		const nameColumn = rows.map(line => line.indexOf('Qwen'));
		expect(new Set(nameColumn).size).toBe(1);
	});

	test('--json is machine-readable and complete', async () => {
		const result = await world.run(['models', 'list', '--json']);
		expect(result.code).toBe(0);
		const data = JSON.parse(result.stdout) as {models: Array<{id: string; alias: string | null; input: string[]; status: {state: string; replacement?: string}}>};
		const ids = data.models.map(model => model.id);
		expect(ids).toEqual(expect.arrayContaining(['qwen3-coder-plus', 'qwen-coder-plus', 'qwen3-coder-flash', 'qwen3-max', 'qwen-max', 'qwen-plus', 'qwen-turbo', 'qwen3-vl-plus', 'qwen-vl-plus']));
		expect(data.models.find(model => model.id === 'qwen-plus')?.alias).toBe('qwen');
		expect(data.models.find(model => model.id === 'qwen-turbo')?.status).toMatchObject({state: 'retired', replacement: 'qwen-flash'});
	});
});

describe('openclaw models list on a narrow terminal', () => {
	const world = freshCliWorld();
	const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;
	const ids = ['qwen3-coder-plus', 'qwen-coder-plus', 'qwen3-coder-flash', 'qwen3-max', 'qwen-max', 'qwen-plus', 'qwen-turbo', 'qwen3-vl-plus', 'qwen-vl-plus'];
	// Terminal cells: the emoji stars take two.
	const cells = (line: string) => [...line].reduce((width, char) => width + (/\p{Extended_Pictographic}/u.test(char) && char !== '★' ? 2 : char === '\uFE0F' ? 0 : 1), 0);

	test('an 80-column terminal gets a table that fits, every id whole, retired rows marked and explained', async () => {
		const session = spawnPty({command: process.execPath, args: [CLI_PATH, 'models', 'list'], cols: 80, rows: 40, env: {...world.env(), TERM: 'xterm-256color'}, cwd: world.home.home});
		const code = await session.exited().finally(() => session.kill());
		const output = session.output();
		expect(code).toBe(0);
		const lines = output.replace(ANSI, '').split(/\r?\n/);
		for (const line of lines) expect(cells(line), line).toBeLessThanOrEqual(80);
		for (const id of ids) expect(lines.some(line => line.split(/\s+/).includes(id)), id).toBe(true);
		expect(lines.find(line => line.includes('qwen-turbo '))).toMatch(/✗ qwen-turbo/);
		expect(output).toContain('qwen-turbo: Retired 2026-10-10; use qwen-flash instead.');
	});

	test('piped output fits COLUMNS when it is set; narrower still drops the Name column', async () => {
		const at80 = await world.run(['models', 'list'], {extraEnv: {COLUMNS: '80'}});
		const lines80 = at80.stdout.split('\n');
		for (const line of lines80) expect(line.length, line).toBeLessThanOrEqual(80);
		expect(lines80[0]).toMatch(/ID\s+NAME\s+ALIAS\s+BEST FOR\s+CONTEXT/);
		expect(at80.stdout).toMatch(/^ {3}qwen-plus\s+Qwen Plus\s+qwen\s+\*\*\*\*\s+General purpose\s+1M$/m);
		const at60 = await world.run(['models', 'list'], {extraEnv: {COLUMNS: '60'}});
		for (const line of at60.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
		expect(at60.stdout.split('\n')[0]).not.toContain('NAME');
		for (const id of ids) expect(at60.stdout).toMatch(new RegExp(`^ . ${id.replaceAll('.', '\\.')}\\s`, 'm'));
	});

	test('piped output without COLUMNS keeps the full table', async () => {
		const result = await world.run(['models', 'list']);
		expect(result.stdout.split('\n')[0]).toMatch(/ID\s+NAME\s+ALIAS\s+BEST FOR\s+INPUT\s+CONTEXT\s+STATUS/);
		expect(Math.max(...result.stdout.split('\n').map(line => line.length))).toBeGreaterThan(80);
	});
});

describe('openclaw models status', () => {
	const world = freshCliWorld();

	test('with nothing set up it says so and how to fix it', async () => {
		const result = await world.run(['models', 'status']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('none found');
		expect(result.stdout).toContain('openclaw models auth login --provider qwen-portal');
		expect(result.stdout).toContain('export QWEN_API_KEY=');
	});

	test('on a narrow terminal (COLUMNS) a long value goes on under itself, broken between words', async () => {
		world.saveLogin({model: 'qwen3-max'});
		const result = await world.run(['models', 'status'], {extraEnv: {COLUMNS: '60'}});
		const lines = result.stdout.trimEnd().split('\n');
		// Values start after "Default model  "; a value continued on the next row starts there too.
		expect(lines.some(line => /^ {15}\S/.test(line))).toBe(true);
		for (const line of lines.filter(row => !/\/\S{30,}/.test(row))) expect(line.length).toBeLessThanOrEqual(60);
	});

	test('shows the profile, masked key, region, configured and effective URL, default model', async () => {
		world.saveLogin({model: 'qwen3-max'});
		const result = await world.run(['models', 'status']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('profile qwen-portal:default');
		expect(result.stdout).toContain('sk-…0000');
		expect(result.stdout).toContain('International (Singapore)');
		expect(result.stdout).toContain(canonicalBaseUrl('intl'));
		expect(result.stdout).toContain(`${world.server.baseUrls.intl}  (overridden by QWEN_INTL_BASE_URL)`);
		expect(result.stdout).toMatch(/Default model\s+qwen3-max/);
	});

	test('names the env var when QWEN_API_KEY is in effect, and warns about a missing baseUrl', async () => {
		const result = await world.run(['models', 'status'], {extraEnv: {QWEN_API_KEY: TEST_KEYS.intl}});
		expect(result.stdout).toContain('from env QWEN_API_KEY');
		expect(result.stdout).toMatch(/warning: .*baseUrl/);
	});

	test('a retired default model gets a note naming its replacement', async () => {
		world.saveLogin({model: 'qwen-turbo'});
		const result = await world.run(['models', 'status']);
		expect(result.stdout).toContain('qwen-flash');
	});

	test('--json reports the same facts without the key', async () => {
		world.saveLogin();
		const result = await world.run(['models', 'status', '--json']);
		const data = JSON.parse(result.stdout) as Record<string, any>;
		expect(data['credential']).toMatchObject({source: {kind: 'profile', id: 'qwen-portal:default'}, maskedKey: 'sk-…0000'});
		expect(data['region']).toEqual({id: 'intl', label: 'International (Singapore)'});
		expect(data['baseUrl']).toBe(canonicalBaseUrl('intl'));
		expect(data['requestBaseUrl']).toBe(world.server.baseUrls.intl);
		expect(data['defaultModel']).toBe('qwen3-coder-plus');
	});

	test('--probe ok counts the region\'s models', async () => {
		world.saveLogin();
		const result = await world.run(['models', 'status', '--probe']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Probe: ok.*International \(Singapore\) \(\d+ models available\)/);
		expect(world.server.requests.some(request => request.method === 'GET' && request.path.endsWith('/models'))).toBe(true);
	});

	test('--probe with a key from another region names it and how to fix it, exit 1', async () => {
		world.saveLogin({keyRegion: 'cn', baseUrlRegion: 'intl'});
		const result = await world.run(['models', 'status', '--probe']);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('wrong region');
		expect(result.stdout).toContain('China (Beijing) (cn)');
		expect(result.stdout).toContain('--region cn');
		expect(result.stdout).toContain(canonicalBaseUrl('cn'));
	});

	test('--probe with an invalid key, exit 1', async () => {
		const badKey = 'sk-test0000nope000000000000000000000';
		registerSecret(badKey);
		const result = await world.run(['models', 'status', '--probe'], {extraEnv: {QWEN_API_KEY: badKey}});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('Probe: Invalid API key');
	});

	test('--probe against an unreachable endpoint, exit 1', async () => {
		world.saveLogin();
		const result = await world.run(['models', 'status', '--probe'], {
			extraEnv: {QWEN_INTL_BASE_URL: 'http://127.0.0.1:9/intl/compatible-mode/v1'},
		});
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/Probe: (Connection refused|Network error|Connection timed out)/);
	});

	test('--probe --json carries the verdict', async () => {
		world.saveLogin({keyRegion: 'cn', baseUrlRegion: 'intl'});
		const result = await world.run(['models', 'status', '--probe', '--json']);
		expect(result.code).toBe(1);
		expect(JSON.parse(result.stdout).probe).toMatchObject({status: 'wrong_region', region: 'intl', belongsTo: 'cn'});
	});
});

describe('openclaw restart', () => {
	const world = freshCliWorld();

	test('after exporting QWEN_API_KEY it shows the env key in effect over the saved profile', async () => {
		world.saveLogin({keyRegion: 'intl'});
		const before = await world.run(['restart']);
		expect(before.stdout).toContain('profile qwen-portal:default');
		const after = await world.run(['restart'], {extraEnv: {QWEN_API_KEY: TEST_KEYS.intl}});
		expect(after.code).toBe(0);
		expect(after.stdout).toContain('no background service');
		expect(after.stdout).toContain('from env QWEN_API_KEY');
		expect(after.stdout).toContain('International (Singapore)');
	});

	test('an exported but empty QWEN_API_KEY is called out', async () => {
		const result = await world.run(['restart'], {extraEnv: {QWEN_API_KEY: ''}});
		expect(result.stdout).toMatch(/QWEN_API_KEY is set but empty/);
	});

	test('--help says there is no service and what it does instead', async () => {
		const result = await world.run(['restart', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('no background service');
		expect(result.stdout).toContain('export QWEN_API_KEY');
	});
});

describe('openclaw models set', () => {
	const world = freshCliWorld();

	test('an alias sets the resolved id, keeps other keys and a backup', async () => {
		world.saveLogin();
		const config = world.home.readConfig();
		world.home.writeConfig({...config, gateway: {port: 18789}});
		const result = await world.run(['models', 'set', 'qwen']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('qwen-portal/qwen-plus');
		expect(result.stdout).toContain('was qwen-portal/qwen3-coder-plus');
		expect(result.stdout).toContain('openclaw.json.bak');
		const after = world.home.readConfig() as any;
		expect(after.agents.defaults.model.primary).toBe('qwen-portal/qwen-plus');
		expect(after.gateway).toEqual({port: 18789});
		expect(fs.existsSync(`${world.home.paths.configPath}.bak`)).toBe(true);
	});

	test('works before any login (creates openclaw.json)', async () => {
		const result = await world.run(['models', 'set', 'qwen3-max']);
		expect(result.code).toBe(0);
		expect((world.home.readConfig() as any).agents.defaults.model.primary).toBe('qwen-portal/qwen3-max');
	});

	test('a refused id exits 1 with the suggestion and writes nothing', async () => {
		world.saveLogin();
		const before = fs.readFileSync(world.home.paths.configPath, 'utf8');
		const result = await world.run(['models', 'set', 'qwen.qwen3-coder-30b-a3b-v1:0']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('Bedrock');
		expect(fs.readFileSync(world.home.paths.configPath, 'utf8')).toBe(before);
	});

	test('a missing argument is a usage error (exit 2)', async () => {
		const result = await world.run(['models', 'set']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('missing required argument');
	});
});

describe('an unparsable openclaw.json', () => {
	const world = freshCliWorld();

	test.each([
		[['models', 'status']],
		[['models', 'set', 'qwen']],
		[['chat', 'hello']],
		[['restart']],
	])('%j names file:line:column, exits 1 and writes nothing', async args => {
		const broken = '{\n  "models": {\n    "providers": {,\n  }\n}\n';
		world.home.writeConfig(broken);
		const result = await world.run(args, {extraEnv: {QWEN_API_KEY: TEST_KEYS.intl}});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(new RegExp(`${world.home.paths.configPath.replaceAll('.', '\\.')}:3:\\d+`));
		expect(result.stderr).toMatch(/Nothing was (written|changed)/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(fs.readFileSync(world.home.paths.configPath, 'utf8')).toBe(broken);
		expect(world.server.requests).toHaveLength(0);
	});

	test('a broken auth-profiles.json is named the same way and login leaves it alone', async () => {
		world.saveLogin();
		const broken = '{"version": 1, "profiles": {\n  "qwen-portal:default": {type: }\n}}\n';
		world.home.writeAuthProfiles(broken);
		const status = await world.run(['models', 'status']);
		expect(status.code).toBe(1);
		expect(status.stderr).toContain(`${world.home.paths.authProfilesPath}:2:`);
		const login = await world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'], {input: TEST_KEYS.intl});
		expect(login.code).toBe(1);
		expect(fs.readFileSync(world.home.paths.authProfilesPath, 'utf8')).toBe(broken);
	});
});
