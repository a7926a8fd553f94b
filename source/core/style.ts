/**
 * Terminal styling for the CLI's plain-text output. Colour only when the stream
 * is a TTY and NO_COLOR is not set (FORCE_COLOR overrides), so piped output and
 * files never get escape codes.
 */
import type {Env} from './env.js';
export type Style = {
	readonly enabled: boolean;
	readonly bold: (text: string) => string;
	readonly dim: (text: string) => string;
	readonly red: (text: string) => string;
	readonly green: (text: string) => string;
	readonly yellow: (text: string) => string;
	readonly cyan: (text: string) => string;
};

function colorEnabled(stream: {isTTY?: boolean}, env: Env = process.env): boolean {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	const force = env['FORCE_COLOR'];
	if (force !== undefined) return force !== '0' && force !== 'false';
	if (env['TERM'] === 'dumb') return false;
	return stream.isTTY === true;
}

export function createStyle(stream: {isTTY?: boolean}, env: Env = process.env): Style {
	const enabled = colorEnabled(stream, env);
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
