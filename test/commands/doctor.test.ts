/** `openclaw doctor`'s output: exit code, plain text off a TTY, NO_COLOR, --json. */
import {describe, expect, it} from 'vitest';
import {createContext} from '../../source/cli/context.js';
import {runDoctor} from '../../source/commands/doctor.js';
import type {Env} from '../../source/core/env.js';
import {saveApiKeySetup} from '../../source/core/setup.js';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {freshFakeDashScopeHome} from '../support/fresh-fake-dashscope-home.js';

const {home} = freshFakeDashScopeHome();

async function setUp(regionId: 'intl' | 'cn', key: string, modelId = 'qwen3-coder-plus') {
	await saveApiKeySetup(home.paths, {regionId, key, modelId}, {env: home.env});
}

describe('runDoctor output', () => {
	function sink(isTTY = false) {
		let text = '';
		const stream = {isTTY, write: (chunk: string) => ((text += chunk), true)} as unknown as NodeJS.WriteStream;
		return {stream, text: () => text};
	}

	const contextFor = (env: Env, stdout: NodeJS.WriteStream) => createContext(env, {stdin: process.stdin, stdout, stderr: sink().stream});

	it('exits 0 on a healthy setup and prints plain text without escape codes', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const out = sink();
		const code = await runDoctor(contextFor(home.env, out.stream), {});
		expect(code).toBe(0);
		expect(out.text()).toContain('✓ Key accepted by International (Singapore)');
		expect(out.text()).not.toContain('\u001B[');
		expect(out.text()).not.toContain(TEST_KEYS.intl);
	});

	it('keeps escape codes off a terminal when NO_COLOR is set', async () => {
		await setUp('intl', TEST_KEYS.intl);
		const out = sink(true);
		await runDoctor(contextFor({...home.env, NO_COLOR: '1'}, out.stream), {});
		expect(out.text()).not.toContain('\u001B[');
	});

	it('exits 1 with a problem and prints JSON that scripts can read', async () => {
		await setUp('intl', TEST_KEYS.cn);
		const out = sink();
		const code = await runDoctor(contextFor(home.env, out.stream), {json: true});
		expect(code).toBe(1);
		const parsed = JSON.parse(out.text()) as {ok: boolean; summary: {problems: number}; checks: Array<{id: string; status: string}>};
		expect(parsed.ok).toBe(false);
		expect(parsed.summary.problems).toBe(1);
		expect(parsed.checks.find(entry => entry.id === 'region.key')?.status).toBe('problem');
		expect(out.text()).not.toContain(TEST_KEYS.cn);
	});
});
