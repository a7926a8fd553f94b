/** OPENCLAW_TIMEOUT_MS: connect, first-byte and idle timeout for slow links (default: the client's 30 s). */
import type {Env} from '../core/env.js';
export function timeoutFromEnv(env: Env): number | undefined {
	const value = Number(env['OPENCLAW_TIMEOUT_MS']);
	return Number.isFinite(value) && value > 0 ? value : undefined;
}
