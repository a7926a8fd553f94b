/**
 * Saving and leaving as machine states: what Ctrl+C does is answered by the
 * reducer alone, at every step and while each save runs.
 */
import {describe, expect, test} from 'vitest';
import type {OAuthSaveResult} from '../../../source/core/oauth/save-oauth-setup.js';
import {getRegion} from '../../../source/core/regions.js';
import type {SaveResult} from '../../../source/core/setup.js';
import {initialWizardState, wizardReducer, type WizardEvent, type WizardState} from '../../../source/ui/wizard/machine.js';

const KEY = 'sk-test0000intl00000000000000000000';
const SAVED: SaveResult = {configPath: '/h/c.json', authProfilesPath: '/h/a.json', modelRef: 'qwen-portal/qwen-max', region: getRegion('intl'), keyWritten: true, configWritten: true};
const OAUTH_SAVED: OAuthSaveResult = {
	configPath: '/h/c.json',
	authProfilesPath: '/h/a.json',
	modelRef: 'qwen-portal/coder-model',
	modelId: 'coder-model',
	baseUrl: 'https://portal.qwen.ai/v1',
	profileId: 'qwen-portal:oauth',
	expires: 1_800_000_000_000,
};
const TOKENS = {access: 'a', refresh: 'r', expires: 1_800_000_000_000, baseUrl: 'https://portal.qwen.ai/v1'};

const run = (state: WizardState, ...events: WizardEvent[]) => events.reduce(wizardReducer, state);

/** Key accepted, qwen-max picked: the save is running (attempt 1). */
const saving = () =>
	run(
		initialWizardState({presetRegion: 'intl', presetMethod: 'api-key'}),
		{type: 'set-key-draft', draft: KEY},
		{type: 'submit-key'},
		{type: 'probe-finished', attempt: 1, probe: {status: 'ok', region: getRegion('intl'), modelIds: ['qwen-max']}},
		{type: 'pick-model', modelId: 'qwen-max'},
	);

/** OAuth approved: its save is running (attempt 0, the step --method oauth starts on). */
const oauthSaving = () => run(initialWizardState({presetMethod: 'oauth'}), {type: 'oauth-approved', attempt: 0, tokens: TOKENS});

describe('leaving the wizard', () => {
	test('before anything is saved, Ctrl+C cancels', () => {
		for (const state of [initialWizardState(), run(initialWizardState(), {type: 'choose-method', method: 'api-key'})]) {
			expect(run(state, {type: 'interrupt'}).ending).toEqual({kind: 'cancelled'});
		}
	});

	test('the last step starts the save; Ctrl+C while it runs waits, then reports it saved', () => {
		const state = saving();
		expect(state).toMatchObject({step: 'done', save: {status: 'saving', attempt: 1}});
		const waiting = run(state, {type: 'interrupt'});
		expect(waiting.ending).toBeUndefined();
		expect(waiting.quitRequested).toBe(true);
		const ended = run(waiting, {type: 'save-finished', attempt: 1, result: SAVED});
		expect(ended.ending).toEqual({kind: 'saved', save: SAVED, modelId: 'qwen-max', startChat: false});
	});

	test('Ctrl+C while saving, then a failed save: reports the failure', () => {
		const ended = run(saving(), {type: 'interrupt'}, {type: 'save-failed', attempt: 1, message: 'disk full'});
		expect(ended.ending).toEqual({kind: 'failed', message: 'disk full'});
	});

	test('after the save: the choice decides whether the chat opens; Ctrl+C reports it saved', () => {
		const saved = run(saving(), {type: 'save-finished', attempt: 1, result: SAVED});
		expect(saved.ending).toBeUndefined();
		expect(run(saved, {type: 'finish', startChat: true}).ending).toMatchObject({kind: 'saved', startChat: true});
		expect(run(saved, {type: 'interrupt'}).ending).toMatchObject({kind: 'saved', startChat: false});
	});

	test('a failed save can be tried again; an answer from the earlier attempt is ignored', () => {
		const failed = run(saving(), {type: 'save-failed', attempt: 1, message: 'locked'});
		expect(failed.save).toMatchObject({status: 'failed', message: 'locked'});
		const retried = run(failed, {type: 'retry-save'});
		expect(retried.save).toEqual({status: 'saving', attempt: 2});
		expect(run(retried, {type: 'save-finished', attempt: 1, result: SAVED}).save?.status).toBe('saving');
		expect(run(retried, {type: 'save-finished', attempt: 2, result: SAVED}).save?.status).toBe('saved');
		expect(run(failed, {type: 'interrupt'}).ending).toEqual({kind: 'failed', message: 'locked'});
	});

	test('a save that left part of its change written says so when the wizard ends, however it is left', () => {
		const failed = run(saving(), {type: 'save-failed', attempt: 1, message: 'disk full', partlyWritten: true});
		expect(failed.save).toMatchObject({status: 'failed', partlyWritten: true});
		const ending = {kind: 'failed', message: 'disk full', partlyWritten: true};
		expect(run(failed, {type: 'finish', startChat: false}).ending).toEqual(ending);
		expect(run(failed, {type: 'interrupt'}).ending).toEqual(ending);
		expect(run(saving(), {type: 'interrupt'}, {type: 'save-failed', attempt: 1, message: 'disk full', partlyWritten: true}).ending).toEqual(ending);
	});

	test('once ended, nothing moves the machine again', () => {
		const ended = run(initialWizardState(), {type: 'interrupt'});
		expect(run(ended, {type: 'choose-method', method: 'api-key'}, {type: 'interrupt'})).toBe(ended);
	});
});

describe('the Qwen OAuth save', () => {
	test('an approved login is saved, then its own Done step; Esc cannot take it back while saving', () => {
		const state = oauthSaving();
		expect(state.oauth).toMatchObject({status: 'saving', tokens: TOKENS});
		expect(run(state, {type: 'back'}).step).toBe('oauth');
		const done = run(state, {type: 'oauth-saved', attempt: 0, result: OAUTH_SAVED, at: 5});
		expect(done).toMatchObject({step: 'oauth-done', oauthSave: OAUTH_SAVED, oauthSavedAt: 5, modelId: 'coder-model'});
		expect(run(done, {type: 'interrupt'}).ending).toEqual({kind: 'oauth-saved', save: OAUTH_SAVED, modelId: 'coder-model', startChat: false});
		expect(run(done, {type: 'finish', startChat: true}).ending).toMatchObject({kind: 'oauth-saved', startChat: true});
	});

	test('Ctrl+C while the login is saved waits for the save and reports it', () => {
		const waiting = run(oauthSaving(), {type: 'interrupt'});
		expect(waiting.ending).toBeUndefined();
		expect(run(waiting, {type: 'oauth-saved', attempt: 0, result: OAUTH_SAVED, at: 5}).ending).toMatchObject({kind: 'oauth-saved'});
		expect(run(waiting, {type: 'oauth-save-failed', attempt: 0, message: 'denied'}).ending).toEqual({kind: 'failed', message: 'denied'});
	});

	test('a failed save can be tried again with a new sign-in; Ctrl+C then cancels, as nothing was saved', () => {
		const failed = run(oauthSaving(), {type: 'oauth-save-failed', attempt: 0, message: 'denied'});
		expect(failed.oauth).toMatchObject({status: 'failed', message: 'denied'});
		const retried = run(failed, {type: 'oauth-retry'});
		expect(retried.oauth).toEqual({status: 'signing-in', attempt: 1});
		expect(run(retried, {type: 'interrupt'}).ending).toEqual({kind: 'cancelled'});
	});

	test('a login approved in an earlier attempt is ignored', () => {
		const retried = run(initialWizardState({presetMethod: 'oauth'}), {type: 'oauth-retry'});
		expect(run(retried, {type: 'oauth-approved', attempt: 0, tokens: TOKENS}).oauth.status).toBe('signing-in');
	});
});
