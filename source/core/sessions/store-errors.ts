/**
 * What went wrong with the session store, in words that name the file. SQLite
 * reports a number; each one a person can meet (a damaged file, a lock held
 * by another program, a full disk) gets its own message and next step.
 */
import path from 'node:path';
import {AppError, errorCode} from '../app-error.js';
import {fileError, shellQuote} from '../files/file-error.js';
import {command} from '../messages.js';
import {SQLITE_CODES, sqliteCode} from '../openclaw/sqlite.js';

/** The store's failure as an AppError naming `file`; an AppError passes through. */
export function storeError(file: string, cause: unknown): AppError {
	if (cause instanceof AppError) return cause;
	// Not SQLite's: the file system refused (the folder, the file's creation), in the words used for every file.
	if (sqliteCode(cause) === undefined && errorCode(cause) !== undefined) return fileError('write', file, cause);
	const detail = cause instanceof Error ? cause.message : String(cause);
	const problem = (kind: string, title: string, message: string, nextStep: string) =>
		new AppError({kind, title, message, nextStep}, {cause});
	switch (sqliteCode(cause)) {
		case SQLITE_CODES.corrupt:
		case SQLITE_CODES.notADatabase:
			return problem(
				'store_damaged',
				`${file} is damaged`,
				`SQLite cannot read it (${detail}). It was left as it is: nothing in it was overwritten.`,
				`Move it aside to start a new one (mv ${shellQuote(file)} ${shellQuote(`${file}.damaged`)}); \`sqlite3 ${shellQuote(file)} .recover\` may get the conversations back.`,
			);
		case SQLITE_CODES.busy:
		case SQLITE_CODES.locked:
			return problem(
				'store_locked',
				`${file} is locked`,
				'Another program has held a lock on it for too long (an sqlite3 shell with a transaction open, a backup tool).',
				'Close that program, then try again.',
			);
		case SQLITE_CODES.full:
			// SQLITE_FULL is the system's ENOSPC, told in the words every file uses.
			return fileError('write', file, {code: 'ENOSPC', cause});
		case SQLITE_CODES.readOnly:
		case SQLITE_CODES.cantOpen:
			return problem(
				'store_unwritable',
				`Cannot open ${file} for writing`,
				`SQLite refused it (${detail}).`,
				`Make it and its folder yours and writable (chmod u+rw ${shellQuote(file)}; chmod u+rwx ${shellQuote(path.dirname(file))}).`,
			);
		case SQLITE_CODES.ioError:
			return problem('store_io', `Could not read or write ${file}`, `The system reported an I/O error (${detail}).`, 'Check the disk, then try again.');
		default:
			return problem('store_failed', `The session store ${file} failed`, detail, 'Try again; if it keeps failing, move the file aside.');
	}
}

/** A store written by a newer openclaw that this one cannot read. */
export function newerStoreError(file: string, version: number, readsUpTo: number): AppError {
	return new AppError({
		kind: 'store_newer',
		title: `${file} was written by a newer openclaw`,
		message: `It uses session store version ${version}; this openclaw reads versions up to ${readsUpTo}. It was left as it is.`,
		nextStep: 'Update openclaw (npm install -g openclaw-qwen), or run the newer one.',
	});
}

/** A store that another newer openclaw can write but this one only reads. */
export function readOnlyNewerStore(file: string): AppError {
	return new AppError({
		kind: 'store_read_only_newer',
		title: `${file} is from a newer openclaw`,
		message: 'This openclaw can read its sessions but does not add to them.',
		nextStep: 'Update openclaw to save conversations again.',
	});
}

export function notASessionStore(file: string): AppError {
	return new AppError({
		kind: 'store_foreign',
		title: `${file} is not an openclaw session store`,
		message: 'It is an SQLite database with tables openclaw did not make. It was left as it is.',
		nextStep: `Move it aside; ${command('chat')} then starts a new store.`,
	});
}

/** Node without its built-in SQLite (before 22.13 it needs a flag). */
export function sqliteUnavailable(cause: unknown): AppError {
	return new AppError(
		{
			kind: 'sessions_unavailable',
			title: 'Saving conversations needs a newer Node.js',
			message: `This Node.js (${process.version}) has no built-in SQLite (node:sqlite).`,
			nextStep: 'Install Node.js 22.13 or newer.',
		},
		{cause},
	);
}
