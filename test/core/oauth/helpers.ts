/** Shared by the OAuth tests: virtual time and a throwaway OpenClaw home. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {resolvePaths, type OpenClawPaths} from '../../../source/core/paths.js';
import type {Clock} from '../../../source/core/oauth/clock.js';

/** Time that only moves when the code under test sleeps; every sleep is recorded. */
export function virtualClock(start = Date.UTC(2026, 3, 1, 12)): {clock: Clock; sleeps: number[]; advance(ms: number): void} {
	let now = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		advance(ms) {
			now += ms;
		},
		clock: {
			now: () => now,
			async sleep(ms, signal) {
				if (signal?.aborted) throw signal.reason;
				sleeps.push(ms);
				now += ms;
			},
		},
	};
}

export function tempHome(): {dir: string; env: Record<string, string>; paths: OpenClawPaths; cleanup(): void} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-oauth-'));
	const env = {HOME: dir, OPENCLAW_HOME: dir};
	return {dir, env, paths: resolvePaths(env), cleanup: () => fs.rmSync(dir, {recursive: true, force: true})};
}

export function readJson(file: string): any {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}
