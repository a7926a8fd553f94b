/**
 * OpenClaw's own credential store, from 2026.9 on: SQLite databases it
 * creates (we never create them). The facts are in docs/openclaw-2026.9.md.
 *
 * - The shared store: `<state>/state/openclaw.sqlite`, table
 *   `config_machine_state`; row `authProfiles.store` holds the same JSON as
 *   auth-profiles.json, row `auth.sharedStore` = {"location":"state-db"} says
 *   it is in use, row `authProfiles.state` holds usage stats and cool-downs.
 * - The per-agent store: `<agentDir>/openclaw-agent.sqlite`, table
 *   `auth_profile_store`, row `primary`; in use when `auth.sharedStore` is absent.
 *
 * Reads are read-only connections. A write is one short transaction that
 * changes only the profiles it names and clears their cool-down, after
 * checking that this OpenClaw's schema is one we know.
 */
import fs from 'node:fs';
import path from 'node:path';
import {AppError} from '../app-error.js';
import {API_KEY_PROFILE_ID} from '../auth-profiles.js';
import {SUGGESTED_KEY_ENV_VAR} from '../env-vars.js';
import {OPENCLAW_MIGRATE_COMMAND} from '../messages.js';
import {PROVIDER_ID} from '../models.js';
import {fileError} from '../files/file-error.js';
import {AGENT_DB_FILE_NAME, STATE_DB_PARTS} from '../paths.js';
import {isPlainObject} from '../plain-object.js';
import {BUSY_TIMEOUT_MS, openDatabase, SQLITE_CODES, sqliteCode, type DatabaseSync} from './sqlite.js';

/** The newest schema versions OpenClaw 2026.9.6 writes; a higher one is a later OpenClaw's. */
const KNOWN_STATE_SCHEMA = 18;
const KNOWN_AGENT_SCHEMA = 23;

const SHARED_STORE_KEY = 'authProfiles.store';
const SHARED_STATE_KEY = 'authProfiles.state';
const OWNERSHIP_KEY = 'auth.sharedStore';
const CONTENT_VERSION_KEY = 'state.schema.contentVersion';
const SUPERVISION_KEY = 'gateway.supervision';
const AGENT_STORE_KEY = 'primary';
const STATE_DB_LOCATION = 'state-db';

/** The real OpenClaw's own command that stores a key, for when it must be the one to write it (always `openclaw`: it is OpenClaw's). */
const OPENCLAW_PASTE_KEY_COMMAND = `openclaw models auth paste-api-key --provider ${PROVIDER_ID} --profile-id ${API_KEY_PROFILE_ID}`;

export function stateDbPath(stateDir: string): string {
	return path.join(stateDir, ...STATE_DB_PARTS);
}

export function agentDbPath(agentDir: string): string {
	return path.join(agentDir, AGENT_DB_FILE_NAME);
}

/** The profiles object as both stores hold it: {"version": 1, "profiles": {…}}. */
export type StoredProfiles = {version?: unknown; profiles: Record<string, unknown>; [key: string]: unknown};

export type DatabaseStore =
	| {kind: 'state-db'; file: string}
	| {kind: 'agent-db'; file: string};

/** What the databases say about where OpenClaw keeps its keys, and whether we may write there. */
export type DatabaseState = {
	stateDb?: {file: string; schema: number; ownership: 'state-db' | 'absent' | 'other'; hasStore: boolean; supervised: boolean; contentVersion?: number};
	agentDb?: {file: string; schema: number; hasStore: boolean};
};

export function inspectDatabases(stateDir: string, agentDir: string): DatabaseState {
	const result: DatabaseState = {};
	const stateFile = stateDbPath(stateDir);
	if (fs.existsSync(stateFile)) {
		result.stateDb = withDatabase(stateFile, db => {
			const ownership = readMachineState(db, OWNERSHIP_KEY);
			const contentVersion = readMachineState(db, CONTENT_VERSION_KEY);
			return {
				file: stateFile,
				schema: userVersion(db),
				ownership: ownership === undefined ? 'absent' : isLocation(ownership, STATE_DB_LOCATION) ? 'state-db' : 'other',
				hasStore: hasMachineState(db, SHARED_STORE_KEY),
				supervised: hasMachineState(db, SUPERVISION_KEY),
				...(typeof contentVersion === 'number' ? {contentVersion} : {}),
			};
		});
	}
	const agentFile = agentDbPath(agentDir);
	if (fs.existsSync(agentFile)) {
		result.agentDb = withDatabase(agentFile, db => ({
			file: agentFile,
			schema: userVersion(db),
			hasStore: tableExists(db, 'auth_profile_store') && db.prepare('SELECT 1 FROM auth_profile_store WHERE store_key = ?').get(AGENT_STORE_KEY) !== undefined,
		}));
	}
	return result;
}

/**
 * The store OpenClaw reads keys from, as it decides: the shared store once
 * `auth.sharedStore` says so; otherwise the main agent's database when it
 * holds profiles. Undefined when neither is in use yet.
 */
export function storeInUse(state: DatabaseState): DatabaseStore | undefined {
	if (state.stateDb?.ownership === 'state-db') return {kind: 'state-db', file: state.stateDb.file};
	if (state.agentDb?.hasStore) return {kind: 'agent-db', file: state.agentDb.file};
	return undefined;
}

export function readStoredProfiles(store: DatabaseStore): StoredProfiles | undefined {
	return withDatabase(store.file, db => parseStore(store, readStoreText(db, store)));
}

/** Why we will not write to this OpenClaw's databases, or undefined when we may. */
export function refusalToWrite(state: DatabaseState): AppError | undefined {
	const stateDb = state.stateDb;
	if (stateDb && (stateDb.schema > KNOWN_STATE_SCHEMA || (stateDb.contentVersion ?? 0) > KNOWN_STATE_SCHEMA)) {
		return newerOpenClaw(stateDb.file, Math.max(stateDb.schema, stateDb.contentVersion ?? 0), KNOWN_STATE_SCHEMA);
	}
	if (state.agentDb && state.agentDb.schema > KNOWN_AGENT_SCHEMA) return newerOpenClaw(state.agentDb.file, state.agentDb.schema, KNOWN_AGENT_SCHEMA);
	if (stateDb?.supervised) {
		return new AppError({
			kind: 'openclaw_supervised',
			title: `OpenClaw's state in ${stateDb.file} is managed by an external supervisor`,
			message: 'OpenClaw itself refuses changes to it from anyone but that supervisor, so openclaw changed nothing.',
			nextStep: `Store the key through that supervisor, or export ${SUGGESTED_KEY_ENV_VAR} in the shell that runs openclaw.`,
		});
	}
	if (stateDb?.ownership === 'other') {
		return new AppError({
			kind: 'openclaw_unknown_store',
			title: `OpenClaw keeps its keys somewhere openclaw does not know (${stateDb.file})`,
			message: 'Its auth.sharedStore setting names a location other than its state database, so openclaw changed nothing.',
			nextStep: `Store the key with OpenClaw itself (printf %s "$KEY" | ${OPENCLAW_PASTE_KEY_COMMAND}), or export ${SUGGESTED_KEY_ENV_VAR}.`,
		});
	}
	return undefined;
}

function newerOpenClaw(file: string, found: number, known: number): AppError {
	return new AppError({
		kind: 'openclaw_newer',
		title: `${file} was written by a newer OpenClaw`,
		message: `Its schema version is ${found}; openclaw knows up to ${known} (OpenClaw 2026.9.6). It reads what it can, but writes nothing there.`,
		nextStep: `Store the key with that OpenClaw (${OPENCLAW_PASTE_KEY_COMMAND}), or export ${SUGGESTED_KEY_ENV_VAR}.`,
	});
}

/** A change to the profiles of a store: `undefined` removes one. */
export type ProfileChanges = ReadonlyArray<{readonly id: string; readonly profile: unknown}>;

/**
 * Applies `changes` to the store in one transaction, merged into what is there
 * now (other programs' profiles stay), clearing each changed profile's
 * cool-down so OpenClaw tries the new key at once. `bootstrap` first claims the
 * shared store, as OpenClaw's own first key save does.
 */
export function writeStoredProfiles(store: DatabaseStore, changes: ProfileChanges, options: {bootstrap?: boolean} = {}): void {
	let db: DatabaseSync | undefined;
	try {
		db = openDatabase(store.file, {readOnly: false});
		db.exec('BEGIN IMMEDIATE');
		try {
			const now = Date.now();
			if (store.kind === 'state-db' && options.bootstrap && readMachineState(db, OWNERSHIP_KEY) === undefined) {
				upsertMachineState(db, OWNERSHIP_KEY, JSON.stringify({location: STATE_DB_LOCATION}), now);
			}
			const current = parseStore(store, readStoreText(db, store)) ?? {version: 1, profiles: {}};
			const profiles = {...current.profiles};
			for (const {id, profile} of changes) {
				if (profile === undefined) delete profiles[id];
				else profiles[id] = profile;
			}
			writeStoreText(db, store, JSON.stringify({...current, version: current.version ?? 1, profiles}), now);
			clearCooldowns(db, store, changes.map(change => change.id), now);
			db.exec('COMMIT');
		} catch (error) {
			db.exec('ROLLBACK');
			throw error;
		}
	} catch (error) {
		throw databaseError(store.file, error);
	} finally {
		db?.close();
	}
}

function readStoreText(db: DatabaseSync, store: DatabaseStore): string | undefined {
	if (store.kind === 'state-db') {
		const value = db.prepare('SELECT value_json FROM config_machine_state WHERE state_key = ?').get(SHARED_STORE_KEY);
		return typeof value?.value_json === 'string' ? value.value_json : undefined;
	}
	if (!tableExists(db, 'auth_profile_store')) return undefined;
	const row = db.prepare('SELECT store_json FROM auth_profile_store WHERE store_key = ?').get(AGENT_STORE_KEY);
	return typeof row?.store_json === 'string' ? row.store_json : undefined;
}

function writeStoreText(db: DatabaseSync, store: DatabaseStore, text: string, now: number): void {
	if (store.kind === 'state-db') {
		upsertMachineState(db, SHARED_STORE_KEY, text, now);
		return;
	}
	db.prepare(
		'INSERT INTO auth_profile_store (store_key, store_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(store_key) DO UPDATE SET store_json = excluded.store_json, updated_at = excluded.updated_at',
	).run(AGENT_STORE_KEY, text, now);
}

/** OpenClaw skips a profile in cool-down (after a 401) without sending a request; a new key deserves a try. */
function clearCooldowns(db: DatabaseSync, store: DatabaseStore, ids: readonly string[], now: number): void {
	const text =
		store.kind === 'state-db'
			? (db.prepare('SELECT value_json FROM config_machine_state WHERE state_key = ?').get(SHARED_STATE_KEY)?.value_json as string | undefined)
			: tableExists(db, 'auth_profile_state')
				? (db.prepare('SELECT state_json FROM auth_profile_state WHERE state_key = ?').get(AGENT_STORE_KEY)?.state_json as string | undefined)
				: undefined;
	if (typeof text !== 'string') return;
	let state: unknown;
	try {
		state = JSON.parse(text);
	} catch {
		return;
	}
	if (!isPlainObject(state) || !isPlainObject(state.usageStats)) return;
	const usageStats = {...state.usageStats};
	let changed = false;
	for (const id of ids) {
		if (Object.hasOwn(usageStats, id)) {
			delete usageStats[id];
			changed = true;
		}
	}
	if (!changed) return;
	const next = JSON.stringify({...state, usageStats});
	if (store.kind === 'state-db') upsertMachineState(db, SHARED_STATE_KEY, next, now);
	else db.prepare('UPDATE auth_profile_state SET state_json = ?, updated_at = ? WHERE state_key = ?').run(next, now, AGENT_STORE_KEY);
}

function upsertMachineState(db: DatabaseSync, key: string, valueJson: string, now: number): void {
	db.prepare(
		'INSERT INTO config_machine_state (state_key, value_json, updated_at_ms) VALUES (?, ?, ?) ON CONFLICT(state_key) DO UPDATE SET value_json = excluded.value_json, updated_at_ms = excluded.updated_at_ms',
	).run(key, valueJson, now);
}

/** Whether a row is there, without reading (and parsing) its value: the key store's is the whole store. */
function hasMachineState(db: DatabaseSync, key: string): boolean {
	if (!tableExists(db, 'config_machine_state')) return false;
	return db.prepare('SELECT 1 AS found FROM config_machine_state WHERE state_key = ? AND typeof(value_json) = \'text\'').get(key) !== undefined;
}

function readMachineState(db: DatabaseSync, key: string): unknown {
	if (!tableExists(db, 'config_machine_state')) return undefined;
	const row = db.prepare('SELECT value_json FROM config_machine_state WHERE state_key = ?').get(key);
	if (typeof row?.value_json !== 'string') return undefined;
	try {
		return JSON.parse(row.value_json) as unknown;
	} catch {
		return row.value_json;
	}
}

function parseStore(store: DatabaseStore, text: string | undefined): StoredProfiles | undefined {
	if (text === undefined) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw unreadableStore(store.file, 'its key store is not valid JSON');
	}
	if (!isPlainObject(value)) throw unreadableStore(store.file, 'its key store is not an object');
	const profiles = isPlainObject(value.profiles) ? value.profiles : {};
	return {...value, profiles};
}

function unreadableStore(file: string, why: string): AppError {
	return new AppError({
		kind: 'openclaw_store_unreadable',
		title: `Cannot read OpenClaw's key store in ${file}`,
		message: `${why[0]!.toUpperCase()}${why.slice(1)}; openclaw changed nothing.`,
		nextStep: `Run \`${OPENCLAW_MIGRATE_COMMAND}\` with OpenClaw itself, or export ${SUGGESTED_KEY_ENV_VAR}.`,
	});
}

function userVersion(db: DatabaseSync): number {
	const row = db.prepare('PRAGMA user_version').get();
	return typeof row?.user_version === 'number' ? row.user_version : 0;
}

function tableExists(db: DatabaseSync, name: string): boolean {
	return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function isLocation(value: unknown, location: string): boolean {
	return isPlainObject(value) && value.location === location;
}

function withDatabase<T>(file: string, read: (db: DatabaseSync) => T): T {
	let db: DatabaseSync | undefined;
	try {
		db = openDatabase(file, {readOnly: true});
		return read(db);
	} catch (error) {
		throw databaseError(file, error);
	} finally {
		db?.close();
	}
}

/** SQLite's own errors, in words: busy, corrupt, not a database. */
function databaseError(file: string, error: unknown): AppError {
	if (error instanceof AppError) return error;
	const code = sqliteCode(error);
	if (code === SQLITE_CODES.busy || code === SQLITE_CODES.locked) {
		return new AppError({
			kind: 'openclaw_store_busy',
			title: `OpenClaw's database ${file} is busy`,
			message: `Another program (most likely OpenClaw) held it for more than ${BUSY_TIMEOUT_MS / 1000} seconds; nothing was changed.`,
			nextStep: 'Wait for OpenClaw to finish, then run the command again.',
		}, {cause: error});
	}
	if (code === SQLITE_CODES.corrupt || code === SQLITE_CODES.notADatabase) {
		return new AppError({
			kind: 'openclaw_store_corrupt',
			title: `${file} is not a readable SQLite database`,
			message: 'openclaw read nothing from it and changed nothing.',
			nextStep: `Run \`openclaw doctor\` with OpenClaw itself to repair it, or move the file aside; export ${SUGGESTED_KEY_ENV_VAR} meanwhile.`,
		}, {cause: error});
	}
	return fileError('read', file, error);
}
