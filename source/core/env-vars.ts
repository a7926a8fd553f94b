/**
 * Every environment variable the program reads, as data: its name, what it
 * does and its default. The root help's Environment section is printed from
 * this list, and the readers take the names from here (or from the module
 * that owns the fact a variable moves: paths.ts, regions.ts,
 * request-timeout.ts, oauth/constants.ts).
 */
import {OAUTH_BASE_URL_ENV_VAR, QWEN_OAUTH_DEFAULT_BASE_URL} from './oauth/constants.js';
import {
	AGENT_DIR_ENV_VAR,
	AGENT_DIR_PARTS,
	AUTH_PROFILES_FILE_NAME,
	CONFIG_FILE_NAME,
	CONFIG_PATH_ENV_VAR,
	HOME_ENV_VAR,
	OAUTH_DIR_ENV_VAR,
	OAUTH_DIR_NAME,
	STATE_DIR_ENV_VAR,
	STATE_DIR_NAME,
} from './paths.js';
import {REGIONS} from './regions.js';
import {COMPILE_CACHE_ENV_VARS, DEBUG_ENV_VAR} from './launch-env-vars.js';
import {DEFAULT_TIMEOUT_MS, TIMEOUT_ENV_VAR} from './request-timeout.js';

/** The variables that hold a DashScope key, in the order they win. */
export const KEY_ENV_VARS = ['QWEN_API_KEY', 'DASHSCOPE_API_KEY'] as const;
export type KeyEnvVar = (typeof KEY_ENV_VARS)[number];
/** The key variable advice names when it says "export the key". */
export const SUGGESTED_KEY_ENV_VAR: KeyEnvVar = KEY_ENV_VARS[0];

export const NO_SAVE_ENV_VAR = 'OPENCLAW_NO_SAVE';
export const NO_BROWSER_ENV_VAR = 'OPENCLAW_NO_BROWSER';
export const TERMINAL_REFLOW_ENV_VAR = 'OPENCLAW_TERMINAL_REFLOW';
export const BROWSER_ENV_VAR = 'BROWSER';
export const NO_COLOR_ENV_VAR = 'NO_COLOR';
export const FORCE_COLOR_ENV_VAR = 'FORCE_COLOR';
export const TERM_ENV_VAR = 'TERM';
export const COLUMNS_ENV_VAR = 'COLUMNS';

/** Read to tell whether a browser can open here (a remote or headless session cannot). */
export const BROWSER_SESSION_ENV_VARS = ['SSH_CONNECTION', 'SSH_TTY', 'DISPLAY', 'WAYLAND_DISPLAY', 'WSL_DISTRO_NAME'] as const;
/** Read to recognise the terminal: whether it rewraps lines on a resize, whether tmux sits in between. */
export const TERMINAL_PROGRAM_ENV_VAR = 'TERM_PROGRAM';
/** Set inside tmux, which passes some sequences on only when wrapped for it. */
export const TMUX_ENV_VAR = 'TMUX';
/** Each set only by a terminal that rewraps lines on a resize (tmux included). */
export const REFLOWING_TERMINAL_ENV_VARS = [
	TMUX_ENV_VAR,
	'VTE_VERSION',
	'KONSOLE_VERSION',
	'WT_SESSION',
	'KITTY_WINDOW_ID',
	'ALACRITTY_WINDOW_ID',
	'ALACRITTY_LOG',
	'WEZTERM_PANE',
] as const;
const TERMINAL_ENV_VARS = [TERMINAL_PROGRAM_ENV_VAR, ...REFLOWING_TERMINAL_ENV_VARS] as const;

export type EnvVar = {
	readonly name: string;
	readonly meaning: string;
	readonly default?: string;
};

/** A group of variables read only to find out where the program runs; nobody sets them for openclaw. */
export type DetectedEnvVars = {
	readonly names: readonly string[];
	readonly purpose: string;
};

const STATE_DIR = '<state dir>';

/** The variables a person sets, in the order the help lists them. */
export const ENV_VARS: readonly EnvVar[] = [
	{name: KEY_ENV_VARS[0], meaning: `DashScope key; wins over ${KEY_ENV_VARS[1]} and the saved login`},
	{name: KEY_ENV_VARS[1], meaning: `DashScope key, used when ${KEY_ENV_VARS[0]} is not set`},
	{name: STATE_DIR_ENV_VAR, meaning: 'state directory', default: `~/${STATE_DIR_NAME}`},
	{name: CONFIG_PATH_ENV_VAR, meaning: 'main config file', default: `${STATE_DIR}/${CONFIG_FILE_NAME}`},
	{name: AGENT_DIR_ENV_VAR, meaning: `agent directory holding ${AUTH_PROFILES_FILE_NAME}`, default: [STATE_DIR, ...AGENT_DIR_PARTS].join('/')},
	{name: OAUTH_DIR_ENV_VAR, meaning: "OpenClaw's folder of OAuth credentials, checked for files it must migrate", default: `${STATE_DIR}/${OAUTH_DIR_NAME}`},
	{name: HOME_ENV_VAR, meaning: 'home directory used instead of HOME', default: 'HOME'},
	{name: TIMEOUT_ENV_VAR, meaning: 'connect and idle timeout of requests, in ms', default: String(DEFAULT_TIMEOUT_MS)},
	...REGIONS.map(region => ({
		name: region.baseUrlEnv,
		meaning: `send ${region.label} requests to a proxy or gateway instead (openclaw.json is not changed)`,
	})),
	{name: OAUTH_BASE_URL_ENV_VAR, meaning: 'Qwen OAuth sign-in server', default: QWEN_OAUTH_DEFAULT_BASE_URL},
	{name: NO_BROWSER_ENV_VAR, meaning: '1: show the Qwen OAuth link and QR code, open no browser'},
	{name: BROWSER_ENV_VAR, meaning: 'none: open no browser for Qwen OAuth'},
	{name: NO_SAVE_ENV_VAR, meaning: '1: save no conversation (as --no-save)'},
	{name: TERMINAL_REFLOW_ENV_VAR, meaning: '1 or 0: the terminal rewraps lines on a resize, or not', default: 'guessed'},
	{name: DEBUG_ENV_VAR, meaning: 'print stack traces for unexpected errors'},
	{name: NO_COLOR_ENV_VAR, meaning: 'plain output without colours'},
	{name: FORCE_COLOR_ENV_VAR, meaning: '0: no colours; 1 or more: colours even into a pipe'},
	{name: TERM_ENV_VAR, meaning: 'dumb: no colours'},
	{name: COLUMNS_ENV_VAR, meaning: 'width of tables and help printed into a pipe', default: "the terminal's; into a pipe, help is 80 wide and tables are not cut"},
];

/** The variables read only to find out where the program runs. */
export const DETECTED_ENV_VARS: readonly DetectedEnvVars[] = [
	{names: ['HOME'], purpose: 'the home directory'},
	{names: TERMINAL_ENV_VARS, purpose: 'which terminal this is'},
	{names: BROWSER_SESSION_ENV_VARS, purpose: 'whether a browser can open'},
	{names: COMPILE_CACHE_ENV_VARS, purpose: "Node's compile cache"},
];
