/**
 * Safe writes for the files OpenClaw shares with us: a cross-process lock for
 * read-modify-write, private directories, and write-to-temp-then-rename so a
 * crash never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A file or directory the OS will not let us read or write, with a message saying what to do. */
export class FileAccessError extends Error {
	readonly file: string;
	readonly code: string;

	constructor(file: string, code: string, message: string) {
		super(message);
		this.name = 'FileAccessError';
		this.file = file;
		this.code = code;
	}
}

/**
 * Runs `task` while holding a lock on `file` (a `<file>.lock` directory, which
 * works across processes). Callers re-read the file inside the task so two
 * writers at once both land.
 */
export async function withFileLock<T>(file: string, task: () => Promise<T> | T): Promise<T> {
	const release = await acquire(file);
	try {
		return await task();
	} finally {
		await release().catch(() => {});
	}
}

const LOCK_WAIT_MS = 30_000;

// proper-lockfile's own retries would also retry EACCES for half a minute, so
// only a lock held by someone else (ELOCKED) is waited for here.
async function acquire(file: string): Promise<() => Promise<void>> {
	// Loaded here so commands that only read files never pay for it.
	const {default: lockfile} = await import('proper-lockfile');
	const deadline = Date.now() + LOCK_WAIT_MS;
	for (let delay = 20; ; delay = Math.min(delay * 1.5, 500)) {
		try {
			return await lockfile.lock(file, {
				realpath: false,
				lockfilePath: `${file}.lock`,
				stale: 10_000,
				// A lock taken over as stale means another writer may race us; the
				// write itself is still atomic, so do not crash the process over it.
				onCompromised: () => {},
			});
		} catch (error) {
			if (errorCode(error) !== 'ELOCKED') throw toAccessError(error, file);
			if (Date.now() >= deadline) {
				throw new FileAccessError(
					file,
					'ELOCKED',
					`Another openclaw process is still writing ${file}. Wait for it to finish and try again; if none is running, remove ${file}.lock.`,
				);
			}
			await new Promise(resolve => setTimeout(resolve, delay * (0.5 + Math.random())));
		}
	}
}

/** Creates `dir` (and parents) with mode 0700 where missing. */
export function ensurePrivateDir(dir: string): void {
	try {
		fs.mkdirSync(dir, {recursive: true, mode: 0o700});
	} catch (error) {
		throw toAccessError(error, dir);
	}
}

/** Tightens an existing directory or file to `mode` when group/other have any access. */
export function tightenMode(target: string, mode: number): void {
	try {
		const current = fs.statSync(target).mode & 0o777;
		if ((current & 0o077) !== 0) fs.chmodSync(target, mode);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') throw toAccessError(error, target);
	}
}

let temporaryCounter = 0;

/** Writes through a temporary file in the same directory and a rename, with `mode`. */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
	// pid + counter keep our own names apart; the random part keeps clear of stale files. `wx` refuses any clash.
	// (No node:crypto here: loading it costs more start-up time than the rest of the read path.)
	const unique = `${process.pid}.${++temporaryCounter}.${Math.floor(Math.random() * 0x1_0000_0000).toString(16)}`;
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
	try {
		const fd = fs.openSync(temporary, 'wx', mode);
		try {
			fs.writeFileSync(fd, data);
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		// The umask may have narrowed the mode at creation; chmod sets it exactly.
		fs.chmodSync(temporary, mode);
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw toAccessError(error, file);
	}
}

/** The file a symlink at `file` ends at, so writing replaces the target and the link stays a link. */
export function resolveWriteTarget(file: string): string {
	const stat = fs.lstatSync(file, {throwIfNoEntry: false});
	if (!stat?.isSymbolicLink()) return file;
	try {
		return fs.realpathSync(file);
	} catch {
		// A dangling link: write where it points, creating the target.
		let target = file;
		const seen = new Set<string>();
		while (!seen.has(target) && fs.lstatSync(target, {throwIfNoEntry: false})?.isSymbolicLink()) {
			seen.add(target);
			target = path.resolve(path.dirname(target), fs.readlinkSync(target));
		}
		return target;
	}
}

/** Maps permission and read-only errors to a FileAccessError that says what to fix; others pass through. */
export function toAccessError(error: unknown, file: string): unknown {
	if (error instanceof FileAccessError) return error;
	const code = errorCode(error);
	if (code === 'EACCES' || code === 'EPERM') {
		return new FileAccessError(
			file,
			code,
			`Permission denied for ${file} (${code}). Make it and its directory readable and writable by you (for example chmod u+rw "${file}" and chmod u+rwx "${path.dirname(file)}"), or point OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH somewhere writable.`,
		);
	}
	if (code === 'EROFS') {
		return new FileAccessError(
			file,
			code,
			`${file} is on a read-only file system (EROFS). Point OPENCLAW_STATE_DIR / OPENCLAW_CONFIG_PATH at a writable location.`,
		);
	}
	if (code === 'EISDIR') {
		return new FileAccessError(file, code, `${file} is a directory, not a file (EISDIR). Move it aside or set OPENCLAW_CONFIG_PATH.`);
	}
	if (code === 'ENOTDIR') {
		return new FileAccessError(
			file,
			code,
			`Cannot create ${file}: part of its path is a file, not a directory (ENOTDIR). Move that file aside or set OPENCLAW_STATE_DIR.`,
		);
	}
	return error;
}

export function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
		? error.code
		: undefined;
}
