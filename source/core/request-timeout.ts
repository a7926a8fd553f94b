/**
 * Every timeout fact, written once: OPENCLAW_TIMEOUT_MS (the connect,
 * first-byte and idle timeout of chat requests and key checks), its default
 * and range, and the waits that do not follow it. The value is checked, not
 * guessed at: one a timer cannot hold (Node fires anything past 2^31 ms at
 * once) or that nobody means (0, -1, "abc") is a usage error naming the
 * variable and the range.
 *
 * No import of messages.ts: messages and help take these numbers from here,
 * so the wording of a bad value lives here too.
 */
import {AppError} from './app-error.js';
import type {Env} from './env.js';
import {plainText} from './terminal-text.js';

/** The variable that sets the request timeout. */
export const TIMEOUT_ENV_VAR = 'OPENCLAW_TIMEOUT_MS';
/** The timeout of a chat request when the variable is unset. */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const MIN_TIMEOUT_MS = 1000;
/** An hour; Node's timers overflow past 2^31 ms. */
export const MAX_TIMEOUT_MS = 3_600_000;
/** The wait for a model list (GET /models) when the variable is unset: short, since nothing but a list is waited for. */
export const CATALOGUE_TIMEOUT_MS = 8000;
/** The wait for a Qwen OAuth token refresh, which holds the state lock meanwhile. */
export const TOKEN_REFRESH_TIMEOUT_MS = 20_000;

/** The timeout in ms, or undefined when the variable is unset or empty (each caller's default applies). */
export function requestTimeoutFromEnv(env: Env): number | undefined {
	const raw = env[TIMEOUT_ENV_VAR];
	const text = raw?.trim() ?? '';
	if (text === '') return undefined;
	const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
	if (value >= MIN_TIMEOUT_MS && value <= MAX_TIMEOUT_MS) return value;
	const shown = plainText(text);
	throw new AppError(
		{
			kind: 'usage',
			title: `${TIMEOUT_ENV_VAR} must be a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}; it is "${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}".`,
			message: '',
			nextStep: `Set it to, say, 120000 (two minutes), or unset it for the default of ${DEFAULT_TIMEOUT_MS}.`,
		},
		{exitCode: 2},
	);
}
