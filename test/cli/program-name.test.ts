/**
 * Installed beside the real OpenClaw, the same program answers to
 * `openclaw-qwen`; then its help and every command it suggests say so.
 */
import fs from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {CLI_PATH} from '../support/run-cli.js';
import {freshCliWorld} from '../support/cli-world.js';

const world = freshCliWorld();

function secondBin(): string {
	const link = path.join(world.home.home, 'bin', 'openclaw-qwen');
	fs.mkdirSync(path.dirname(link), {recursive: true});
	fs.symlinkSync(CLI_PATH, link);
	return link;
}

test('started as openclaw-qwen, help and hints name openclaw-qwen', async () => {
	const cliPath = secondBin();
	const help = await world.run(['--help'], {cliPath});
	expect(help.code).toBe(0);
	expect(help.stdout).toMatch(/^Usage: openclaw-qwen /);
	expect(help.stdout).toContain('$ openclaw-qwen chat "Hello, write a quicksort algorithm"');
	expect(help.stdout).not.toMatch(/\$ openclaw (?:chat|models|doctor)/);

	const status = await world.run(['models', 'status'], {cliPath});
	expect(status.stdout).toContain('openclaw-qwen models auth login --provider qwen-portal');
	expect(status.stdout).not.toMatch(/(?<![\w-])openclaw models auth login/);

	const unknownModel = await world.run(['chat', '--model', 'qwen.qwen-plus', 'hi'], {cliPath, extraEnv: {QWEN_API_KEY: world.server.keys.intl}});
	expect(unknownModel.code).toBe(1);
	expect(unknownModel.stderr).toContain('--model qwen-plus');

	const bare = await world.run([], {cliPath});
	expect(bare.code).toBe(2);
	expect(bare.stderr).toContain('Run `openclaw-qwen --help` for examples.');
});

test('started as openclaw, it says openclaw', async () => {
	const help = await world.run(['--help']);
	expect(help.stdout).toMatch(/^Usage: openclaw /);
	expect(help.stdout).toContain('$ openclaw chat "Hello, write a quicksort algorithm"');
});
