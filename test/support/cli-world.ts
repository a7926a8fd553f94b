/**
 * Per-test world for the CLI tests: a fake DashScope on 127.0.0.1, a temp
 * HOME, and helpers to run the built CLI against them.
 */
import {TEST_KEYS, type FakeDashScope, type FakeDashScopeOptions} from './fake-dashscope.ts';
import {runCli, startCli, type CliOptions, type CliResult, type CliRun} from './run-cli.ts';
import type {TempHome} from './temp-home.ts';
import {freshFakeDashScopeHome} from './fresh-fake-dashscope-home.ts';

export type CliWorld = {
	server: FakeDashScope;
	home: TempHome;
	/** The temp HOME's env plus the fake server's region URLs, plus `extra`. */
	env(extra?: Record<string, string>): Record<string, string>;
	run(args: readonly string[], options?: Partial<CliOptions> & {extraEnv?: Record<string, string>}): Promise<CliResult>;
	start(args: readonly string[], options?: Partial<CliOptions> & {extraEnv?: Record<string, string>}): CliRun;
	/**
	 * Writes the files a finished Qwen OAuth login leaves: profile qwen-portal:oauth
	 * (the API-key profile too when `keepApiKey`), the provider entry on the portal.
	 */
	saveOAuthLogin(options: {access: string; expires: number; baseUrl?: string; keepApiKey?: boolean; model?: string}): void;
	/** Writes the files a finished API-key login leaves (key from `region`, intl endpoint unless told). */
	saveLogin(options?: {keyRegion?: keyof typeof TEST_KEYS; baseUrlRegion?: keyof typeof TEST_KEYS; model?: string}): void;
};

const CANONICAL = {
	intl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
	cn: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
	us: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
	hk: 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1',
} as const;

export const PORTAL_BASE_URL = 'https://portal.qwen.ai/v1';

export function canonicalBaseUrl(region: keyof typeof CANONICAL): string {
	return CANONICAL[region];
}

/** Registers beforeEach/afterEach hooks and returns a handle whose fields are live during each test. */
export function freshCliWorld(serverOptions: FakeDashScopeOptions = {}): CliWorld {
	const {fake, home} = freshFakeDashScopeHome(serverOptions);
	const world: CliWorld = {
		server: fake,
		home,
		env(extra = {}) {
			// The developer's terminal width must not reach the plain-text layout.
			const {COLUMNS: _columns, ...inherited} = world.home.env;
			return {...inherited, ...extra};
		},
		run: (args, options = {}) => runCli(args, {...options, env: options.env ?? world.env(options.extraEnv)}),
		start: (args, options = {}) => startCli(args, {...options, env: options.env ?? world.env(options.extraEnv)}),
		saveOAuthLogin({access, expires, baseUrl = PORTAL_BASE_URL, keepApiKey = false, model = 'coder-model'}) {
			world.home.writeAuthProfiles({
				version: 1,
				profiles: {
					...(keepApiKey ? {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS.intl}} : {}),
					'qwen-portal:oauth': {type: 'oauth', provider: 'qwen-portal', access, refresh: 'fake-refresh-0', expires},
				},
			});
			world.home.writeConfig({
				models: {providers: {'qwen-portal': {baseUrl, apiKey: 'profile:qwen-portal:oauth', api: 'openai-completions'}}},
				agents: {defaults: {model: {primary: `qwen-portal/${model}`}}},
			});
		},
		saveLogin({keyRegion = 'intl', baseUrlRegion = 'intl', model = 'qwen3-coder-plus'} = {}) {
			world.home.writeAuthProfiles({
				version: 1,
				profiles: {'qwen-portal:default': {type: 'api_key', provider: 'qwen-portal', key: TEST_KEYS[keyRegion]}},
			});
			world.home.writeConfig({
				models: {
					providers: {
						'qwen-portal': {baseUrl: CANONICAL[baseUrlRegion], apiKey: 'profile:qwen-portal:default', api: 'openai-completions'},
					},
				},
				agents: {defaults: {model: {primary: `qwen-portal/${model}`}}},
			});
		},
	};
	return world;
}

export const ESC = '\u001B';
