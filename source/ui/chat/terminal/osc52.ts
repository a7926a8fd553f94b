/**
 * Text to the terminal's clipboard with OSC 52 (ESC ] 52 ; c ; base64 BEL):
 * the one way that also works over ssh. Inside tmux the sequence also goes
 * wrapped for passthrough (ESC P tmux; … ESC \, every ESC inside doubled), so
 * it reaches the terminal tmux runs in with `allow-passthrough on`; tmux takes
 * the plain one itself with `set-clipboard on`. Terminals do not answer it, so
 * nothing confirms that it arrived.
 */
import type {Env} from '../../../core/env.js';
import {TMUX_ENV_VAR} from '../../../core/env-vars.js';

export function osc52(text: string, env: Env): string {
	const sequence = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	if (!env[TMUX_ENV_VAR]) return sequence;
	return `${sequence}\u001BPtmux;${sequence.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`;
}

/** What the pane says after copying: honest that the terminal may have ignored it. */
export const CLIPBOARD_NOTE = "sent to the terminal's clipboard (OSC 52); your terminal may not confirm it";
