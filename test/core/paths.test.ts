import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {oauthDir, resolvePaths} from '../../source/core/paths.js';

describe('resolvePaths', () => {
	it('puts everything under ~/.openclaw by default, like OpenClaw', () => {
		expect(resolvePaths({HOME: '/home/ada'})).toEqual({
			home: '/home/ada',
			stateDir: '/home/ada/.openclaw',
			configPath: '/home/ada/.openclaw/openclaw.json',
			agentDir: '/home/ada/.openclaw/agents/main/agent',
			authProfilesPath: '/home/ada/.openclaw/agents/main/agent/auth-profiles.json',
			appDir: '/home/ada/.openclaw/openclaw-qwen',
		});
	});

	it('lets OPENCLAW_HOME stand in for HOME', () => {
		const paths = resolvePaths({HOME: '/home/ada', OPENCLAW_HOME: '/srv/claw'});
		expect(paths.home).toBe('/srv/claw');
		expect(paths.configPath).toBe('/srv/claw/.openclaw/openclaw.json');
	});

	it('honours OPENCLAW_STATE_DIR, OPENCLAW_CONFIG_PATH and OPENCLAW_AGENT_DIR, expanding ~', () => {
		const paths = resolvePaths({
			HOME: '/home/ada',
			OPENCLAW_STATE_DIR: '~/state',
			OPENCLAW_CONFIG_PATH: '~/dotfiles/openclaw.json5',
			OPENCLAW_AGENT_DIR: '/agents/work',
		});
		expect(paths.stateDir).toBe('/home/ada/state');
		expect(paths.configPath).toBe('/home/ada/dotfiles/openclaw.json5');
		expect(paths.agentDir).toBe('/agents/work');
		expect(paths.authProfilesPath).toBe('/agents/work/auth-profiles.json');
	});

	it('derives the config and agent dir from a custom state dir', () => {
		const paths = resolvePaths({HOME: '/home/ada', OPENCLAW_STATE_DIR: '/data/oc'});
		expect(paths.configPath).toBe('/data/oc/openclaw.json');
		expect(paths.authProfilesPath).toBe('/data/oc/agents/main/agent/auth-profiles.json');
	});

	it('treats blank env values as unset and makes relative ones absolute', () => {
		const paths = resolvePaths({HOME: '/home/ada', OPENCLAW_STATE_DIR: '  ', OPENCLAW_CONFIG_PATH: 'rel/oc.json'});
		expect(paths.stateDir).toBe('/home/ada/.openclaw');
		expect(paths.configPath).toBe(path.resolve('rel/oc.json'));
	});
});

describe('oauthDir', () => {
	it('expands ~ in OPENCLAW_OAUTH_DIR as in the other path variables, and treats blank as unset', () => {
		const env = {HOME: '/home/ada', OPENCLAW_STATE_DIR: '~/state', OPENCLAW_OAUTH_DIR: '~/oauth'};
		expect(oauthDir(resolvePaths(env), env)).toBe('/home/ada/oauth');
		const blank = {HOME: '/home/ada', OPENCLAW_OAUTH_DIR: ' '};
		expect(oauthDir(resolvePaths(blank), blank)).toBe('/home/ada/.openclaw/credentials');
	});
});
