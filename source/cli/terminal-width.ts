/** How wide printed text may be: a terminal's own width; for piped output only when COLUMNS asks for one. */
import type {Env} from '../core/env.js';
import {COLUMNS_ENV_VAR} from '../core/env-vars.js';

export function terminalWidth(stream: {readonly isTTY?: boolean; readonly columns?: number}, env: Env): number | undefined {
	if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0) return stream.columns;
	const columns = Number.parseInt(env[COLUMNS_ENV_VAR] ?? '', 10);
	return Number.isFinite(columns) && columns > 0 ? columns : undefined;
}
