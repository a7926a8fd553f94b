/**
 * openclaw.json: OpenClaw's main config, shared with OpenClaw itself and other
 * tools. Read as JSON5 and written as plain JSON (state-change.ts writes it);
 * only the keys a change touches differ, everything else is carried over.
 *
 * Rewriting as JSON drops the user's comments and formatting, which is why
 * every change to an existing file first keeps the original bytes in
 * openclaw.json.bak (rotated like OpenClaw: .bak → .bak.1 … .bak.4).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {AppError} from './app-error.js';
import {readRegularFile} from './files/safe-file.js';
import {isPlainObject} from './plain-object.js';
import {CONFIG_PATH_ENV_VAR, type OpenClawPaths} from './paths.js';
import {PROVIDER_ID} from './models.js';

/** A config file we refuse to touch because we cannot read it as the shape OpenClaw expects. */
export class ConfigParseError extends AppError {
	readonly file: string;
	readonly line: number;
	readonly column: number;

	constructor(file: string, line: number, column: number, message: string) {
		super({
			kind: 'config_unreadable',
			title: `Cannot read ${file}:${line}:${column}`,
			message,
			nextStep: `Fix ${path.basename(file)} at line ${line} column ${column}, or move it aside; nothing is written until it parses.`,
		});
		this.name = 'ConfigParseError';
		this.file = file;
		this.line = line;
		this.column = column;
	}
}

export type QwenProviderEntry = {
	baseUrl?: string;
	apiKey?: unknown;
	api?: string;
	models?: unknown[];
	[key: string]: unknown;
};

export type ConfigData = Record<string, unknown>;

/** openclaw.json as read: `exists` false (and no data) when there is no file yet. */
export type ConfigRead = {exists: boolean; data: ConfigData};

/** The variable that moves openclaw.json, for messages about it. */
export const CONFIG_SETTING = CONFIG_PATH_ENV_VAR;

/** Deeper than any real config; deeper still and the parsers and comparisons run out of stack. */
const MAX_DEPTH = 64;

export function readOpenClawConfig(paths: OpenClawPaths): ConfigRead {
	const text = readRegularFile(paths.configPath, {setting: CONFIG_SETTING});
	if (text === undefined) return {exists: false, data: {}};
	return {exists: true, data: parseOpenClawConfig(text, paths.configPath)};
}

/** The bytes openclaw.json is written as. */
export function serializeConfig(data: ConfigData): string {
	return `${JSON.stringify(data, null, 2)}\n`;
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

/** `parent[key]` as an object, created (or replacing a non-object) when needed: how a save reaches its keys. */
export function childObject(parent: Record<string, unknown>, key: string): Record<string, unknown> {
	const value = parent[key];
	if (isPlainObject(value)) return value;
	const created: Record<string, unknown> = {};
	parent[key] = created;
	return created;
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
	let parsed: unknown;
	try {
		parsed = JSON.parse(source);
	} catch {
		// Not plain JSON: JSON5 below says where it goes wrong.
		parsed = parseJson5Text(source, file, hasBackup);
	}
	if (depthOf(parsed) > MAX_DEPTH) {
		throw new ConfigParseError(
			file,
			1,
			1,
			`${file} is nested more than ${MAX_DEPTH} levels deep, which no OpenClaw config is. Move the file aside${backupHint(file, hasBackup)}. Nothing was changed.`,
		);
	}
	return parsed;
}

function parseJson5Text(source: string, file: string, hasBackup: boolean): unknown {
	try {
		return loadJson5().parse(source);
	} catch (error) {
		if (error instanceof RangeError) {
			throw new ConfigParseError(file, 1, 1, `${file} is nested too deeply to read. Move the file aside${backupHint(file, hasBackup)}. Nothing was changed.`);
		}
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

/** How deeply objects and arrays nest, counted without recursion. */
function depthOf(value: unknown): number {
	let deepest = 0;
	const pending: Array<[unknown, number]> = [[value, 0]];
	while (pending.length > 0) {
		const [current, depth] = pending.pop()!;
		if (typeof current !== 'object' || current === null) continue;
		deepest = Math.max(deepest, depth + 1);
		if (deepest > MAX_DEPTH) return deepest;
		for (const child of Object.values(current)) pending.push([child, depth + 1]);
	}
	return deepest;
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
