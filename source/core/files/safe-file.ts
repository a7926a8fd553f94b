/**
 * The one way files we own are read and written: openclaw.json, the login
 * profiles, backups and transcripts.
 *
 * - Reading takes regular files only (or symlinks to them). A FIFO, a device
 *   or a directory is refused by name before it is opened, so nothing blocks.
 * - Writing goes to a temporary file beside the target, checks that every
 *   byte landed (a short write or a full disk is an error naming the file),
 *   syncs it to disk, then renames it over the target. Until that rename the
 *   old file stays as it was.
 * - A symlink stays a symlink: its target is what gets replaced.
 * - Temporary files left by a writer that was killed are removed on the next
 *   write (or by `removeStaleTemporariesIn`).
 * - A file the person names to be created (a /save transcript) is created
 *   only where nothing is yet, never replacing a file or following a link.
 */
import fs from 'node:fs';
import path from 'node:path';
import {errorCode} from '../app-error.js';
import {fileError, fileExists, notRegularFile, specialKindOf, type Elsewhere} from './file-error.js';
import {isPrivate, PRIVATE_DIR_MODE} from './modes.js';

/** The calls a write makes, so a test can stand in a disk that fills up. */
export type WriteCalls = Pick<typeof fs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'chmodSync' | 'rmSync'>;

/** Reads `file` as UTF-8; undefined when there is no such file. `setting`: the variable that moves it, for messages. */
export function readRegularFile(file: string, options: {setting?: string} = {}): string | undefined {
	const stats = statOrUndefined(file, 'read', options.setting);
	if (!stats) return undefined;
	if (!stats.isFile()) throw notRegularFile(file, specialKindOf(stats), options.setting);
	let fd: number;
	try {
		// O_NONBLOCK: should the file be swapped for a FIFO after the check, the open still returns.
		fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return undefined;
		throw fileError('read', file, error, options.setting);
	}
	try {
		const opened = fs.fstatSync(fd);
		if (!opened.isFile()) throw notRegularFile(file, specialKindOf(opened), options.setting);
		return fs.readFileSync(fd, 'utf8');
	} catch (error) {
		throw fileError('read', file, error, options.setting);
	} finally {
		fs.closeSync(fd);
	}
}

let temporaryCounter = 0;

/**
 * Replaces `file` with `data`, all or nothing. `mode` is set on the new file.
 * Throws an AppError naming the file when anything fails; the old file is then untouched.
 */
export function writeFileSafely(file: string, data: string | Uint8Array, options: {mode: number; calls?: WriteCalls; setting?: string}): void {
	const calls = options.calls ?? fs;
	const target = resolveWriteTarget(file, options.setting);
	const existing = statOrUndefined(target, 'write', options.setting);
	if (existing && !existing.isFile()) throw notRegularFile(file, specialKindOf(existing), options.setting);
	removeStaleTemporaries(target);
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	const temporary = temporaryPath(target);
	try {
		const fd = calls.openSync(temporary, 'wx', options.mode);
		try {
			writeAll(calls, fd, bytes);
			calls.fsyncSync(fd);
		} finally {
			calls.closeSync(fd);
		}
		// The umask may have narrowed the mode at creation; this sets it exactly.
		calls.chmodSync(temporary, options.mode);
		calls.renameSync(temporary, target);
	} catch (error) {
		calls.rmSync(temporary, {force: true});
		throw fileError('write', file, error, options.setting);
	}
	syncDirectory(path.dirname(target));
}

/**
 * Creates `file` holding `data`, only if nothing is at that path yet (not even
 * a symlink): every byte written and synced, or the partial file removed.
 * Throws an AppError naming the file: `file_exists` when something is there,
 * else fileError's words for what the system said. `setting`: how the file
 * could be put elsewhere, for the way forward.
 */
export function createFileSafely(file: string, data: string | Uint8Array, options: {mode: number; setting?: Elsewhere; calls?: WriteCalls}): void {
	const calls = options.calls ?? fs;
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	let fd: number;
	try {
		fd = calls.openSync(file, 'wx', options.mode);
	} catch (error) {
		throw errorCode(error) === 'EEXIST' ? fileExists(file, options.setting) : fileError('create', file, error, options.setting);
	}

	try {
		writeAll(calls, fd, bytes);
		calls.fsyncSync(fd);
	} catch (error) {
		calls.closeSync(fd);
		calls.rmSync(file, {force: true});
		throw fileError('create', file, error, options.setting);
	}

	calls.closeSync(fd);
	syncDirectory(path.dirname(file));
}

function writeAll(calls: WriteCalls, fd: number, bytes: Uint8Array): void {
	let offset = 0;
	while (offset < bytes.length) {
		const written = calls.writeSync(fd, bytes, offset, bytes.length - offset);
		// A write that moves nothing will never finish: the device is full in all but name.
		if (written <= 0) throw Object.assign(new Error('no bytes were written'), {code: 'ENOSPC'});
		offset += written;
	}
}

/** The rename is on disk only once the directory is synced; where that is not possible, the rename stands anyway. */
function syncDirectory(dir: string): void {
	let fd: number | undefined;
	try {
		fd = fs.openSync(dir, 'r');
		fs.fsyncSync(fd);
	} catch {
		// Some file systems refuse to sync a directory; the data itself is already synced.
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

const TEMPORARY_SUFFIX = '.tmp';

function temporaryPath(target: string): string {
	// pid + counter keep our own names apart; the random part keeps clear of anyone else's. 'wx' refuses a clash.
	const unique = `${process.pid}.${++temporaryCounter}.${Math.floor(Math.random() * 0x1_0000_0000).toString(16)}`;
	return path.join(path.dirname(target), `.${path.basename(target)}.${unique}${TEMPORARY_SUFFIX}`);
}

/** An hour: a temporary file this old is left over whoever wrote it (process ids get reused). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Removes temporary files for `target` whose writer is gone. Quiet: a file we cannot remove is left. */
function removeStaleTemporaries(target: string): void {
	removeStaleTemporariesIn(path.dirname(target), `.${path.basename(target)}.`);
}

/**
 * Removes every temporary file of ours in `dir` whose writer is gone (a
 * writer killed mid-write leaves one), optionally only those for one file.
 */
export function removeStaleTemporariesIn(dir: string, prefix = '.'): void {
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(prefix) || !name.endsWith(TEMPORARY_SUFFIX)) continue;
		const match = /\.(\d+)\.\d+\.[0-9a-f]+\.tmp$/.exec(name);
		if (!match) continue;
		const file = path.join(dir, name);
		const pid = Number(match[1]);
		// Writes are synchronous, so a file with this process's id is from an earlier process that had it.
		const writing = pid !== process.pid && processIsAlive(pid);
		if (writing && !isOlderThan(file, ABANDONED_AFTER_MS)) continue;
		fs.rmSync(file, {force: true});
	}
}

export function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return errorCode(error) === 'EPERM';
	}
}

function isOlderThan(file: string, ms: number): boolean {
	const stats = fs.statSync(file, {throwIfNoEntry: false});
	return stats !== undefined && Date.now() - stats.mtimeMs > ms;
}

/** stat through symlinks; undefined when nothing is there (a dangling link included). */
function statOrUndefined(file: string, operation: 'read' | 'write', setting?: string): fs.Stats | undefined {
	try {
		return fs.statSync(file);
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ENOENT') return undefined;
		throw fileError(operation, file, error, setting);
	}
}

/**
 * The file a write to `file` replaces: the end of a symlink chain, so a
 * dotfiles link stays a link. A dangling link leads to where it points.
 */
export function resolveWriteTarget(file: string, setting?: string): string {
	let target = file;
	for (let hops = 0; hops < 40; hops++) {
		let stats: fs.Stats | undefined;
		try {
			stats = fs.lstatSync(target, {throwIfNoEntry: false});
		} catch (error) {
			throw fileError('write', file, error, setting);
		}
		if (!stats?.isSymbolicLink()) return target;
		target = path.resolve(path.dirname(target), fs.readlinkSync(target));
	}
	throw fileError('write', file, Object.assign(new Error('too many symbolic links'), {code: 'ELOOP'}), setting);
}

/**
 * Creates `dir` and any missing parents with mode 0700. Returns whether `dir`
 * itself was created here; an existing folder keeps its mode.
 */
export function ensurePrivateDir(dir: string): boolean {
	try {
		if (fs.statSync(dir, {throwIfNoEntry: false})?.isDirectory()) return false;
		fs.mkdirSync(dir, {recursive: true, mode: PRIVATE_DIR_MODE});
		return true;
	} catch (error) {
		throw fileError('write', dir, error);
	}
}

/**
 * Takes group and other access away from `target` when it is ours to change:
 * a real folder or file (not a symlink) owned by this user.
 */
export function tightenOwnMode(target: string, mode: number): void {
	try {
		const stats = fs.lstatSync(target, {throwIfNoEntry: false});
		if (!stats || stats.isSymbolicLink()) return;
		const uid = process.getuid?.();
		if (uid !== undefined && stats.uid !== uid) return;
		if (!isPrivate(stats.mode)) fs.chmodSync(target, mode);
	} catch (error) {
		throw fileError('write', target, error);
	}
}
