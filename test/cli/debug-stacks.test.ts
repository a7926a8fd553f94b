/**
 * OPENCLAW_DEBUG=1 prints where a failure happened; the shipped program is one
 * bundled file, and its source map turns that into source files and lines.
 */
import {expect, test} from 'vitest';
import {freshCliWorld} from '../support/cli-world.js';

const world = freshCliWorld();

test('with OPENCLAW_DEBUG=1 a failure\'s stack names source files, not the bundle', async () => {
	const result = await world.run(['chat', 'hello'], {extraEnv: {OPENCLAW_DEBUG: '1'}});
	expect(result.code).toBe(1);
	expect(result.stderr).toContain('No DashScope API key found');
	expect(result.stderr).toMatch(/at \S+ \(.*source\/cli\/chat-preflight\.ts:\d+:\d+\)/);
	expect(result.stderr).not.toContain('dist/app.js');
});

test('without it, no stack', async () => {
	const result = await world.run(['chat', 'hello']);
	expect(result.code).toBe(1);
	expect(result.stderr).not.toMatch(/^\s+at /m);
});
