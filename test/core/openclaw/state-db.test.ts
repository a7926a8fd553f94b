/** OpenClaw's SQLite stores: SQLite's own failures named by their result code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {AppError} from '../../../source/core/app-error.js';
import {inspectDatabases, stateDbPath} from '../../../source/core/openclaw/state-db.js';

let stateDir: string;
beforeEach(() => {
	stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-state-db-'));
});
afterEach(() => fs.rmSync(stateDir, {recursive: true, force: true}));

it('a file that is not a database is named as such, and left alone', () => {
	const file = stateDbPath(stateDir);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	const bytes = 'not a database, only text standing where OpenClaw keeps one\n'.repeat(40);
	fs.writeFileSync(file, bytes);
	let failure: unknown;
	try {
		inspectDatabases(stateDir, path.join(stateDir, 'agents', 'main', 'agent'));
	} catch (error) {
		failure = error;
	}
	expect(failure).toBeInstanceOf(AppError);
	expect((failure as AppError).problem).toMatchObject({kind: 'openclaw_store_corrupt', title: `${file} is not a readable SQLite database`});
	expect(fs.readFileSync(file, 'utf8')).toBe(bytes);
});
