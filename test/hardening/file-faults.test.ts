/**
 * Files that are not what they should be, and disks that fill up: each case
 * runs the built CLI and checks the message, the exit code, and that every
 * file is byte for byte as it was (nothing says "Saved" unless it was).
 * Real faults where the machine allows: a small tmpfs for a full disk (as
 * root), real FIFOs, device nodes and symlink loops.
 */
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';
import {expectNoCrash, snapshotTree} from '../support/file-tree.js';
import {fillDisk, tmpfsMounts} from '../support/full-disk.js';

const world = freshCliWorld();
const isRoot = process.getuid?.() === 0;
const LOGIN = ['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'];

const disks = tmpfsMounts();
afterEach(() => {
	disks.unmountAll();
});

/** A tmpfs of `size` mounted at the state dir, so the disk really fills up. */
function stateDirOnTmpfs(size: string): void {
	disks.mount(world.home.paths.stateDir, size, 0o700);
}

async function expectRefused(args: string[], message: RegExp, options: {input?: string; extraEnv?: Record<string, string>} = {}) {
	const before = snapshotTree(world.home.home);
	const result = await world.run(args, options);
	expect(result.code, result.stderr).toBe(1);
	expect(result.stderr).toMatch(message);
	expect(result.stdout).not.toMatch(/Saved|Wrote/);
	expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
	expect(snapshotTree(world.home.home)).toEqual(before);
	return result;
}

describe('a full disk', () => {
	it.runIf(isRoot)('a login on a full disk says so, names the file, and leaves the earlier login whole', async () => {
		stateDirOnTmpfs('64k');
		const first = await world.run(LOGIN, {input: world.server.keys.intl});
		expect(first.code, first.stderr).toBe(0);
		fillDisk(world.home.paths.stateDir);
		const result = await expectRefused([...LOGIN.slice(0, -1), 'cn'], /(?:disk is full|No space left).*\n?.*(?:openclaw\.json|credentials\.json)/i, {
			input: world.server.keys.cn,
		});
		expect(result.stderr).toContain('df -h');
		fs.rmSync(path.join(world.home.paths.stateDir, 'filler'));
		const status = await world.run(['models', 'status', '--json']);
		expect(JSON.parse(status.stdout)).toMatchObject({region: {id: 'intl'}});
	});

	it.runIf(isRoot)('models set on a full disk says so and changes nothing', async () => {
		stateDirOnTmpfs('64k');
		expect((await world.run(LOGIN, {input: world.server.keys.intl})).code).toBe(0);
		fillDisk(world.home.paths.stateDir);
		await expectRefused(['models', 'set', 'qwen3-max'], /disk is full/i);
	});
});

describe('paths that are not regular files', () => {
	it.runIf(isRoot)('a device node at the config path is refused by name and stays a device', async () => {
		const device = path.join(world.home.home, 'null-device');
		execFileSync('mknod', [device, 'c', '1', '3']);
		const result = await world.run(['models', 'set', 'qwen-plus'], {extraEnv: {OPENCLAW_CONFIG_PATH: device}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`${device} is a character device, not a regular file`);
		expect(fs.statSync(device).isCharacterDevice()).toBe(true);
	});

	it('OPENCLAW_CONFIG_PATH=/dev/null is refused and /dev/null is left alone', async () => {
		const result = await world.run(['models', 'set', 'qwen-plus'], {extraEnv: {OPENCLAW_CONFIG_PATH: '/dev/null'}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('/dev/null is a character device, not a regular file');
		expect(result.stderr).toContain('OPENCLAW_CONFIG_PATH');
		expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
	});

	it.each([
		['openclaw.json', () => world.home.paths.configPath],
		['auth-profiles.json', () => world.home.paths.authProfilesPath],
	])('a FIFO at %s makes no command hang', async (_name, file) => {
		world.saveLogin();
		fs.rmSync(file());
		execFileSync('mkfifo', [file()]);
		for (const args of [['models', 'status'], ['chat', 'hello'], LOGIN]) {
			const result = await world.run(args, {input: world.server.keys.intl});
			expect(result.code, args.join(' ')).toBe(1);
			expect(result.stderr).toContain(`${file()} is a FIFO (named pipe), not a regular file`);
		}
		expect(fs.statSync(file()).isFIFO()).toBe(true);
	});

	it('a config path that is a directory is named as one', async () => {
		fs.mkdirSync(world.home.paths.configPath, {recursive: true});
		await expectRefused(['models', 'set', 'qwen-plus'], /openclaw\.json is a directory, not a regular file/);
	});

	it('a symlink loop at the config path is named as one', async () => {
		fs.mkdirSync(world.home.paths.stateDir, {recursive: true});
		fs.symlinkSync('openclaw.json', world.home.paths.configPath);
		const result = await world.run(['models', 'set', 'qwen-plus']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/symlink that leads back to itself|ELOOP/);
		expect(expectNoCrash(result.stderr)).toEqual([]);
		expect(result.stderr).not.toMatch(/^error: ELOOP/m);
	});

	it("a symlinked auth-profiles.json is written through, without touching its target's folder or HOME", async () => {
		const shared = path.join(world.home.home, 'shared');
		fs.mkdirSync(shared, {mode: 0o777});
		fs.chmodSync(shared, 0o1777);
		fs.chmodSync(world.home.home, 0o755);
		const target = path.join(shared, 'auth-profiles.json');
		fs.writeFileSync(target, '{"version": 1, "profiles": {}}\n', {mode: 0o600});
		fs.mkdirSync(world.home.paths.agentDir, {recursive: true, mode: 0o700});
		fs.symlinkSync(target, world.home.paths.authProfilesPath);

		const result = await world.run(LOGIN, {input: world.server.keys.intl});
		expect(result.code, result.stderr).toBe(0);
		expect(fs.lstatSync(world.home.paths.authProfilesPath).isSymbolicLink()).toBe(true);
		expect(JSON.parse(fs.readFileSync(target, 'utf8')).profiles['qwen-portal:default'].key).toBe(world.server.keys.intl);
		expect(fs.statSync(shared).mode & 0o7777).toBe(0o1777);
		expect(fs.statSync(world.home.home).mode & 0o777).toBe(0o755);
	});

	it('a config nested deeper than any real one gets a plain message, not a stack overflow', async () => {
		fs.mkdirSync(world.home.paths.stateDir, {recursive: true});
		fs.writeFileSync(world.home.paths.configPath, `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
		const result = await expectRefused(['models', 'set', 'qwen-plus'], /nested (?:more than \d+ levels|too) deep/);
		expect(result.stderr).not.toMatch(/Maximum call stack/);
	});
});

describe('what a killed writer leaves', () => {
	it('its temporary files are removed by the next command', async () => {
		world.saveLogin();
		const dir = world.home.paths.stateDir;
		// A pid no process has: the writer is gone.
		const leftover = [path.join(dir, '.openclaw.json.999999.1.abcdef.tmp'), path.join(dir, '.openclaw.json.bak.999999.2.abcdef.tmp')];
		for (const file of leftover) fs.writeFileSync(file, 'half');
		const result = await world.run(['models', 'set', 'qwen3-max']);
		expect(result.code, result.stderr).toBe(0);
		expect(fs.readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});

	it('its stale lock is broken with a one-line notice', async () => {
		world.saveLogin();
		const lock = `${world.home.paths.configPath}.lock`;
		fs.mkdirSync(lock);
		fs.writeFileSync(path.join(lock, 'owner'), JSON.stringify({pid: 999_999, host: (await import('node:os')).hostname()}));
		const result = await world.run(['models', 'set', 'qwen3-max']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Removed a stale lock \(.*openclaw\.json\.lock\) left by openclaw process 999999, which is no longer running\.$/)]);
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('a live lock is waited for, saying so, and the write lands once it is released', async () => {
		world.saveLogin();
		const lock = `${world.home.paths.configPath}.lock`;
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'owner'), JSON.stringify({pid: holder.pid, host: (await import('node:os')).hostname()}));
			const run = world.start(['models', 'set', 'qwen3-max']);
			await run.waitForStderr(`Waiting for openclaw process ${holder.pid} to finish writing`);
			fs.rmSync(lock, {recursive: true});
			const result = await run.result;
			expect(result.code, result.stderr).toBe(0);
			expect((world.home.readConfig() as any).agents.defaults.model.primary).toBe('qwen-portal/qwen3-max');
		} finally {
			holder.kill('SIGKILL');
		}
	});
});
