/**
 * What a user sees when the network or the service misbehaves mid-chat: the
 * built CLI against the fake server's fault behaviours.
 */
import {describe, expect, it} from 'vitest';
import {serviceError} from '../support/fake-dashscope.js';
import {freshCliWorld} from '../support/cli-world.js';
import {closedPort} from '../support/closed-port.js';
import {expectNoCrash} from '../support/file-tree.js';

const world = freshCliWorld();

function echoOf(prompt: string): string {
	return `Echo: ${prompt}`;
}

describe('network faults during `openclaw chat`', () => {
	it('keeps the partial answer and says the connection was lost when it resets mid-stream', async () => {
		world.saveLogin();
		const prompt = 'one two three four five six seven eight nine ten';
		world.server.enqueue({kind: 'reset', afterChunks: 4});
		const result = await world.run(['chat', prompt]);
		expect(result.code).toBe(1);
		expect(result.stdout.startsWith('Echo:')).toBe(true);
		// Partial, and not repeated by a retry.
		expect(result.stdout.trim().length).toBeLessThan(echoOf(prompt).length);
		expect(result.stdout.match(/Echo:/g)).toHaveLength(1);
		expect(result.stderr).toContain('Connection lost');
		expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
	});

	it('times out with a message when the server goes silent after the headers', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'stall-after-headers'}, {kind: 'stall-after-headers'}, {kind: 'stall-after-headers'});
		const result = await world.run(['chat', 'hello'], {extraEnv: {OPENCLAW_TIMEOUT_MS: '1000'}});
		expect(result.code).toBe(1);
		expect(result.signal).toBeNull();
		expect(result.stderr).toMatch(/timed out/i);
		expect(result.stderr).toContain('Next step:');
		expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
	});

	it('retries a 500 once and shows one answer', async () => {
		world.saveLogin();
		world.server.enqueue(serviceError('internal'));
		const result = await world.run(['chat', 'hello there']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(`${echoOf('hello there')}\n`);
		expect(world.server.chatRequests()).toHaveLength(2);
		expect(expectNoCrash(result.stderr)).toEqual([]);
	});

	it('backs off on 429 and then explains the rate limit', async () => {
		world.saveLogin();
		world.server.enqueue(serviceError('rateLimit'), serviceError('rateLimit'), serviceError('rateLimit'), serviceError('rateLimit'));
		const result = await world.run(['chat', 'hello']);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('Rate limited');
		expect(result.stderr).toContain('Wait a minute');
		// Retried, but not forever.
		const attempts = world.server.chatRequests().length;
		expect(attempts).toBeGreaterThan(1);
		expect(attempts).toBeLessThanOrEqual(4);
		expect(expectNoCrash(result.stderr)).toEqual([]);
	});

	it('gives connection advice for a refused port', async () => {
		world.saveLogin();
		const port = await closedPort();
		const result = await world.run(['chat', 'hello'], {
			extraEnv: {QWEN_INTL_BASE_URL: `http://127.0.0.1:${port}/intl/compatible-mode/v1`},
		});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('Connection refused');
		expect(result.stderr).toContain(`127.0.0.1:${port}`);
		// The variable that sent the request there, not a file that may not be the one in use.
		expect(result.stderr).toContain('Next step: Check QWEN_INTL_BASE_URL and any proxy settings');
		expect(expectNoCrash(result.stderr)).toEqual([]);
	});

	it('names a host that does not resolve', async () => {
		world.saveLogin();
		const result = await world.run(['chat', 'hello'], {
			extraEnv: {QWEN_INTL_BASE_URL: 'http://openclaw-test-host.invalid/compatible-mode/v1', OPENCLAW_TIMEOUT_MS: '5000'},
		});
		expect(result.code).toBe(1);
		// Offline sandboxes fail the lookup differently; each is named, never a crash.
		expect(result.stderr).toMatch(/Host not found|Network error|timed out/);
		expect(expectNoCrash(result.stderr)).toEqual([]);
	});

	it('reports a service error event mid-stream after keeping what arrived', async () => {
		world.saveLogin();
		world.server.enqueue({kind: 'error-mid-stream', afterChunks: 2});
		const result = await world.run(['chat', 'alpha beta gamma delta epsilon']);
		expect(result.code).toBe(1);
		expect(result.stdout.startsWith('Echo:')).toBe(true);
		expect(result.stderr).toMatch(/^error: /m);
		expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
	});
});

describe('network faults during `openclaw doctor`', () => {
	it('doctor reports a refused port as unreachable and exits 1 without a crash', async () => {
		world.saveLogin();
		const port = await closedPort();
		const result = await world.run(['doctor'], {
			extraEnv: {QWEN_INTL_BASE_URL: `http://127.0.0.1:${port}/intl/compatible-mode/v1`},
		});
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('Cannot reach International (Singapore)');
		expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
	});

	it('doctor does not hang when /models never answers', async () => {
		world.saveLogin();
		world.server.enqueueModels({kind: 'hang'});
		const result = await world.run(['doctor'], {extraEnv: {OPENCLAW_TIMEOUT_MS: '1000'}});
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/timed out/i);
	});
});
