/**
 * OPENCLAW_TIMEOUT_MS: the connect, first-byte and idle timeout of every
 * request (chat, key checks, model lists). Checked, not guessed at: a value a
 * timer cannot hold (Node fires anything past 2^31 ms at once) or that nobody
 * means (0, -1, "abc") is a usage error naming the variable and the range.
 */
import {AppError} from './app-error.js';
import type {Env} from './env.js';
import {ADVICE, MAX_TIMEOUT_MS, MIN_TIMEOUT_MS, TIMEOUT_ENV_VAR} from './messages.js';
import {plainText} from './terminal-text.js';

/** The timeout in ms, or undefined when the variable is unset or empty (each caller's default applies). */
export function requestTimeoutFromEnv(env: Env): number | undefined {
	const raw = env[TIMEOUT_ENV_VAR];
	const text = raw?.trim() ?? '';
	if (text === '') return undefined;
	const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
	if (value >= MIN_TIMEOUT_MS && value <= MAX_TIMEOUT_MS) return value;
	const shown = plainText(text);
	throw new AppError({kind: 'usage', ...ADVICE.badTimeout(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown)}, {exitCode: 2});
}
