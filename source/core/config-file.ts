/**
 * openclaw.json: OpenClaw's main config, shared with OpenClaw itself and other
 * tools. Read as JSON5, written through `conf` as plain JSON. Only the keys a
 * caller's mutation touches change; everything else is carried over as read.
 *
 * Rewriting as JSON drops the user's comments and formatting, which is why
 * every change to an existing file first keeps the original bytes in
 * openclaw.json.bak (rotated like OpenClaw: .bak → .bak.1 … .bak.4).
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import type Conf from 'conf';
import {ensurePrivateDir, errorCode, resolveWriteTarget, toAccessError, withFileLock, writeFileAtomic} from './file-lock.js';
import type {OpenClawPaths} from './paths.js';
import {PROVIDER_ID} from './models.js';

/** A config file we refuse to touch because we cannot read it as the shape OpenClaw expects. */
export class ConfigParseError extends Error {
	readonly file: string;
	readonly line: number;
	readonly column: number;

	constructor(file: string, line: number, column: number, message: string) {
		super(message);
		this.name = 'ConfigParseError';
		this.file = file;
		this.line = line;
		this.column = column;
	}
}

export type QwenProviderEntry = {
	baseUrl?: string;
	apiKey?: string;
	api?: string;
	models?: unknown[];
	[key: string]: unknown;
};

export type ConfigData = Record<string, unknown>;

/** openclaw.json as read: `exists` false (and no data) when there is no file yet. */
export type ConfigRead = {exists: boolean; data: ConfigData};

const BACKUP_COUNT = 5;
/** The top-level key `conf` keeps to itself and never hands back. */
const CONF_INTERNAL_KEY = '__internal__';

export function readOpenClawConfig(paths: OpenClawPaths): ConfigRead {
	const file = resolveWriteTarget(paths.configPath);
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		// Whatever existsSync calls missing (ENOENT, a file in the path, a parent we may not search) reads as no file.
		if (errorCode(error) === 'ENOENT' || !fs.existsSync(file)) return {exists: false, data: {}};
		throw toAccessError(error, file);
	}
	return {exists: true, data: storeData(parseOpenClawConfig(text, file))};
}

/**
 * Locked read-modify-write of openclaw.json: lock, re-read, mutate, back up,
 * write atomically. A mutation that changes nothing writes nothing. Throws
 * ConfigParseError (file untouched) when the current file cannot be read.
 */
export async function updateOpenClawConfig(
	paths: OpenClawPaths,
	mutate: (data: ConfigData) => void,
): Promise<{configPath: string; backupPath?: string}> {
	// A dotfiles symlink stays a symlink: we lock, back up and rewrite its target.
	const file = resolveWriteTarget(paths.configPath);
	ensurePrivateDir(path.dirname(file));
	const {default: ConfStore} = await import('conf');
	return withFileLock(file, () => {
		const exists = fs.existsSync(file);
		const store = openStore(ConfStore, file);
		const before = readStore(store);
		const data = structuredClone(before);
		mutate(data);
		if (isDeepStrictEqual(before, data)) return {configPath: paths.configPath};
		const backupPath = exists ? backUpConfig(file, paths.configPath) : undefined;
		try {
			store.store = data;
		} catch (error) {
			throw toAccessError(error, file);
		}
		return backupPath ? {configPath: paths.configPath, backupPath} : {configPath: paths.configPath};
	});
}

export function getQwenProvider(config: ConfigData): QwenProviderEntry | undefined {
	const entry = objectAt(objectAt(config.models, 'providers'), PROVIDER_ID);
	return entry;
}

/** agents.defaults.model.primary (OpenClaw also accepts the bare string form). */
export function getDefaultModelRef(config: ConfigData): string | undefined {
	const model = valueAt(objectAt(config.agents, 'defaults'), 'model');
	if (typeof model === 'string') return model.trim() || undefined;
	if (isPlainObject(model) && typeof model.primary === 'string') return model.primary.trim() || undefined;
	return undefined;
}

function valueAt(parent: unknown, key: string): unknown {
	return isPlainObject(parent) ? parent[key] : undefined;
}

/** `parent[key]` when both are objects. */
function objectAt(parent: unknown, key: string): Record<string, unknown> | undefined {
	const value = valueAt(parent, key);
	return isPlainObject(value) ? value : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parent[key]` as an object, created (or replacing a non-object) when needed: how a save reaches its keys. */
export function childObject(parent: Record<string, unknown>, key: string): Record<string, unknown> {
	const value = parent[key];
	if (isPlainObject(value)) return value;
	const created: Record<string, unknown> = {};
	parent[key] = created;
	return created;
}

function openStore(ConfStore: typeof Conf, file: string): Conf<ConfigData> {
	const extension = path.extname(file);
	try {
		return new ConfStore<ConfigData>({
			cwd: path.dirname(file),
			configName: path.basename(file, extension),
			fileExtension: extension.replace(/^\./, ''),
			deserialize: text => parseOpenClawConfig(text, file),
			serialize: value => `${JSON.stringify(value, null, 2)}\n`,
			configFileMode: 0o600,
			// A file we cannot parse is the user's, hand-edited: report it, never clear it.
			clearInvalidConfig: false,
			accessPropertiesByDotNotation: false,
			watch: false,
		});
	} catch (error) {
		throw toAccessError(error, file);
	}
}

function readStore(store: Conf<ConfigData>): ConfigData {
	return storeData(store.store);
}

/**
 * What `conf` makes of parsed data, for reads that skip it: an ordinary object
 * (conf's top level has no prototype) without conf's own bookkeeping key.
 */
function storeData(parsed: ConfigData): ConfigData {
	const data = structuredClone({...parsed});
	delete data[CONF_INTERNAL_KEY];
	return data;
}

/** JSON5 text to config data, refusing anything OpenClaw could not load either. */
function parseOpenClawConfig(text: string, file: string): ConfigData {
	const source = stripBom(text);
	// An empty file holds nothing to lose; treat it as an empty config.
	if (source.trim() === '') return {};
	const data = parseJson5(source, file);
	checkShape(data, source, file);
	return data as ConfigData;
}

/** Parses JSON5 or throws ConfigParseError with the line and column of the mistake. */
export function parseJson5(text: string, file: string, hasBackup = true): unknown {
	const source = stripBom(text);
	// Files written by us or OpenClaw are plain JSON, which means the same in JSON5; the JSON5 parser loads only when needed.
	try {
		return JSON.parse(source);
	} catch {
		// Not plain JSON: JSON5 below says where it goes wrong.
	}
	try {
		return loadJson5().parse(source);
	} catch (error) {
		const line = numberField(error, 'lineNumber') ?? 1;
		const column = numberField(error, 'columnNumber') ?? 1;
		const reason = error instanceof Error ? error.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '') : 'syntax error';
		throw new ConfigParseError(
			file,
			line,
			column,
			`${file}:${line}:${column}: not valid JSON5 (${reason}). Fix the syntax at line ${line} column ${column}, or move the file aside${backupHint(file, hasBackup)}. Nothing was changed.`,
		);
	}
}

let json5: typeof import('json5') | undefined;

function loadJson5(): typeof import('json5') {
	json5 ??= createRequire(import.meta.url)('json5') as typeof import('json5');
	return json5;
}

function stripBom(text: string): string {
	return text.replace(/^\uFEFF/, '');
}

function checkShape(data: unknown, text: string, file: string): void {
	if (!isPlainObject(data)) {
		throw wrongType(file, text, undefined, 'the top level', 'an object ({ … })', data);
	}
	const sections: Array<[string[], string]> = [
		[['models'], 'models'],
		[['models', 'providers'], 'models.providers'],
		[['agents'], 'agents'],
		[['agents', 'defaults'], 'agents.defaults'],
		[['agents', 'defaults', 'models'], 'agents.defaults.models'],
	];
	for (const [keys, label] of sections) {
		const {found, value} = lookUp(data, keys);
		if (found && !isPlainObject(value)) {
			throw wrongType(file, text, keys.at(-1), `"${label}"`, 'an object', value);
		}
	}
	const provider = lookUp(data, ['models', 'providers', PROVIDER_ID]);
	if (provider.found && !isPlainObject(provider.value)) {
		throw wrongType(file, text, PROVIDER_ID, `"models.providers.${PROVIDER_ID}"`, 'an object', provider.value);
	}
	const model = lookUp(data, ['agents', 'defaults', 'model']);
	if (model.found && typeof model.value !== 'string' && !isPlainObject(model.value)) {
		throw wrongType(file, text, 'model', '"agents.defaults.model"', 'a string or an object', model.value);
	}
}

function lookUp(data: Record<string, unknown>, keys: string[]): {found: boolean; value: unknown} {
	let current: unknown = data;
	for (const key of keys) {
		if (!isPlainObject(current) || !Object.hasOwn(current, key)) return {found: false, value: undefined};
		current = current[key];
	}
	return {found: true, value: current};
}

/** A ConfigParseError for a value of the wrong type, pointing at `key` in the source when it can. */
export function wrongType(
	file: string,
	text: string,
	key: string | undefined,
	what: string,
	expected: string,
	value: unknown,
	hasBackup = true,
): ConfigParseError {
	const {line, column} = key ? locateKey(text, key) : {line: 1, column: 1};
	return new ConfigParseError(
		file,
		line,
		column,
		`${file}:${line}:${column}: ${what} must be ${expected}, but it is ${describe(value)}. Fix it at line ${line} column ${column}, or move the file aside${backupHint(file, hasBackup)}. Nothing was changed.`,
	);
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

/** Best-effort position of `key:` in the source, for wrong-type errors. */
function locateKey(text: string, key: string): {line: number; column: number} {
	const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`(["']?)${escaped}\\1\\s*:`).exec(text);
	if (!match) return {line: 1, column: 1};
	const before = text.slice(0, match.index);
	const line = before.split('\n').length;
	return {line, column: match.index - before.lastIndexOf('\n')};
}

function backupHint(file: string, hasBackup: boolean): string {
	return hasBackup ? `; ${path.basename(file)}.bak is the last good copy if present` : '';
}

function numberField(error: unknown, name: string): number | undefined {
	const value = isPlainObject(error) || error instanceof Error ? (error as Record<string, unknown>)[name] : undefined;
	return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Rotates openclaw.json.bak → .bak.1 … and copies the current bytes of `source` to .bak (0600). */
function backUpConfig(source: string, configPath: string): string {
	const base = `${configPath}.bak`;
	const names = [base, ...Array.from({length: BACKUP_COUNT - 1}, (_, index) => `${base}.${index + 1}`)];
	try {
		fs.rmSync(names.at(-1)!, {force: true});
		for (let index = names.length - 2; index >= 0; index--) {
			if (fs.existsSync(names[index]!)) fs.renameSync(names[index]!, names[index + 1]!);
		}
	} catch (error) {
		throw toAccessError(error, base);
	}
	writeFileAtomic(base, fs.readFileSync(source), 0o600);
	return base;
}
