/**
 * `openclaw doctor` as a user runs it (the built CLI, piped output) on each of
 * the guide's four troubleshooting issues, plus --fix and --json.
 */
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';
import {snapshotTree} from '../support/file-tree.js';

const world = freshCliWorld();

describe('openclaw doctor names the guide\'s troubleshooting issues', () => {
	it('healthy: exit 0, plain text', async () => {
		world.saveLogin();
		const result = await world.run(['doctor']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('✓ Key accepted by International (Singapore)');
		expect(result.stdout).not.toContain('\u001B[');
	});

	it('a key no region accepts', async () => {
		world.saveLogin();
		world.home.writeAuthProfiles({version: 1, profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: 'sk-test0000gone00000000000000000000'}}});
		const result = await world.run(['doctor']);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ The key is rejected by every region (Invalid API key)');
	});

	it('a China key on the International endpoint', async () => {
		world.saveLogin({keyRegion: 'cn', baseUrlRegion: 'intl'});
		const result = await world.run(['doctor']);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('✗ The key belongs to China (Beijing), not International (Singapore) (Wrong region)');
		expect(result.stdout).toContain('Next step: Run `openclaw models auth login --provider qwen-portal --region cn`');
	});

	it('on a width (a terminal, or COLUMNS) long lines break between words under their indent; a pipe keeps them whole', async () => {
		world.saveLogin({keyRegion: 'cn', baseUrlRegion: 'intl'});
		const narrow = await world.run(['doctor'], {extraEnv: {COLUMNS: '60'}});
		const lines = narrow.stdout.trimEnd().split('\n');
		// Paths and URLs are kept whole; every other line fits.
		for (const line of lines.filter(row => !/\/\S{40,}/.test(row))) expect(line.length).toBeLessThanOrEqual(60);
		const nextStep = lines.findIndex(line => line.startsWith('      Next step: Run `openclaw models auth login'));
		expect(nextStep).toBeGreaterThan(0);
		expect(lines[nextStep + 1]).toMatch(/^ {6}\S/);
		const piped = await world.run(['doctor']);
		expect(piped.stdout).toContain('Next step: Run `openclaw models auth login --provider qwen-portal --region cn`');
	});

	it('a Bedrock-style default model', async () => {
		world.saveLogin({model: 'qwen.qwen3-coder-30b-a3b-v1:0'});
		const result = await world.run(['doctor']);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/✗ The default model "qwen-portal\/qwen\.qwen3-coder-30b-a3b-v1:0" will not be found$/m);
		expect(result.stdout).toContain('Bedrock');
	});

	it('QWEN_API_KEY exported empty', async () => {
		const result = await world.run(['doctor'], {extraEnv: {QWEN_API_KEY: ''}});
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/^ *! QWEN_API_KEY is set but empty$/m);
		expect(result.stdout).toContain('✗ No API key found');
	});
});

describe('openclaw doctor --fix and --json', () => {
	it('--fix repairs the key file mode and changes no byte of any file', async () => {
		world.saveLogin();
		fs.chmodSync(world.home.paths.authProfilesPath, 0o644);
		const before = snapshotTree(world.home.home);

		const check = await world.run(['doctor']);
		expect(check.code).toBe(1);
		expect(check.stdout).toContain('✗ agents/main/agent/auth-profiles.json is not private (0644)');
		expect(snapshotTree(world.home.home)).toEqual(before);

		const fixed = await world.run(['doctor', '--fix']);
		expect(fixed.code).toBe(0);
		expect(fixed.stdout).toContain(`Fixed: ${world.home.paths.authProfilesPath} mode 0644 → 0600`);
		const after = snapshotTree(world.home.home);
		const key = '.openclaw/agents/main/agent/auth-profiles.json';
		expect(after[key]).toEqual({...before[key], mode: '600'});
		expect({...after, [key]: undefined}).toEqual({...before, [key]: undefined});
	});

	it('after a fresh login, --fix makes the folder holding the key file private too, and then all is well', async () => {
		const login = await world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'], {input: `${world.server.keys.intl}\n`});
		expect(login.code).toBe(0);
		fs.chmodSync(world.home.paths.appDir, 0o755);
		fs.chmodSync(world.home.credentialsPath, 0o644);

		const check = await world.run(['doctor']);
		expect(check.code).toBe(1);
		expect(check.stdout).toContain('✗ openclaw-qwen/credentials.json is not private (0644)');
		expect(check.stdout).toContain('! Folder openclaw-qwen is not private (0755)');

		const fixed = await world.run(['doctor', '--fix']);
		expect(fixed.code).toBe(0);
		expect(fixed.stdout).toContain(`Fixed: ${world.home.paths.appDir} mode 0755 → 0700`);
		expect(fs.statSync(world.home.paths.appDir).mode & 0o777).toBe(0o700);
		expect(fs.statSync(world.home.credentialsPath).mode & 0o777).toBe(0o600);

		const again = await world.run(['doctor']);
		expect(again.stdout).toContain('✓ Folder openclaw-qwen is private (0700)');
		expect(again.stdout).not.toContain('not private');
	});

	it('--json is one parseable document with every check', async () => {
		world.saveLogin({keyRegion: 'cn'});
		const result = await world.run(['doctor', '--json']);
		expect(result.code).toBe(1);
		const report = JSON.parse(result.stdout) as {ok: boolean; checks: Array<{id: string; status: string; nextStep: string}>};
		expect(report.ok).toBe(false);
		const region = report.checks.find(entry => entry.id === 'region.key');
		expect(region).toMatchObject({status: 'problem'});
		expect(region?.nextStep).toContain('--region cn');
	});
});
