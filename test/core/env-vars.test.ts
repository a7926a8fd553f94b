/**
 * core/env-vars.ts is the one list of the variables the program reads: every
 * name read anywhere in source/ is on it, and the root help prints all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DETECTED_ENV_VARS, ENV_VARS} from '../../source/core/env-vars.js';
import {ROOT_HELP} from '../../source/cli/help-texts.js';

const SOURCE = path.resolve(import.meta.dirname, '../../source');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(file);
		return /\.tsx?$/.test(entry.name) ? [file] : [];
	});
}

/** Names read by literal (`env['X']`, `env.X`, `process.env.X`) or declared as a variable's name (`…_ENV_VAR = 'X'`, `baseUrlEnv: 'X'`). */
function namesReadInSource(): Set<string> {
	const names = new Set<string>();
	const patterns = [
		/\benv(?:\[['"]([A-Z][A-Z0-9_]*)['"]\]|\.([A-Z][A-Z0-9_]*)\b)/g,
		/_ENV_VARS?\s*(?::[^=]+)?=\s*'([A-Z][A-Z0-9_]*)'/g,
		/baseUrlEnv:\s*'([A-Z][A-Z0-9_]*)'/g,
	];
	for (const file of sourceFiles(SOURCE)) {
		const text = fs.readFileSync(file, 'utf8');
		for (const pattern of patterns) {
			for (const match of text.matchAll(pattern)) names.add((match[1] ?? match[2])!);
		}
	}
	return names;
}

const listed = new Set([...ENV_VARS.map(variable => variable.name), ...DETECTED_ENV_VARS.flatMap(group => group.names)]);

describe('the list of environment variables', () => {
	it('holds every variable read in source/', () => {
		const read = namesReadInSource();
		expect(read.size).toBeGreaterThan(10);
		expect([...read].filter(name => !listed.has(name))).toEqual([]);
	});

	it('names each variable once', () => {
		const all = [...ENV_VARS.map(variable => variable.name), ...DETECTED_ENV_VARS.flatMap(group => group.names)];
		expect(new Set(all).size).toBe(all.length);
	});

	it('is what the root help prints, each variable with its meaning and default', () => {
		const help = ROOT_HELP(200).replaceAll(/\s+/g, ' ');
		for (const variable of ENV_VARS) {
			expect(help).toContain(`${variable.name} ${variable.meaning}${variable.default === undefined ? '' : ` (default ${variable.default})`}`);
		}
		for (const name of DETECTED_ENV_VARS.flatMap(group => group.names)) expect(help).toContain(name);
	});
});
