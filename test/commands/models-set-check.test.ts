/**
 * `openclaw models set` with an id outside the registry: the region's own model
 * list decides whether it is a typo (refused) or a real model (saved).
 */
import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';
import {closedPort} from '../support/closed-port.js';

const primary = (config: Record<string, unknown>) => (config as any).agents?.defaults?.model?.primary as string | undefined;

describe('openclaw models set <id outside the registry>', () => {
	const world = freshCliWorld();

	test('a typo the region does not serve is refused with its closest ids, the config left byte-identical', async () => {
		world.saveLogin();
		const before = fs.readFileSync(world.home.paths.configPath);
		const result = await world.run(['models', 'set', 'qwen-plsu']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('qwen-plsu is not a model International (Singapore) serves');
		expect(result.stderr).toMatch(/Closest ids there: qwen-plus\b/);
		expect(result.stderr).toContain('openclaw models set qwen-plsu --force');
		expect(fs.readFileSync(world.home.paths.configPath).equals(before)).toBe(true);
		expect(fs.existsSync(`${world.home.paths.configPath}.bak`)).toBe(false);
		expect(world.server.requests.map(request => `${request.method} ${request.path}`)).toEqual([
			'GET /intl/compatible-mode/v1/models',
		]);
	});

	test('an id the region lists but the registry does not is saved', async () => {
		world.saveLogin();
		const result = await world.run(['models', 'set', 'qwen3.5-plus']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('qwen-portal/qwen3.5-plus');
		expect(result.stderr).toContain('International (Singapore) lists it');
		expect(primary(world.home.readConfig())).toBe('qwen-portal/qwen3.5-plus');
	});

	test('--force saves a typo without asking the region', async () => {
		world.saveLogin();
		const result = await world.run(['models', 'set', 'qwen-plsu', '--force']);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('not checked');
		expect(primary(world.home.readConfig())).toBe('qwen-portal/qwen-plsu');
		expect(world.server.requests).toHaveLength(0);
	});

	test('with no key it is saved, with a note saying it could not be checked and why', async () => {
		const result = await world.run(['models', 'set', 'qwen-plsu']);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('could not be checked');
		expect(result.stderr).toContain('no API key is set up');
		expect(primary(world.home.readConfig())).toBe('qwen-portal/qwen-plsu');
		expect(world.server.requests).toHaveLength(0);
	});

	test('when the region cannot be reached it is saved, with a note naming the failure', async () => {
		world.saveLogin();
		const port = await closedPort();
		const result = await world.run(['models', 'set', 'qwen-plsu'], {
			extraEnv: {QWEN_INTL_BASE_URL: `http://127.0.0.1:${port}/compatible-mode/v1`},
		});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('could not be checked');
		expect(result.stderr).toContain('Connection refused');
		expect(primary(world.home.readConfig())).toBe('qwen-portal/qwen-plsu');
	});

	test('when the region refuses the key it is saved, with a note saying so', async () => {
		world.saveLogin({keyRegion: 'cn'});
		const result = await world.run(['models', 'set', 'qwen-plsu']);
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('could not be checked');
		expect(result.stderr).toContain('refused the key');
		expect(primary(world.home.readConfig())).toBe('qwen-portal/qwen-plsu');
	});

	test.each([['qwen'], ['qwen3-max'], ['qwen-portal/qwen-plus']])('registry input %s sends no request', async input => {
		world.saveLogin();
		const result = await world.run(['models', 'set', input]);
		expect(result.code).toBe(0);
		expect(world.server.requests).toHaveLength(0);
	});
});
