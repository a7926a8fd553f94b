/**
 * Whether the terminal rewraps existing lines when it gets narrower. Most do
 * (xterm.js in VS Code, tmux, VTE, iTerm2, Terminal.app, kitty, WezTerm,
 * Windows Terminal); xterm itself and the Linux console cut lines instead.
 * Erasing rows that a non-reflowing terminal never added would erase finished
 * output, so an unknown terminal is taken not to reflow.
 * OPENCLAW_TERMINAL_REFLOW=1 or 0 overrides the guess.
 */
import type {Env} from '../../../core/env.js';
const reflowingPrograms = new Set(['vscode', 'iTerm.app', 'Apple_Terminal', 'WezTerm', 'ghostty', 'Hyper', 'tmux', 'Tabby', 'rio', 'WarpTerminal']);
const reflowingTerms = /^(?:xterm-kitty|xterm-ghostty|alacritty|foot|wezterm|tmux|contour)/;

export function terminalReflows(env: Env): boolean {
	const override = env['OPENCLAW_TERMINAL_REFLOW'];
	if (override === '1' || override === '0') return override === '1';
	if (env['TMUX'] || env['VTE_VERSION'] || env['KONSOLE_VERSION'] || env['WT_SESSION'] || env['KITTY_WINDOW_ID']) return true;
	if (env['ALACRITTY_WINDOW_ID'] || env['ALACRITTY_LOG'] || env['WEZTERM_PANE']) return true;
	if (reflowingPrograms.has(env['TERM_PROGRAM'] ?? '')) return true;
	return reflowingTerms.test(env['TERM'] ?? '');
}
