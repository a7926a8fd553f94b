/**
 * A login writes the key and openclaw.json as one change: two logins at once
 * end with one login's pair, whole, and a login killed at any moment leaves
 * the old pair or the new one, never a mix, and no temporary files once the
 * next command has run.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadEffectiveSetup} from '../../source/core/credentials.js';
import {freshCliWorld} from '../support/cli-world.js';

const world = freshCliWorld();
const LOGIN = ['models', 'auth', 'login', '--provider', 'qwen-portal', '--region'];

/** The pair on disk as this program reads it (which also finishes any change left half done). */
function pairOnDisk(): {region: string | undefined; key: string | undefined} {
	const setup = loadEffectiveSetup(world.home.env);
	return {region: setup.region?.id, key: setup.credential?.key};
}

/** Files a killed writer may leave: temporaries, an unfinished journal. */
function leftovers(): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.tmp') || entry.name.endsWith('.pending')) found.push(path.relative(world.home.home, full));
		}
	};
	if (fs.existsSync(world.home.paths.stateDir)) walk(world.home.paths.stateDir);
	return found;
}

describe('two logins at once', () => {
	it('30 rounds of an International and a China login in parallel: the pair is always one login, whole', async () => {
		const keys = world.server.keys;
		for (let round = 0; round < 30; round++) {
			const results = await Promise.all([
				world.run([...LOGIN, 'intl'], {input: keys.intl}),
				world.run([...LOGIN, 'cn'], {input: keys.cn}),
			]);
			for (const result of results) expect(result.code, result.stderr).toBe(0);
			const pair = pairOnDisk();
			expect([{region: 'intl', key: keys.intl}, {region: 'cn', key: keys.cn}], `round ${round}`).toContainEqual(pair);
		}
		expect(leftovers()).toEqual([]);
	}, 120_000);
});

/** Resolves when a file whose name ends in `suffix` appears in the state dir (or after a second, whichever comes first). */
function firstWrite(suffix: string): Promise<void> {
	return new Promise(resolve => {
		const watchers = [world.home.paths.stateDir, world.home.paths.appDir].map(dir =>
			fs.watch(dir, (_event, name) => {
				if (name?.endsWith(suffix)) done();
			}),
		);
		const timer = setTimeout(() => done(), 1000);
		function done() {
			clearTimeout(timer);
			for (const watcher of watchers) watcher.close();
			resolve();
		}
	});
}

describe('a login killed at a random moment', () => {
	it('100 times: the old pair or the new one, and nothing left over after the next command', async () => {
		const keys = world.server.keys;
		const logins = [
			{region: 'intl', key: keys.intl},
			{region: 'cn', key: keys.cn},
		] as const;
		// Start from a whole pair.
		expect((await world.run([...LOGIN, 'intl', '--no-check'], {input: keys.intl})).code).toBe(0);
		let previous = pairOnDisk();
		let landed = 0;
		let midWrite = 0;
		for (let round = 0; round < 100; round++) {
			const next = logins[(round + 1) % 2]!;
			const run = world.start([...LOGIN, next.region, '--no-check'], {input: next.key});
			// Start-up takes most of a run and the writes a few milliseconds at its end, so two rounds in three
			// kill the moment a file of the change appears (the journal, a temporary file), the third at random.
			await (round % 3 === 2 ? new Promise(resolve => setTimeout(resolve, 40 + Math.random() * 260)) : firstWrite(round % 3 === 0 ? '.pending' : '.tmp'));
			run.child.kill('SIGKILL');
			await run.result.catch(() => undefined);
			if (leftovers().length > 0) midWrite++;
			const pair = pairOnDisk();
			expect([previous, next], `round ${round}`).toContainEqual(pair);
			expect(leftovers(), `round ${round}`).toEqual([]);
			if (pair.key !== previous.key) landed++;
			previous = pair;
		}
		// Kills must have come before, during and after the writes, or the test proved nothing.
		expect(landed).toBeGreaterThan(0);
		expect(landed).toBeLessThan(100);
		expect(midWrite).toBeGreaterThan(10);
	}, 180_000);
});
