/**
 * OpenClaw 2026.9's SQLite stores, made by the tests with the tables and
 * versions OpenClaw itself uses (docs/openclaw-2026.9.md), so the code that
 * reads and writes them meets real SQLite files.
 */
import fs from 'node:fs';
import path from 'node:path';
import {DatabaseSync} from 'node:sqlite';

export type StateDbOptions = {
	userVersion?: number;
	/** config_machine_state rows: state_key → value (JSON-encoded on write). */
	rows?: Record<string, unknown>;
};

export function stateDbFile(stateDir: string): string {
	return path.join(stateDir, 'state', 'openclaw.sqlite');
}

export function agentDbFile(agentDir: string): string {
	return path.join(agentDir, 'openclaw-agent.sqlite');
}

/** state/openclaw.sqlite as OpenClaw 2026.9.6 creates it (the tables this program touches). */
export function makeStateDb(stateDir: string, options: StateDbOptions = {}): string {
	const file = stateDbFile(stateDir);
	fs.mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const db = new DatabaseSync(file);
	try {
		db.exec(`PRAGMA journal_mode = WAL;
CREATE TABLE config_machine_state (
      state_key TEXT NOT NULL PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at_ms INTEGER NOT NULL
    ) STRICT;
CREATE TABLE schema_meta (meta_key TEXT NOT NULL PRIMARY KEY, role TEXT NOT NULL, schema_version INTEGER NOT NULL, agent_id TEXT, app_version TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL) STRICT;
PRAGMA user_version = ${options.userVersion ?? 18};`);
		db.prepare("INSERT INTO schema_meta VALUES ('primary', 'global', ?, NULL, '2026.9.6', 0, 0)").run(options.userVersion ?? 18);
		for (const [key, value] of Object.entries(options.rows ?? {})) {
			db.prepare('INSERT INTO config_machine_state VALUES (?, ?, ?)').run(key, JSON.stringify(value), Date.now());
		}
	} finally {
		db.close();
	}
	fs.chmodSync(file, 0o600);
	return file;
}

/** agents/<id>/agent/openclaw-agent.sqlite with an auth store row `primary`, as a legacy-main state has. */
export function makeAgentDb(agentDir: string, options: {userVersion?: number; store?: unknown; state?: unknown} = {}): string {
	const file = agentDbFile(agentDir);
	fs.mkdirSync(agentDir, {recursive: true, mode: 0o700});
	const db = new DatabaseSync(file);
	try {
		db.exec(`CREATE TABLE auth_profile_store (store_key TEXT NOT NULL PRIMARY KEY, store_json TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;
CREATE TABLE auth_profile_state (state_key TEXT NOT NULL PRIMARY KEY, state_json TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;
PRAGMA user_version = ${options.userVersion ?? 23};`);
		if (options.store !== undefined) db.prepare("INSERT INTO auth_profile_store VALUES ('primary', ?, 0)").run(JSON.stringify(options.store));
		if (options.state !== undefined) db.prepare("INSERT INTO auth_profile_state VALUES ('primary', ?, 0)").run(JSON.stringify(options.state));
	} finally {
		db.close();
	}
	return file;
}

/** A config_machine_state value, parsed. */
export function readMachineState(stateDir: string, key: string): unknown {
	const db = new DatabaseSync(stateDbFile(stateDir), {readOnly: true});
	try {
		const row = db.prepare('SELECT value_json FROM config_machine_state WHERE state_key = ?').get(key) as {value_json: string} | undefined;
		return row ? JSON.parse(row.value_json) : undefined;
	} finally {
		db.close();
	}
}

/** The per-agent store's profiles object, parsed. */
export function readAgentStore(agentDir: string): unknown {
	const db = new DatabaseSync(agentDbFile(agentDir), {readOnly: true});
	try {
		const row = db.prepare("SELECT store_json FROM auth_profile_store WHERE store_key = 'primary'").get() as {store_json: string} | undefined;
		return row ? JSON.parse(row.store_json) : undefined;
	} finally {
		db.close();
	}
}
