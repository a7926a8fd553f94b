import {describe, expect, test} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';

// `openclaw chat "…" | head -c10`: the reader stops early; the answer is no longer wanted.
describe('openclaw chat when the reader closes stdout', () => {
	const world = freshCliWorld();

	test('stops the request and exits 0 without a stack trace', async () => {
		world.saveLogin();
		// Long enough that the run could only end this soon by stopping the request.
		const chunks = Array.from({length: 5000}, (_, index) => `word${index} `);
		world.server.enqueue({kind: 'stream', chunks, delayMs: 20});
		const run = world.start(['chat', 'Tell me everything']);
		const first = await run.firstStdout;
		expect(first.startsWith('word0')).toBe(true);
		// What `head -c10` does once it has its bytes: close the read end of the pipe.
		run.child.stdout?.destroy();
		const result = await run.result;
		expect(result.code).toBe(0);
		expect(result.stderr).not.toContain('EPIPE');
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(result.stderr).toBe('');
	});
});
