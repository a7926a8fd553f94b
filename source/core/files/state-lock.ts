/**
 * One lock for every change to the setup (openclaw.json and the login
 * profiles together), across processes: a `<file>.lock` folder made with
 * mkdir, which only one process can create, holding the owner's process id.
 *
 * A lock whose owner is gone (killed, crashed) is broken at once with a
 * one-line notice; a live one is waited for, saying so once. A folder with no
 * owner note, or one owned on another host, is judged by age: its holder
 * touches it every few seconds while it holds it, so only an abandoned one
 * grows old.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {AppError, errorCode} from '../app-error.js';
import {fileError} from './file-error.js';
import {PRIVATE_DIR_MODE, PRIVATE_FILE_MODE} from './modes.js';
import {processIsAlive} from './safe-file.js';
import {programName} from '../program-name.js';

export type LockNotices = {
	/** One line for the user: a stale lock was broken, or a live one is being waited for. */
	notice(text: string): void;
};

type Owner = {pid: number; host: string};

const OWNER_FILE = 'owner';
/** Waiting longer than this for another writer is said once. */
const SAY_WAITING_AFTER_MS = 1000;
/** How long to wait for a live lock before giving up. */
const WAIT_MS = 30_000;
/** A lock folder judged by age (no owner note, or an owner on another host) is stale once it is this old. */
const OWNERLESS_STALE_MS = 10_000;
/** How often a held lock's folder is touched: well inside OWNERLESS_STALE_MS, so a live holder never looks abandoned. */
export const LOCK_TOUCH_INTERVAL_MS = 2000;

export async function withStateLock<T>(file: string, task: () => Promise<T> | T, notices?: LockNotices): Promise<T> {
	const lock = `${file}.lock`;
	await acquire(lock, file, notices);
	// A task may outlast the staleness window (a token refresh waits on the network).
	const touching = keepTouched(lock);
	try {
		return await task();
	} finally {
		clearInterval(touching);
		release(lock);
	}
}

/**
 * Takes the lock now or not at all: for tidying up before a read, which can
 * skip the work when another process is busy writing. Returns the release.
 */
export function tryStateLockSync(file: string, notices?: LockNotices): (() => void) | undefined {
	const lock = `${file}.lock`;
	if (!tryCreate(lock, file)) {
		const holder = inspect(lock);
		if (!holder.stale || !inspect(lock).stale) return undefined;
		breakLock(lock, file);
		notices?.notice(staleLockNotice(lock, holder.who));
		if (!tryCreate(lock, file)) return undefined;
	}
	return () => release(lock);
}

async function acquire(lock: string, file: string, notices: LockNotices | undefined): Promise<void> {
	const started = Date.now();
	const deadline = started + WAIT_MS;
	let waitingSaid = false;
	for (let delay = 10; ; delay = Math.min(delay * 1.5, 250)) {
		if (tryCreate(lock, file)) return;
		const holder = inspect(lock);
		// Looked at twice: another process may have broken the stale lock and taken a fresh one in between.
		if (holder.stale && inspect(lock).stale) {
			breakLock(lock, file);
			notices?.notice(staleLockNotice(lock, holder.who));
			continue;
		}
		if (Date.now() >= deadline) {
			throw new AppError({
				kind: 'locked',
				title: `${file} is locked by ${holder.who}`,
				message: `Waited ${WAIT_MS / 1000} s for it to finish writing; nothing was changed.`,
				nextStep: `Let that process finish and run the command again. If none is running, remove ${lock}.`,
			});
		}
		// A moment's wait is normal between two writers; a longer one deserves a word.
		if (!waitingSaid && Date.now() - started >= SAY_WAITING_AFTER_MS) {
			waitingSaid = true;
			notices?.notice(`Waiting for ${holder.who} to finish writing ${file}…`);
		}
		await new Promise(resolve => setTimeout(resolve, delay));
	}
}

function staleLockNotice(lock: string, who: string): string {
	return `Removed a stale lock (${lock}) left by ${who}, which is no longer running.`;
}

/** Touches the lock folder every LOCK_TOUCH_INTERVAL_MS while it is held; never keeps the process alive. */
function keepTouched(lock: string): ReturnType<typeof setInterval> {
	const timer = setInterval(() => {
		const now = new Date();
		try {
			fs.utimesSync(lock, now, now);
		} catch {
			// Gone already (released, or broken by someone who judged it wrongly): nothing left to keep fresh.
		}
	}, LOCK_TOUCH_INTERVAL_MS);
	timer.unref();
	return timer;
}

function tryCreate(lock: string, file: string): boolean {
	try {
		fs.mkdirSync(lock, {mode: PRIVATE_DIR_MODE});
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return false;
		throw fileError('lock', file, error);
	}
	try {
		fs.writeFileSync(path.join(lock, OWNER_FILE), JSON.stringify({pid: process.pid, host: os.hostname()} satisfies Owner), {mode: PRIVATE_FILE_MODE});
	} catch {
		// The folder alone is the lock; without the note others judge it by age.
	}
	return true;
}

function inspect(lock: string): {stale: boolean; who: string} {
	const owner = readOwner(lock);
	if (owner && owner.host === os.hostname()) {
		return {stale: !processIsAlive(owner.pid), who: `${programName()} process ${owner.pid}`};
	}
	const stats = fs.statSync(lock, {throwIfNoEntry: false});
	// Gone between our mkdir and this look: free now.
	if (!stats) return {stale: false, who: 'another process'};
	const age = Date.now() - stats.mtimeMs;
	return {stale: age > OWNERLESS_STALE_MS, who: owner ? `process ${owner.pid} on ${owner.host}` : 'another openclaw process'};
}

function readOwner(lock: string): Owner | undefined {
	try {
		const value: unknown = JSON.parse(fs.readFileSync(path.join(lock, OWNER_FILE), 'utf8'));
		if (typeof value === 'object' && value !== null && 'pid' in value && typeof value.pid === 'number' && 'host' in value && typeof value.host === 'string') {
			return {pid: value.pid, host: value.host};
		}
	} catch {
		// No note, or half written: judged by age.
	}
	return undefined;
}

function breakLock(lock: string, file: string): void {
	try {
		fs.rmSync(lock, {recursive: true, force: true});
	} catch (error) {
		throw fileError('lock', file, error);
	}
}

function release(lock: string): void {
	fs.rmSync(lock, {recursive: true, force: true});
}
