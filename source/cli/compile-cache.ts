/**
 * Node's on-disk compile cache for our modules and our dependencies' (Node 22.1+):
 * a warm start skips compiling about 300 modules, most of a one-shot chat's
 * fixed cost. It lives in the OS temp dir, in a directory only this user can
 * use, never in ~/.openclaw; anything doubtful and we simply run uncached.
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type {Env} from '../core/env.js';
import {isPrivate, PRIVATE_DIR_MODE} from '../core/files/modes.js';
import {NODE_COMPILE_CACHE_ENV_VAR, NODE_DISABLE_COMPILE_CACHE_ENV_VAR} from '../core/launch-env-vars.js';

export function enableCompileCache(env: Env = process.env): void {
	// Node's own switches win: caching turned off, or a cache the user chose (already enabled at start-up).
	if (typeof module.enableCompileCache !== 'function' || env[NODE_DISABLE_COMPILE_CACHE_ENV_VAR] || env[NODE_COMPILE_CACHE_ENV_VAR]) return;
	const dir = privateCacheDir();
	if (!dir) return;
	try {
		module.enableCompileCache(dir);
	} catch {
		// A cache is an optimisation; starting matters more.
	}
}

/** os.tmpdir()/openclaw-compile-cache-<uid>, made owner-only and checked to be ours (not a link, not shared). */
function privateCacheDir(): string | undefined {
	const uid = process.getuid?.();
	const dir = path.join(os.tmpdir(), uid === undefined ? 'openclaw-compile-cache' : `openclaw-compile-cache-${uid}`);
	try {
		fs.mkdirSync(dir, {mode: PRIVATE_DIR_MODE});
	} catch (error) {
		if ((error as {code?: unknown}).code !== 'EEXIST') return undefined;
	}
	try {
		const stat = fs.lstatSync(dir);
		if (!stat.isDirectory()) return undefined;
		// Elsewhere than Windows, a directory someone else owns or can write to could feed us compiled code.
		if (uid !== undefined && (stat.uid !== uid || !isPrivate(stat.mode))) return undefined;
		return dir;
	} catch {
		return undefined;
	}
}
