/**
 * The one way anything changes OpenClaw's files: a login, `models set`, an
 * OAuth token renewal. Both halves of a setup (the key in its store and
 * openclaw.json) change as one, under one lock:
 *
 * 1. lock; finish any change a killed process left half done (below);
 * 2. read openclaw.json and the state's layout fresh, and let the caller
 *    decide what to change from what is there now;
 * 3. write down every intended change in a journal file beside openclaw.json;
 * 4. apply them, the key first, then openclaw.json (each write all or nothing);
 * 5. remove the journal.
 *
 * A `kill -9` anywhere leaves either the old pair (no journal yet) or a
 * journal that the next command applies in full, so the pair on disk is
 * always one login's, whole. The journal holds the key, so it is 0600 and
 * lives only for the moment of the write.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {AppError, errorCode} from '../app-error.js';
import {CONFIG_SETTING, readOpenClawConfig, serializeConfig, type ConfigData, type ConfigRead} from '../config-file.js';
import type {Env} from '../env.js';
import {fileError} from '../files/file-error.js';
import {PRIVATE_DIR_MODE, PRIVATE_FILE_MODE} from '../files/modes.js';
import {ensurePrivateDir, readRegularFile, removeStaleTemporariesIn, resolveWriteTarget, tightenOwnMode, writeFileSafely, type WriteCalls} from '../files/safe-file.js';
import {tryStateLockSync, withStateLock, type LockNotices} from '../files/state-lock.js';
import type {OpenClawPaths} from '../paths.js';
import {isPlainObject} from '../plain-object.js';
import {readJsonStore, readStore, type KeyStore} from './key-store.js';
import {writeStoredProfiles, type ProfileChanges} from './state-db.js';
import {detectLayout, type StateLayout} from './state-layout.js';

export type CurrentState = {readonly config: ConfigRead; readonly layout: StateLayout};

export type StateChange = {
	/** Profiles to set (or remove, as `undefined`) in each store; `bootstrap` claims OpenClaw's shared store first. */
	readonly profiles?: ReadonlyArray<{readonly store: KeyStore; readonly changes: ProfileChanges; readonly bootstrap?: boolean}>;
	/** Changes openclaw.json in place; only the keys it touches change. */
	readonly config?: (data: ConfigData) => void;
};

export type StateChangeResult = {
	readonly configPath: string;
	/** The previous openclaw.json, kept before it changed. */
	readonly backupPath?: string;
	readonly configChanged: boolean;
	readonly profilesChanged: boolean;
};

type JournalEntry =
	| {readonly type: 'profiles'; readonly store: KeyStore; readonly changes: ProfileChanges; readonly bootstrap?: boolean}
	/** `text: null` removes the file (undoing a write that created it). */
	| {readonly type: 'config'; readonly file: string; readonly text: string | null};

type Journal = {readonly version: 1; readonly entries: readonly JournalEntry[]};

const BACKUP_COUNT = 5;

/**
 * A change that failed after part of it was written and could not be put
 * back; its journal stays, and the next command completes it. Whoever reports
 * the failure must not say that nothing was written.
 */
export class PartlyWrittenError extends AppError {
	constructor(problem: AppError['problem'], options: {cause?: unknown}) {
		super(problem, options);
		this.name = 'PartlyWrittenError';
	}
}

/**
 * Runs `decide` on the state as it is now (under the lock) and applies what
 * it asks for. Returns its result alongside what was written.
 */
export type ChangeOptions = {
	notices?: LockNotices;
	/** Stand-ins for the calls that write openclaw.json, so a test can fill the disk at the worst moment. */
	calls?: WriteCalls;
};

export async function changeState<T>(
	paths: OpenClawPaths,
	env: Env,
	decide: (current: CurrentState) => {change: StateChange; result: T},
	options: ChangeOptions = {},
): Promise<{result: T} & StateChangeResult> {
	return withSetupLock(paths, () => changeStateLocked(paths, env, decide, options), options);
}

/** Holds the setup lock for `task` (a token renewal that must ask the server once, then write). */
export async function withSetupLock<T>(paths: OpenClawPaths, task: () => Promise<T> | T, options: {notices?: LockNotices} = {}): Promise<T> {
	const configFile = resolveWriteTarget(paths.configPath, CONFIG_SETTING);
	ensurePrivateDir(path.dirname(configFile));
	return withStateLock(configFile, task, options.notices);
}

/** changeState's work, for a caller that already holds the setup lock. */
export function changeStateLocked<T>(
	paths: OpenClawPaths,
	env: Env,
	decide: (current: CurrentState) => {change: StateChange; result: T},
	options: ChangeOptions = {},
): {result: T} & StateChangeResult {
	const configFile = resolveWriteTarget(paths.configPath);
	applyPendingJournal(configFile);
	const config = readOpenClawConfig(paths);
	const layout = detectLayout(paths, config.data, env);
	const {change, result} = decide({config, layout});
	const entries: JournalEntry[] = [];
	for (const profiles of change.profiles ?? []) {
		if (profiles.changes.length > 0 && storeWouldChange(profiles.store, profiles.changes)) {
			entries.push({type: 'profiles', store: profiles.store, changes: profiles.changes, ...(profiles.bootstrap ? {bootstrap: true} : {})});
		}
	}
	let nextConfig: ConfigData | undefined;
	if (change.config) {
		const data = structuredClone(config.data);
		change.config(data);
		if (!isDeepStrictEqual(data, config.data) || !config.exists) nextConfig = data;
	}
	if (nextConfig) entries.push({type: 'config', file: configFile, text: serializeConfig(nextConfig)});
	if (entries.length === 0) return {result, configPath: paths.configPath, configChanged: false, profilesChanged: false};

	const backupPath = nextConfig && config.exists ? backUpConfig(configFile, paths.configPath) : undefined;
	const journal = journalPath(configFile);
	const undo = undoEntries(entries, config.exists ? readRegularFile(configFile) : undefined);
	writeFileSafely(journal, JSON.stringify({version: 1, entries} satisfies Journal), {mode: PRIVATE_FILE_MODE});
	try {
		applyEntries(entries, options.calls);
	} catch (error) {
		takeBack(journal, undo, error);
	}
	removeJournal(journal);
	return {
		result,
		configPath: paths.configPath,
		...(backupPath ? {backupPath} : {}),
		configChanged: nextConfig !== undefined,
		profilesChanged: entries.some(entry => entry.type === 'profiles'),
	};
}

/**
 * Before reading the setup: a change a killed process left half done is
 * finished now, and its temporary files go. Skipped while a live process
 * holds the lock (it is finishing the change itself).
 */
export function finishInterruptedChange(paths: OpenClawPaths): void {
	const configFile = resolveWriteTarget(paths.configPath);
	for (const dir of new Set([path.dirname(configFile), paths.agentDir, paths.appDir])) removeStaleTemporariesIn(dir);
	const journal = journalPath(configFile);
	if (!fs.existsSync(journal)) return;
	const release = tryStateLockSync(configFile);
	if (!release) return;
	try {
		applyPendingJournal(configFile);
	} finally {
		release();
	}
}

function journalPath(configFile: string): string {
	return path.join(path.dirname(configFile), `.${path.basename(configFile)}.pending`);
}

function applyPendingJournal(configFile: string): void {
	const journal = journalPath(configFile);
	let text: string | undefined;
	try {
		text = readRegularFile(journal);
	} catch {
		// Not a regular file: nothing of ours.
		return;
	}
	if (text === undefined) return;
	let parsed: Journal | undefined;
	try {
		parsed = JSON.parse(text) as Journal;
	} catch {
		parsed = undefined;
	}
	// The journal is written whole or not at all; anything else is not ours to act on.
	if (parsed?.version === 1 && Array.isArray(parsed.entries)) applyEntries(parsed.entries);
	removeJournal(journal);
}

function removeJournal(journal: string): void {
	try {
		fs.rmSync(journal, {force: true});
	} catch (error) {
		throw fileError('write', journal, error);
	}
}

/** What puts each entry's files back as they are now, last applied first. */
function undoEntries(entries: readonly JournalEntry[], configText: string | undefined): JournalEntry[] {
	return entries
		.map((entry): JournalEntry => {
			if (entry.type === 'config') return {type: 'config', file: entry.file, text: configText ?? null};
			const current = readStore(entry.store).profiles;
			return {type: 'profiles', store: entry.store, changes: entry.changes.map(({id}) => ({id, profile: Object.hasOwn(current, id) ? current[id] : undefined}))};
		})
		.reverse();
}

/**
 * A write failed part-way (a full disk, a permission taken away): what was
 * written is put back, so the pair stays as it was, and the error says so.
 * If even that fails, the journal is left to finish the change on the next
 * command, and the error says that instead.
 */
function takeBack(journal: string, undo: readonly JournalEntry[], error: unknown): never {
	const failure = error instanceof AppError ? error : fileError('write', journal, error);
	try {
		applyEntries(undo);
		removeJournal(journal);
	} catch {
		throw new PartlyWrittenError(
			{...failure.problem, message: `${failure.problem.message} Part of the change was written and could not be taken back; the next openclaw command completes it.`},
			{cause: error},
		);
	}
	throw new AppError({...failure.problem, message: `${failure.problem.message.replace(/ [^ ]+ was not changed\.$/, '')} Nothing was changed.`}, {cause: error});
}

function applyEntries(entries: readonly JournalEntry[], calls?: WriteCalls): void {
	for (const entry of entries) {
		if (entry.type === 'profiles') applyProfileChanges(entry.store, entry.changes, entry.bootstrap === true);
		else if (entry.text === null) fs.rmSync(entry.file, {force: true});
		else writeFileSafely(entry.file, entry.text, {mode: PRIVATE_FILE_MODE, setting: CONFIG_SETTING, ...(calls ? {calls} : {})});
	}
}

function applyProfileChanges(store: KeyStore, changes: ProfileChanges, bootstrap: boolean): void {
	if (store.kind === 'state-db' || store.kind === 'agent-db') {
		writeStoredProfiles(store, changes, {bootstrap});
		return;
	}
	const dir = path.dirname(store.file);
	const created = ensurePrivateDir(dir);
	// The agent folder is ours to keep private; a folder a symlink leads to is not.
	if (!created) tightenOwnMode(dir, PRIVATE_DIR_MODE);
	const current = readJsonStore(resolveWriteTarget(store.file)) ?? {};
	const profiles = {...(isPlainObject(current.profiles) ? current.profiles : {})};
	for (const {id, profile} of changes) {
		if (profile === undefined) delete profiles[id];
		else profiles[id] = profile;
	}
	writeFileSafely(store.file, `${JSON.stringify({version: 1, ...current, profiles}, null, 2)}\n`, {mode: PRIVATE_FILE_MODE});
}

/** Whether applying `changes` would change anything (a login with the same key rewrites nothing). */
function storeWouldChange(store: KeyStore, changes: ProfileChanges): boolean {
	try {
		const current =
			store.kind === 'state-db' || store.kind === 'agent-db'
				? undefined
				: (readJsonStore(store.file)?.profiles as Record<string, unknown> | undefined);
		if (!current) return true;
		return changes.some(({id, profile}) => !isDeepStrictEqual(current[id], profile));
	} catch {
		return true;
	}
}

/** Rotates openclaw.json.bak → .bak.1 … .bak.4 and keeps the current bytes as .bak (0600). */
function backUpConfig(source: string, configPath: string): string {
	const base = `${configPath}.bak`;
	const names = [base, ...Array.from({length: BACKUP_COUNT - 1}, (_, index) => `${base}.${index + 1}`)];
	try {
		fs.rmSync(names.at(-1)!, {force: true});
		for (let index = names.length - 2; index >= 0; index--) {
			if (fs.existsSync(names[index]!)) fs.renameSync(names[index]!, names[index + 1]!);
		}
	} catch (error) {
		throw fileError('write', base, error);
	}
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(source);
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return base;
		throw fileError('read', source, error);
	}
	writeFileSafely(base, bytes, {mode: PRIVATE_FILE_MODE});
	return base;
}

