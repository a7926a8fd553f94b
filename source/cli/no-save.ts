/** Whether a chat is saved: on unless --no-save or OPENCLAW_NO_SAVE says otherwise. Light: the command tree loads it. */
import type {Env} from '../core/env.js';
import {NO_SAVE_ENV_VAR} from '../core/env-vars.js';

/** `save`: false with --no-save. OPENCLAW_NO_SAVE=1 (or true, yes) turns saving off too. */
export function savingOn(save: boolean | undefined, env: Env): boolean {
	if (save === false) return false;
	const value = env[NO_SAVE_ENV_VAR]?.trim().toLowerCase();
	return value === undefined || value === '' || value === '0' || value === 'false' || value === 'no';
}
