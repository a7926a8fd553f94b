import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	ConfigParseError,
	getDefaultModelRef,
	getQwenProvider,
	readOpenClawConfig,
} from '../../source/core/config-file.js';
import {AppError} from '../../source/core/app-error.js';
import {updateOpenClawConfig} from '../support/change-config.js';
import {runFilesWriter} from '../support/run-files-writer.js';
import {fileMode} from '../support/temp-home.js';
import {freshTempHome} from '../support/fresh-temp-home.js';


const temp = freshTempHome();


function chownTree(target: string, id: number): void {
	fs.chownSync(target, id, id);
	if (fs.statSync(target).isDirectory()) {
		for (const name of fs.readdirSync(target)) chownTree(path.join(target, name), id);
	}
}

async function writerAsNobody(): Promise<string> {
	const result = await runFilesWriter(['mark', 'x', '1'], {env: temp.env, uid: 65_534, gid: 65_534}).then(
		() => ({stderr: 'no error'}),
		(error: {stderr: string}) => error,
	);
	return result.stderr;
}

function refusal(action: () => unknown): ConfigParseError {
	try {
		action();
	} catch (error) {
		if (error instanceof ConfigParseError) return error;
		throw error;
	}
	throw new Error('expected a ConfigParseError');
}

async function asyncRefusal(action: () => Promise<unknown>): Promise<ConfigParseError> {
	const error = await action().then(
		() => undefined,
		(error: unknown) => error,
	);
	if (error instanceof ConfigParseError) return error;
	throw new Error('expected a ConfigParseError', {cause: error});
}

describe('readOpenClawConfig', () => {
	it('reports a missing file without creating anything', () => {
		expect(readOpenClawConfig(temp.paths)).toEqual({exists: false, data: {}});
		expect(fs.existsSync(temp.paths.stateDir)).toBe(false);
	});

	it('reads JSON5 with comments, unquoted keys and trailing commas', () => {
		temp.writeConfig(`// mine
{
  models: {providers: {'qwen-portal': {baseUrl: 'https://x.example/v1', apiKey: 'profile:qwen-portal:default',},},},
  agents: {defaults: {model: {primary: 'qwen-portal/qwen-plus', fallbacks: ['a/b'],},},},
}`);
		const {exists, data} = readOpenClawConfig(temp.paths);
		expect(exists).toBe(true);
		expect(getQwenProvider(data)?.baseUrl).toBe('https://x.example/v1');
		expect(getDefaultModelRef(data)).toBe('qwen-portal/qwen-plus');
	});

	it('accepts the bare string form of agents.defaults.model', () => {
		temp.writeConfig({agents: {defaults: {model: 'qwen-portal/qwen3-max'}}});
		expect(getDefaultModelRef(readOpenClawConfig(temp.paths).data)).toBe('qwen-portal/qwen3-max');
	});

	it('gives the line and column of a JSON5 syntax error and how to fix it', () => {
		temp.writeConfig('{\n  models: {\n    providers: {,\n  },\n}\n');
		const error = refusal(() => readOpenClawConfig(temp.paths));
		expect(error.file).toBe(temp.paths.configPath);
		expect([error.line, error.column]).toEqual([3, 17]);
		expect(error.message).toContain(`${temp.paths.configPath}:3:17`);
		expect(error.message).toMatch(/fix the syntax at line 3 column 17, or move the file aside/i);
		expect(error.message).toContain('openclaw.json.bak is the last good copy');
	});

	it.each([
		['a top level that is an array', '[1, 2]', 'the top level'],
		['models that is a string', '{models: "qwen"}', '"models"'],
		['providers that is an array', '{models: {providers: []}}', '"models.providers"'],
		['agents that is a number', '{agents: 3}', '"agents"'],
		['agents.defaults that is null', '{agents: {defaults: null}}', '"agents.defaults"'],
		['a null qwen-portal entry', '{models: {providers: {"qwen-portal": null}}}', '"models.providers.qwen-portal"'],
		['a qwen-portal entry that is a string', '{models: {providers: {"qwen-portal": "sk-x"}}}', '"models.providers.qwen-portal"'],
	])('refuses %s', (_name, text, what) => {
		temp.writeConfig(text);
		const error = refusal(() => readOpenClawConfig(temp.paths));
		expect(error.message).toContain(`${what} must be`);
		expect(error.line).toBeGreaterThanOrEqual(1);
	});

	it('points a wrong-type error at the offending key', () => {
		temp.writeConfig('{\n  "models": {\n    "providers": {\n      "qwen-portal": null\n    }\n  }\n}\n');
		const error = refusal(() => readOpenClawConfig(temp.paths));
		expect([error.line, error.column]).toEqual([4, 7]);
	});
});

describe('updateOpenClawConfig', () => {
	it('creates the file 0600 in 0700 directories, written as 2-space JSON', async () => {
		const result = await updateOpenClawConfig(temp.paths, data => {
			data.gateway = {port: 18789};
		});
		expect(result).toEqual({configPath: temp.paths.configPath});
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe('{\n  "gateway": {\n    "port": 18789\n  }\n}\n');
		expect(fileMode(temp.paths.configPath)).toBe(0o600);
		expect(fileMode(temp.paths.stateDir)).toBe(0o700);
	});

	it('keeps the original bytes in openclaw.json.bak (0600) before changing an existing file', async () => {
		const original = '// my settings\n{ gateway: { port: 1, }, }\n';
		temp.writeConfig(original);
		fs.chmodSync(temp.paths.configPath, 0o644);
		const {backupPath} = await updateOpenClawConfig(temp.paths, data => {
			data.extra = true;
		});
		expect(backupPath).toBe(`${temp.paths.configPath}.bak`);
		expect(fs.readFileSync(backupPath!, 'utf8')).toBe(original);
		expect(fileMode(backupPath!)).toBe(0o600);
		expect(fileMode(temp.paths.configPath)).toBe(0o600);
		expect(temp.readConfig()).toEqual({gateway: {port: 1}, extra: true});
	});

	it('rotates backups like OpenClaw, keeping five', async () => {
		temp.writeConfig({n: 0});
		for (let n = 1; n <= 7; n++) {
			await updateOpenClawConfig(temp.paths, data => {
				data.n = n;
			});
		}
		const base = `${temp.paths.configPath}.bak`;
		const backups = [base, `${base}.1`, `${base}.2`, `${base}.3`, `${base}.4`];
		expect(backups.map(file => JSON.parse(fs.readFileSync(file, 'utf8')).n)).toEqual([6, 5, 4, 3, 2]);
		expect(fs.existsSync(`${base}.5`)).toBe(false);
		expect(temp.readConfig().n).toBe(7);
	});

	it('writes nothing, not even a backup, when the mutation changes nothing', async () => {
		const original = '{ /* keep me */ a: 1 }';
		temp.writeConfig(original);
		const result = await updateOpenClawConfig(temp.paths, data => {
			data.a = 1;
		});
		expect(result.backupPath).toBeUndefined();
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(original);
		expect(fs.existsSync(`${temp.paths.configPath}.bak`)).toBe(false);
	});

	it('never writes over a file it cannot parse', async () => {
		const original = '{ "models": { "providers": { "other": { } } }\n// missing brace\n';
		temp.writeConfig(original);
		let called = false;
		const error = await asyncRefusal(() =>
			updateOpenClawConfig(temp.paths, () => {
				called = true;
			}),
		);
		expect(error.file).toBe(temp.paths.configPath);
		expect(called).toBe(false);
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(original);
		expect(fs.readdirSync(temp.paths.stateDir)).toEqual(['openclaw.json']);
	});

	it('never writes over a file with a null qwen-portal entry', async () => {
		const original = '{"models": {"providers": {"qwen-portal": null}}}';
		temp.writeConfig(original);
		await asyncRefusal(() => updateOpenClawConfig(temp.paths, data => void (data.x = 1)));
		expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(original);
	});

	it('updates the target of a symlinked config and leaves the link a link', async () => {
		const dotfiles = path.join(temp.home, 'dotfiles');
		fs.mkdirSync(dotfiles);
		const target = path.join(dotfiles, 'openclaw.json');
		fs.writeFileSync(target, '{a: 1}');
		fs.mkdirSync(temp.paths.stateDir, {mode: 0o700});
		fs.symlinkSync(target, temp.paths.configPath);
		await updateOpenClawConfig(temp.paths, data => {
			data.b = 2;
		});
		expect(fs.lstatSync(temp.paths.configPath).isSymbolicLink()).toBe(true);
		expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toEqual({a: 1, b: 2});
		expect(readOpenClawConfig(temp.paths).data).toEqual({a: 1, b: 2});
	});

	it('gives a clear error and leaves the file alone in a read-only directory', async () => {
		const original = '{a: 1}';
		temp.writeConfig(original);
		// root ignores permission bits, so as root the write runs in a child process as user nobody.
		const asRoot = process.getuid?.() === 0;
		if (asRoot) chownTree(temp.home, 65_534);
		fs.chmodSync(temp.paths.stateDir, 0o500);
		try {
			const message = asRoot
				? await writerAsNobody()
				: await updateOpenClawConfig(temp.paths, data => void (data.a = 2)).then(
						() => 'no error',
						(error: unknown) => (error instanceof AppError ? error.message : String(error)),
					);
			expect(message).toContain(`Permission denied for ${temp.paths.configPath}`);
			expect(message).toContain('chmod u+rwx');
			expect(fs.readFileSync(temp.paths.configPath, 'utf8')).toBe(original);
			expect(fs.readdirSync(temp.paths.stateDir)).toEqual(['openclaw.json']);
		} finally {
			fs.chmodSync(temp.paths.stateDir, 0o700);
		}
	});

	it('queues many updates at once in one process without refusing or losing any', async () => {
		temp.writeConfig({keep: 'me'});
		await Promise.all(
			Array.from({length: 12}, (_, index) =>
				updateOpenClawConfig(temp.paths, data => {
					data[`writer${index}`] = index;
				}),
			),
		);
		const data = temp.readConfig();
		expect(data.keep).toBe('me');
		for (let index = 0; index < 12; index++) expect(data[`writer${index}`]).toBe(index);
	});

	it('lands every update from two processes writing at the same time', async () => {
		temp.writeConfig({keep: 'me'});
		const writer = (name: string) =>
			runFilesWriter(['mark', name, '15'], {env: temp.env});
		await Promise.all([writer('a'), writer('b')]);
		const data = temp.readConfig();
		const all = Object.fromEntries(Array.from({length: 15}, (_, index) => [String(index), true]));
		expect(data).toEqual({keep: 'me', writers: {a: all, b: all}});
		expect(fs.existsSync(`${temp.paths.configPath}.lock`)).toBe(false);
	});
});
