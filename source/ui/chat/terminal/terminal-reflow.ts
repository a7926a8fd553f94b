/**
 * Whether the terminal rewraps existing lines when it gets narrower. Most do
 * (xterm.js in VS Code, tmux, VTE, iTerm2, Terminal.app, kitty, WezTerm,
 * Windows Terminal); xterm itself and the Linux console cut lines instead.
 * Erasing rows that a non-reflowing terminal never added would erase finished
 * output, so an unknown terminal is taken not to reflow.
 * OPENCLAW_TERMINAL_REFLOW=1 or 0 overrides the guess.
 */
import type {Env} from '../../../core/env.js';
import {REFLOWING_TERMINAL_ENV_VARS, TERM_ENV_VAR, TERMINAL_PROGRAM_ENV_VAR, TERMINAL_REFLOW_ENV_VAR} from '../../../core/env-vars.js';

const reflowingPrograms = new Set(['vscode', 'iTerm.app', 'Apple_Terminal', 'WezTerm', 'ghostty', 'Hyper', 'tmux', 'Tabby', 'rio', 'WarpTerminal']);
const reflowingTerms = /^(?:xterm-kitty|xterm-ghostty|alacritty|foot|wezterm|tmux|contour)/;

export function terminalReflows(env: Env): boolean {
	const override = env[TERMINAL_REFLOW_ENV_VAR];
	if (override === '1' || override === '0') return override === '1';
	if (REFLOWING_TERMINAL_ENV_VARS.some(name => env[name])) return true;
	if (reflowingPrograms.has(env[TERMINAL_PROGRAM_ENV_VAR] ?? '')) return true;
	return reflowingTerms.test(env[TERM_ENV_VAR] ?? '');
}
