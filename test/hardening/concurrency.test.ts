/**
 * Two writers at the same moment: real processes racing on the same files must
 * leave valid JSON with every key the other tools put there.
 */
import fs from 'node:fs';
import {describe, expect, it} from 'vitest';
import JSON5 from 'json5';
import {freshCliWorld} from '../support/cli-world.js';

const world = freshCliWorld();

const OTHER_TOOLS = {
	gateway: {port: 18789, auth: {mode: 'token'}},
	channels: {telegram: {enabled: true}},
};

function writeSharedConfig() {
	world.saveLogin();
	const config = world.home.readConfig() as Record<string, any>;
	config.models.providers.anthropic = {baseUrl: 'https://api.anthropic.com', api: 'anthropic-messages', models: []};
	config.agents.defaults.models = {'anthropic/claude-sonnet-4': {alias: 'sonnet'}};
	world.home.writeConfig({...config, ...OTHER_TOOLS});
}

function readJson(file: string): Record<string, any> {
	return JSON5.parse<Record<string, any>>(fs.readFileSync(file, 'utf8'));
}

describe('concurrent writers', () => {
	it('two `models set` at once leave a valid config with every other key intact', async () => {
		writeSharedConfig();
		for (let round = 0; round < 3; round++) {
			const [first, second] = await Promise.all([
				world.run(['models', 'set', 'qwen-plus']),
				world.run(['models', 'set', 'qwen3-max']),
			]);
			expect([first.code, second.code, first.stderr + second.stderr]).toEqual([0, 0, '']);
			const config = readJson(world.home.paths.configPath);
			expect(['qwen-portal/qwen-plus', 'qwen-portal/qwen3-max']).toContain(config.agents.defaults.model.primary);
			expect(config).toMatchObject(OTHER_TOOLS);
			expect(config.models.providers.anthropic).toEqual({baseUrl: 'https://api.anthropic.com', api: 'anthropic-messages', models: []});
			expect(config.agents.defaults.models['anthropic/claude-sonnet-4']).toEqual({alias: 'sonnet'});
			expect(config.models.providers['qwen-portal'].apiKey).toBe('profile:qwen-portal:default');
		}
	});

	it('a login and a `models set` at once keep both writes\' other keys and the saved key', async () => {
		writeSharedConfig();
		const profiles = readJson(world.home.paths.authProfilesPath);
		profiles.profiles['anthropic:default'] = {type: 'api_key', provider: 'anthropic', key: 'sk-ant-test0000'};
		world.home.writeAuthProfiles(profiles);

		const [login, set] = await Promise.all([
			world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'cn', '--model', 'qwen-max'], {
				input: world.server.keys.cn,
			}),
			world.run(['models', 'set', 'qwen3-coder-flash']),
		]);
		expect([login.code, set.code]).toEqual([0, 0]);

		const config = readJson(world.home.paths.configPath);
		expect(config).toMatchObject(OTHER_TOOLS);
		expect(config.models.providers.anthropic).toBeDefined();
		expect(config.models.providers['qwen-portal'].baseUrl).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
		expect(['qwen-portal/qwen-max', 'qwen-portal/qwen3-coder-flash']).toContain(config.agents.defaults.model.primary);

		const saved = readJson(world.home.paths.authProfilesPath);
		expect(saved.profiles['qwen-portal:default'].key).toBe(world.server.keys.cn);
		expect(saved.profiles['anthropic:default']).toEqual({type: 'api_key', provider: 'anthropic', key: 'sk-ant-test0000'});
		expect(fs.statSync(world.home.paths.authProfilesPath).mode & 0o777).toBe(0o600);
	});

	it('two logins at once leave one valid auth-profiles.json with the other tool\'s profile', async () => {
		writeSharedConfig();
		const profiles = readJson(world.home.paths.authProfilesPath);
		profiles.profiles['anthropic:default'] = {type: 'api_key', provider: 'anthropic', key: 'sk-ant-test0000'};
		world.home.writeAuthProfiles(profiles);

		const results = await Promise.all(
			(['intl', 'us'] as const).map(region =>
				world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', region], {input: world.server.keys[region]}),
			),
		);
		expect(results.map(result => result.code)).toEqual([0, 0]);
		const saved = readJson(world.home.paths.authProfilesPath);
		expect([world.server.keys.intl, world.server.keys.us]).toContain(saved.profiles['qwen-portal:default'].key);
		expect(saved.profiles['anthropic:default']).toBeDefined();
		expect(readJson(world.home.paths.configPath)).toMatchObject(OTHER_TOOLS);
	});
});
