/**
 * Bad model ids, image paths, config files and argv: each gets a specific
 * message and a non-zero exit, and leaves every file byte for byte as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';
import {expectNoCrash, snapshotTree} from '../support/file-tree.js';

const world = freshCliWorld();
const isRoot = process.getuid?.() === 0;

async function expectRefused(args: string[], message: RegExp, options: {code?: number; input?: string} = {}) {
	const before = snapshotTree(world.home.home);
	const result = await world.run(args, options.input === undefined ? {} : {input: options.input});
	if (options.code === undefined) expect(result.code).not.toBe(0);
	else expect(result.code).toBe(options.code);
	expect(result.stderr).toMatch(message);
	expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
	expect(snapshotTree(world.home.home)).toEqual(before);
	return result;
}

const BAD_MODEL_IDS: Array<{name: string; id: string; message: RegExp}> = [
	{name: 'a Bedrock id', id: 'qwen.qwen3-coder-30b-a3b-v1:0', message: /AWS Bedrock model name, not a DashScope id/},
	{name: 'a region-prefixed id', id: 'qwen.qwen-plus', message: /no "qwen\." prefix\. Use qwen-plus/},
	{name: 'an empty id', id: '', message: /No model given/},
	{name: 'a 1 KB id', id: 'q'.repeat(1024), message: /1024 characters; ids are at most 128/},
	{name: 'another provider\'s ref', id: 'openai/gpt-5', message: /another provider/},
];

describe('bad model ids', () => {
	for (const {name, id, message} of BAD_MODEL_IDS) {
		it(`models set refuses ${name}`, async () => {
			world.saveLogin();
			await expectRefused(['models', 'set', id], message);
		});

		it(`chat --model refuses ${name} before sending anything`, async () => {
			world.saveLogin();
			await expectRefused(['chat', '--model', id, 'hello'], message);
			expect(world.server.chatRequests()).toEqual([]);
		});
	}

	it('chat --model with a typo ends with "model not found" and the closest ids', async () => {
		world.saveLogin();
		const result = await expectRefused(['chat', '--model', 'qwen-plsu', 'hello'], /Model not found/);
		expect(result.stderr).toContain('qwen-plus');
	});

	it('models set with a typo is refused, naming the closest id the region serves', async () => {
		world.saveLogin();
		// Not in the registry, so the region's catalogue decides; it does not list the typo.
		const result = await expectRefused(['models', 'set', 'qwen-plsu'], /qwen-plsu is not a model International \(Singapore\) serves/);
		expect(result.stderr).toContain('qwen-plus');
		expect(result.stderr).toContain('--force');
	});
});

describe('bad image paths', () => {
	function chatWithImage(file: string) {
		return ['chat', '--model', 'qwen3-vl-plus', '--image', file, 'What is this?'];
	}

	it('a missing file', async () => {
		world.saveLogin();
		await expectRefused(chatWithImage(path.join(world.home.home, 'nope.png')), /No file at .*nope\.png/);
		expect(world.server.chatRequests()).toEqual([]);
	});

	it('a directory', async () => {
		world.saveLogin();
		await expectRefused(chatWithImage(world.home.home), /is a directory/);
		expect(world.server.chatRequests()).toEqual([]);
	});

	it('a text file named .png', async () => {
		world.saveLogin();
		const file = path.join(world.home.home, 'notes.png');
		fs.writeFileSync(file, 'just some notes\n');
		await expectRefused(chatWithImage(file), /is not a PNG, JPEG, WEBP, GIF or BMP image/);
		expect(world.server.chatRequests()).toEqual([]);
	});

	it('an image too big for one request', async () => {
		world.saveLogin();
		const file = path.join(world.home.home, 'huge.png');
		const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		fs.writeFileSync(file, Buffer.concat([header, Buffer.alloc(9 * 1024 * 1024)]));
		await expectRefused(chatWithImage(file), /10 ?MiB|too (big|large)/i);
		expect(world.server.chatRequests()).toEqual([]);
	});

	it.skipIf(isRoot)('an unreadable file (skipped as root: root reads every file)', async () => {
		world.saveLogin();
		const file = path.join(world.home.home, 'secret.png');
		fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		fs.chmodSync(file, 0o000);
		await expectRefused(chatWithImage(file), /permission|cannot read|not readable/i);
	});
});

describe('bad config files', () => {
	const CONFIG_CASES: Array<{name: string; text: string; message: RegExp}> = [
		{name: 'invalid JSON5', text: '{\n  models: {\n    providers: {,\n  }\n}\n', message: /openclaw\.json:3:17: not valid JSON5/},
		{name: 'models as an array', text: '{"models": []}\n', message: /"models" must be an object, but it is an array/},
		{name: 'a null qwen-portal provider', text: '{"models": {"providers": {"qwen-portal": null}}}\n', message: /"models\.providers\.qwen-portal" must be an object, but it is null/},
		{name: 'a number at the top level', text: '42\n', message: /the top level must be an object/},
	];

	for (const {name, text, message} of CONFIG_CASES) {
		for (const args of [['models', 'set', 'qwen-plus'], ['chat', 'hello'], ['models', 'status']]) {
			it(`${args.join(' ')} refuses ${name} and leaves it alone`, async () => {
				world.saveLogin();
				world.home.writeConfig(text);
				await expectRefused(args, message);
			});
		}

		it(`models auth login refuses ${name} before saving the key`, async () => {
			world.home.writeConfig(text);
			await expectRefused(['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'], message, {
				input: world.server.keys.intl,
			});
		});
	}

	it('a broken auth-profiles.json is named with its line and column', async () => {
		world.saveLogin();
		world.home.writeAuthProfiles('{"version": 1, "profiles": {"qwen-portal:default": }}\n');
		await expectRefused(['chat', 'hello'], /auth-profiles\.json:1:\d+: not valid JSON5/);
	});

	it('writes through a symlinked openclaw.json and keeps the link', async () => {
		world.saveLogin();
		const dotfiles = path.join(world.home.home, 'dotfiles');
		fs.mkdirSync(dotfiles);
		const target = path.join(dotfiles, 'openclaw.json');
		fs.renameSync(world.home.paths.configPath, target);
		fs.symlinkSync(target, world.home.paths.configPath);
		const result = await world.run(['models', 'set', 'qwen-plus']);
		expect(result.code).toBe(0);
		expect(fs.lstatSync(world.home.paths.configPath).isSymbolicLink()).toBe(true);
		expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toMatchObject({agents: {defaults: {model: {primary: 'qwen-portal/qwen-plus'}}}});
	});

	it('refuses an invalid symlinked openclaw.json and leaves link and target alone', async () => {
		world.saveLogin();
		const target = path.join(world.home.home, 'elsewhere.json');
		fs.writeFileSync(target, '{ broken');
		fs.rmSync(world.home.paths.configPath);
		fs.symlinkSync(target, world.home.paths.configPath);
		await expectRefused(['models', 'set', 'qwen-plus'], /elsewhere\.json:1:\d+: not valid JSON5|openclaw\.json:1:\d+: not valid JSON5/);
	});

	it.skipIf(isRoot)('a read-only state directory (skipped as root: root writes anywhere)', async () => {
		world.saveLogin();
		fs.chmodSync(world.home.paths.stateDir, 0o500);
		try {
			await expectRefused(['models', 'set', 'qwen-plus'], /permission|read-only|cannot write/i);
		} finally {
			fs.chmodSync(world.home.paths.stateDir, 0o700);
		}
	});
});

describe('bad argv', () => {
	const ARGV_CASES: Array<{args: string[]; message: RegExp}> = [
		{args: ['chat', '--bogus', 'hello'], message: /unknown option '--bogus'/},
		{args: ['chat', '--model'], message: /option '-m, --model <id\|alias>' argument missing/},
		{args: ['chat', '--image'], message: /argument missing/},
		{args: ['models', 'set'], message: /missing required argument 'model'/},
		{args: ['models', 'frobnicate'], message: /unknown command 'frobnicate'/},
		{args: ['models', 'auth', 'login', '--provider', 'qwen-portal', '--region'], message: /argument missing/},
		{args: ['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'mars'], message: /Allowed choices are intl, cn, us, hk/},
		{args: ['models', 'list', '--jsn'], message: /unknown option '--jsn'/},
	];

	for (const {args, message} of ARGV_CASES) {
		it(`openclaw ${args.join(' ')}`, async () => {
			world.saveLogin();
			await expectRefused(args, message, {code: 2});
		});
	}

	it('openclaw doctor --bogus', async () => {
		world.saveLogin();
		await expectRefused(['doctor', '--bogus'], /unknown option '--bogus'/, {code: 2});
	});
});
