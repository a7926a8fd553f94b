/**
 * Colour, decided once for every output (the commands' plain text, the
 * screens, the chat pane): only on a terminal, never with NO_COLOR, never on a
 * dumb terminal; FORCE_COLOR turns it on (1 or more, even into a pipe) or off
 * (0), as Node and chalk read it. Piped output and files never get escape codes.
 */
import type {Env} from './env.js';
import {FORCE_COLOR_ENV_VAR, NO_COLOR_ENV_VAR, TERM_ENV_VAR} from './env-vars.js';

export type Style = {
	readonly enabled: boolean;
	readonly bold: (text: string) => string;
	readonly dim: (text: string) => string;
	readonly red: (text: string) => string;
	readonly green: (text: string) => string;
	readonly yellow: (text: string) => string;
	readonly cyan: (text: string) => string;
};

/** Whether output to `stream` gets colour: https://no-color.org first, then FORCE_COLOR, then TERM=dumb, then whether it is a terminal. */
export function wantsColor(env: Env, stream: {readonly isTTY?: boolean}): boolean {
	const noColor = env[NO_COLOR_ENV_VAR];
	if (noColor !== undefined && noColor !== '') return false;
	const force = env[FORCE_COLOR_ENV_VAR];
	if (force !== undefined) return force !== '0' && force !== 'false';
	if (env[TERM_ENV_VAR] === 'dumb') return false;
	return stream.isTTY === true;
}

export function createStyle(stream: {readonly isTTY?: boolean}, env: Env): Style {
	const enabled = wantsColor(env, stream);
	const wrap = (open: number, close: number) => (text: string) =>
		enabled ? `\u001B[${open}m${text}\u001B[${close}m` : text;
	return {
		enabled,
		bold: wrap(1, 22),
		dim: wrap(2, 22),
		red: wrap(31, 39),
		green: wrap(32, 39),
		yellow: wrap(33, 39),
		cyan: wrap(36, 39),
	};
}
