/**
 * Node's built-in SQLite, loaded only when an OpenClaw database is there to
 * read (most commands never need it). Node 22 prints an experimental-feature
 * warning on first use; it is about Node, not about anything the user did,
 * so it is kept off their terminal.
 */
import type {DatabaseSync, DatabaseSyncOptions} from 'node:sqlite';

let sqlite: typeof import('node:sqlite') | undefined;

function load(): typeof import('node:sqlite') {
	if (sqlite) return sqlite;
	// The process's own function, put back as it was once the module is loaded.
	const original: unknown = Reflect.get(process, 'emitWarning');
	const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
	process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
		const text = typeof warning === 'string' ? warning : warning.message;
		if (!/sqlite/i.test(text)) emitWarning(warning, ...rest);
	};
	try {
		sqlite = process.getBuiltinModule('node:sqlite');
	} finally {
		Reflect.set(process, 'emitWarning', original);
	}
	return sqlite;
}

/** Milliseconds to wait for a lock OpenClaw holds, as long as OpenClaw itself waits. */
export const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string, options: {readOnly: boolean}): DatabaseSync {
	const {DatabaseSync} = load();
	const settings: DatabaseSyncOptions = {readOnly: options.readOnly, timeout: BUSY_TIMEOUT_MS};
	return new DatabaseSync(file, settings);
}

export type {DatabaseSync};

/** SQLite's primary result codes that mean something to the user (sqlite.org/rescode.html). */
export const SQLITE_CODES = {busy: 5, locked: 6, readOnly: 8, ioError: 10, corrupt: 11, full: 13, cantOpen: 14, notADatabase: 26} as const;

/** The SQLite result code of an error node:sqlite threw, without its extended bits. */
export function sqliteCode(error: unknown): number | undefined {
	if (typeof error !== 'object' || error === null || !('errcode' in error) || typeof error.errcode !== 'number') return undefined;
	return error.errcode & 0xff;
}
