/**
 * What the provider's `apiKey` in openclaw.json points at, read the way
 * OpenClaw 2026.9 reads it (docs/openclaw-2026.9.md, "How apiKey resolves"):
 *
 * - `"qwen-portal:default"`: a stored login profile (OpenClaw's own form);
 *   `"profile:qwen-portal:default"` is the guide's form of the same;
 * - `"QWEN_API_KEY"` (a known key variable's name), `"${VAR}"` or
 *   `{"source":"env","provider":"default","id":"VAR"}`: the environment;
 * - `{"source":"file","provider":"<alias>","id":…}`: a file named under
 *   `secrets.providers.<alias>`, its whole text or a JSON pointer into it;
 * - any other string: the key itself.
 */
import path from 'node:path';
import type {Env} from '../env.js';
import {KEY_ENV_VARS} from '../env-vars.js';
import {expandTilde} from '../paths.js';
import {isPlainObject} from '../plain-object.js';

/** The variables OpenClaw takes a bare `apiKey` name to mean, for DashScope. */
const KNOWN_KEY_VARIABLES: readonly string[] = [...KEY_ENV_VARS, 'MODELSTUDIO_API_KEY'];

/** The guide's prefix for a profile reference; OpenClaw never learnt it. */
export const GUIDE_PROFILE_PREFIX = 'profile:';

export type ApiKeyRef =
	| {readonly kind: 'none'}
	| {readonly kind: 'profile'; readonly id: string; readonly guideForm: boolean}
	| {readonly kind: 'env'; readonly name: string; readonly form: 'name' | 'template' | 'secret-ref'}
	| {readonly kind: 'file'; readonly file: string; readonly pointer?: string; readonly alias: string}
	| {readonly kind: 'literal'; readonly value: string}
	/** A SecretRef we cannot follow (unknown source, a provider alias that is not declared). */
	| {readonly kind: 'unresolvable'; readonly reason: string};

// `provider:name`, as OpenClaw names profiles; never a DashScope key.
const PROFILE_ID = /^[A-Za-z0-9._-]+:[A-Za-z0-9._:-]+$/;
/** `${VAR}`, which OpenClaw replaces with the variable's value; the name is the first group. */
export const ENV_TEMPLATE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

export function parseApiKeyRef(value: unknown, config: Record<string, unknown>, home: string): ApiKeyRef {
	if (value === undefined || value === null) return {kind: 'none'};
	if (typeof value === 'string') return parseString(value.trim());
	if (isPlainObject(value)) return parseSecretRef(value, config, home);
	return {kind: 'unresolvable', reason: `apiKey is ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}; it must be a string or a SecretRef object`};
}

function parseString(text: string): ApiKeyRef {
	if (text === '') return {kind: 'none'};
	if (text.startsWith(GUIDE_PROFILE_PREFIX)) return {kind: 'profile', id: text.slice(GUIDE_PROFILE_PREFIX.length).trim(), guideForm: true};
	const template = ENV_TEMPLATE.exec(text)?.[1];
	if (template) return {kind: 'env', name: template, form: 'template'};
	if (KNOWN_KEY_VARIABLES.includes(text)) return {kind: 'env', name: text, form: 'name'};
	if (!text.startsWith('sk-') && PROFILE_ID.test(text)) return {kind: 'profile', id: text, guideForm: false};
	return {kind: 'literal', value: text};
}

function parseSecretRef(ref: Record<string, unknown>, config: Record<string, unknown>, home: string): ApiKeyRef {
	const {source, provider, id} = ref;
	if (typeof id !== 'string' || id === '') return {kind: 'unresolvable', reason: 'the apiKey SecretRef has no "id"'};
	if (source === 'env') return {kind: 'env', name: id, form: 'secret-ref'};
	if (source !== 'file') return {kind: 'unresolvable', reason: `the apiKey SecretRef's source "${String(source)}" is one openclaw cannot read (it reads "env" and "file")`};
	const alias = typeof provider === 'string' ? provider : '';
	const declared = secretProvider(config, alias);
	if (!declared) return {kind: 'unresolvable', reason: `the apiKey SecretRef names secrets provider "${alias}", which secrets.providers does not declare`};
	if (declared.source !== 'file' || typeof declared.path !== 'string' || declared.path.trim() === '') {
		return {kind: 'unresolvable', reason: `secrets.providers.${alias} is not a file provider with a path`};
	}
	const file = path.resolve(home, expandTilde(declared.path.trim(), home));
	// A json-mode provider reads the id as a JSON pointer; a single-value file is the secret itself.
	return declared.mode === 'json' ? {kind: 'file', file, pointer: id, alias} : {kind: 'file', file, alias};
}

function secretProvider(config: Record<string, unknown>, alias: string): Record<string, unknown> | undefined {
	const secrets = config.secrets;
	const providers = isPlainObject(secrets) ? secrets.providers : undefined;
	const entry = isPlainObject(providers) ? providers[alias] : undefined;
	return isPlainObject(entry) ? entry : undefined;
}

/** The value a JSON pointer (RFC 6901) names in `document`, when it is a string. */
export function resolvePointer(document: unknown, pointer: string): string | undefined {
	if (pointer === '') return typeof document === 'string' ? document : undefined;
	if (!pointer.startsWith('/')) return undefined;
	let current = document;
	for (const raw of pointer.slice(1).split('/')) {
		const key = unescapePointerSegment(raw);
		if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
		current = current[key];
	}
	return typeof current === 'string' ? current : undefined;
}

/** One segment of a JSON pointer as the key it names (RFC 6901: `~1` is `/`, `~0` is `~`). */
export function unescapePointerSegment(segment: string): string {
	return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** A JSON pointer to `segments` (each escaped as RFC 6901 asks). */
export function pointerTo(...segments: string[]): string {
	return segments.map(segment => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The environment value a `{kind: 'env'}` reference names, if set and not blank. */
export function envValue(env: Env, name: string): string | undefined {
	const value = env[name];
	return value === undefined || value.trim() === '' ? undefined : value;
}
