/**
 * The end of the Qwen OAuth free tier is said in one sentence, the same
 * wherever it appears: the advice, the OAuth errors, the CLI's notes.
 */
import {describe, expect, test} from 'vitest';
import {ADVICE, PORTAL_DISCONTINUED} from '../../source/core/messages.js';
import {deviceRequestRefused, refreshDead} from '../../source/core/oauth/oauth-error.js';
import {freshCliWorld} from '../support/cli-world.js';

describe('the discontinued OAuth free tier', () => {
	const world = freshCliWorld();

	test('is one sentence with the date', () => {
		expect(PORTAL_DISCONTINUED).toBe('Qwen discontinued the free OAuth tier on 2026-04-15.');
	});

	test('the advice and the OAuth errors use that sentence', () => {
		expect(ADVICE.portalDiscontinued().message).toContain(PORTAL_DISCONTINUED);
		expect(deviceRequestRefused(403, 'forbidden').message).toContain(PORTAL_DISCONTINUED);
		expect(refreshDead(400).problem.nextStep).toContain(PORTAL_DISCONTINUED);
	});

	test('`models list` and a non-interactive `--method oauth` use that sentence', async () => {
		const list = await world.run(['models', 'list']);
		expect(list.stdout).toContain(PORTAL_DISCONTINUED);
		const login = await world.run(['models', 'auth', 'login', '--provider', 'qwen-portal', '--method', 'oauth']);
		expect(login.code).not.toBe(0);
		expect(login.stderr).toContain(PORTAL_DISCONTINUED);
	});
});
