import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';
import {CLI_PATH} from '../support/run-cli.js';

// The one-shot chat sends the deltas that arrive together in one write; none may be lost, reordered or overtaken.
describe('openclaw chat output', () => {
	const world = freshCliWorld();

	test('an answer of thousands of small chunks arrives whole and in order', async () => {
		world.saveLogin();
		const chunks = Array.from({length: 3001}, (_, index) => (index % 40 === 39 ? `w${index}\n` : `w${index} `));
		world.server.enqueue({kind: 'stream', chunks});
		const result = await world.run(['chat', 'Count']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(`${chunks.join('')}\n`);
		expect(result.stderr).toBe('');
	});

	test('with stdout and stderr on one file, --verbose shows reasoning, then the answer, then the usage line', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stream', reasoning: ['Think ', 'hard. '], chunks: ['The ', 'answer ', 'is ', '42.']});
		const file = path.join(world.home.home, 'both.txt');
		const fd = fs.openSync(file, 'w');
		try {
			const child = spawn(process.execPath, [CLI_PATH, 'chat', '--verbose', 'Why?'], {
				env: world.env(),
				cwd: world.home.home,
				stdio: ['ignore', fd, fd],
			});
			const code = await new Promise(resolve => child.once('exit', resolve));
			expect(code).toBe(0);
		} finally {
			fs.closeSync(fd);
		}

		const lines = fs.readFileSync(file, 'utf8').split('\n');
		expect(lines[0]).toBe('Think hard. ');
		expect(lines[1]).toBe('The answer is 42.');
		expect(lines[2]).toMatch(/^qwen3-coder-plus · \d+ tokens in, \d+ out/);
	});
});
