import {describe, expect, test} from 'vitest';
import {getRegion} from '../../../source/core/regions.js';
import type {KeyProbe} from '../../../source/core/region-probe.js';
import {
	initialWizardState,
	stepLabel,
	wizardReducer,
	type WizardEvent,
	type WizardState,
} from '../../../source/ui/wizard/machine.js';

const KEY = 'sk-test0000intl00000000000000000000';
const TOKENS = {access: 'a', refresh: 'r', expires: 1_800_000_000_000, baseUrl: 'https://portal.qwen.ai/v1'};
const approved = (attempt: number): WizardEvent => ({type: 'oauth-approved', attempt, tokens: TOKENS});
const intl = getRegion('intl');
const cn = getRegion('cn');
const error = {kind: 'invalid_key', title: 'Invalid API key', message: 'rejected', nextStep: 'check'} as const;

function run(state: WizardState, ...events: WizardEvent[]): WizardState {
	return events.reduce(wizardReducer, state);
}

const submit = (key: string): WizardEvent[] => [{type: 'set-key-draft', draft: key}, {type: 'submit-key'}];

const toCheck = (state = initialWizardState()) =>
	run(state, {type: 'choose-method', method: 'api-key'}, {type: 'choose-region', regionId: 'intl'}, ...submit(KEY));

describe('wizard machine', () => {
	test('walks method → region → key → check → model → done', () => {
		let state = initialWizardState();
		expect(state.step).toBe('method');
		state = run(state, {type: 'choose-method', method: 'api-key'});
		expect(state.step).toBe('region');
		state = run(state, {type: 'choose-region', regionId: 'cn'});
		expect(state).toMatchObject({step: 'key', regionId: 'cn'});
		state = run(state, ...submit(KEY));
		expect(state).toMatchObject({step: 'check', key: KEY, check: {status: 'running', attempt: 1}});
		state = run(state, {type: 'probe-finished', attempt: 1, probe: {status: 'ok', region: cn, modelIds: ['qwen-plus']}});
		expect(state).toMatchObject({step: 'model', regionModelIds: ['qwen-plus'], modelId: 'qwen3-coder-plus'});
		state = run(state, {type: 'pick-model', modelId: 'qwen-plus'});
		expect(state).toMatchObject({step: 'done', modelId: 'qwen-plus', regionId: 'cn', key: KEY});
	});

	test('Esc goes back one step at a time and keeps the answers', () => {
		let state = run(
			initialWizardState(),
			{type: 'choose-method', method: 'api-key'},
			{type: 'choose-region', regionId: 'hk'},
			{type: 'set-key-draft', draft: 'sk-half'},
		);
		state = run(state, {type: 'back'});
		expect(state).toMatchObject({step: 'region', regionId: 'hk', keyDraft: 'sk-half'});
		state = run(state, {type: 'back'});
		expect(state.step).toBe('method');
		state = run(state, {type: 'back'});
		expect(state.step).toBe('method');
		state = run(state, {type: 'choose-method', method: 'api-key'}, {type: 'choose-region', regionId: 'hk'});
		expect(state).toMatchObject({step: 'key', keyDraft: 'sk-half'});
	});

	test('--region skips the region step both ways', () => {
		let state = run(initialWizardState({presetRegion: 'us'}), {type: 'choose-method', method: 'api-key'});
		expect(state).toMatchObject({step: 'key', regionId: 'us'});
		state = run(state, {type: 'back'});
		expect(state.step).toBe('method');
	});

	test('--method starts past the method screen', () => {
		expect(initialWizardState({presetMethod: 'oauth'}).step).toBe('oauth');
		expect(initialWizardState({presetMethod: 'api-key'}).step).toBe('region');
		expect(initialWizardState({presetMethod: 'api-key', presetRegion: 'cn'}).step).toBe('key');
	});

	test('--model is where the model step starts; the user still picks, and can pick another', () => {
		expect(initialWizardState().modelId).toBe('qwen3-coder-plus');
		const atModel = run(toCheck(initialWizardState({presetModel: 'qwen3-max'})), {type: 'probe-finished', attempt: 1, probe: {status: 'ok', region: intl, modelIds: ['qwen3-max']}});
		expect(atModel).toMatchObject({step: 'model', modelId: 'qwen3-max'});
		expect(run(atModel, {type: 'pick-model', modelId: 'qwen3-max'})).toMatchObject({step: 'done', modelId: 'qwen3-max'});
		expect(run(atModel, {type: 'pick-model', modelId: 'qwen-plus'})).toMatchObject({step: 'done', modelId: 'qwen-plus'});
	});

	test('OAuth leads to its own screen and back', () => {
		const state = run(initialWizardState(), {type: 'choose-method', method: 'oauth'});
		expect(state.step).toBe('oauth');
		expect(run(state, {type: 'back'}).step).toBe('method');
	});

	test('an approved OAuth sign-in leads to its own Done step, which Esc does not undo', () => {
		const result = {
			configPath: '/h/.openclaw/openclaw.json',
			authProfilesPath: '/h/.openclaw/agents/main/agent/auth-profiles.json',
			modelRef: 'qwen-portal/coder-model',
			modelId: 'coder-model',
			baseUrl: 'https://portal.qwen.ai/v1',
			profileId: 'qwen-portal:oauth',
			expires: 1_800_000_000_000,
		};
		// Only the OAuth step, with the approved login being saved, can report a sign-in.
		expect(run(initialWizardState(), {type: 'oauth-saved', attempt: 0, result, at: 0}).step).toBe('method');
		const state = run(initialWizardState({presetMethod: 'oauth'}), approved(0), {type: 'oauth-saved', attempt: 0, result, at: 0});
		expect(state).toMatchObject({step: 'oauth-done', modelId: 'coder-model', oauthSave: result});
		expect(stepLabel('oauth-done').title).toBe('Signed in');
		expect(run(state, {type: 'back'}).step).toBe('oauth-done');
	});

	test('a wrong-region answer can switch to the region that accepted the key', () => {
		const probe: KeyProbe = {status: 'wrong_region', region: intl, belongsTo: cn, modelIds: ['qwen-max'], error};
		let state = run(toCheck(), {type: 'probe-finished', attempt: 1, probe});
		expect(state).toMatchObject({step: 'check', check: {status: 'answered', probe: {status: 'wrong_region'}}});
		state = run(state, {type: 'switch-region'});
		expect(state).toMatchObject({step: 'model', regionId: 'cn', regionModelIds: ['qwen-max']});
	});

	test('"Re-enter the key" after an invalid key starts from an empty field', () => {
		const probe: KeyProbe = {status: 'invalid_key', region: intl, error, refusedBy: [intl], unreachableRegions: []};
		let state = run(initialWizardState(), {type: 'choose-method', method: 'api-key'}, {type: 'choose-region', regionId: 'intl'}, ...submit(KEY));
		state = run(state, {type: 'probe-finished', attempt: 1, probe}, {type: 're-enter-key'});
		expect(state).toMatchObject({step: 'key', keyDraft: ''});
		expect(state.key).toBeUndefined();
		expect(run(state, {type: 'skip-check'}).step).toBe('key');
	});

	test('unreachable: try again runs a new attempt; save without checking goes on with no region list', () => {
		const probe: KeyProbe = {status: 'unreachable', region: intl, error: {...error, kind: 'timeout'}};
		const answered = run(toCheck(), {type: 'probe-finished', attempt: 1, probe});
		expect(run(answered, {type: 'retry-check'}).check).toEqual({status: 'running', attempt: 2});
		const skipped = run(answered, {type: 'skip-check'});
		expect(skipped.step).toBe('model');
		expect(skipped.regionModelIds).toBeUndefined();
		// Only a wrong-region answer offers a switch.
		expect(run(answered, {type: 'switch-region'})).toBe(answered);
	});

	test('an answer from a cancelled or older check is ignored', () => {
		const state = toCheck();
		const back = run(state, {type: 'back'});
		expect(back.step).toBe('key');
		const ok: KeyProbe = {status: 'ok', region: intl, modelIds: []};
		expect(run(back, {type: 'probe-finished', attempt: 1, probe: ok})).toBe(back);
		const again = run(back, {type: 'submit-key'});
		expect(run(again, {type: 'probe-finished', attempt: 1, probe: ok}).step).toBe('check');
		expect(run(again, {type: 'probe-finished', attempt: 2, probe: ok}).step).toBe('model');
	});

	test('done has no way back, and the header counts five steps', () => {
		const done = run(toCheck(), {type: 'probe-finished', attempt: 1, probe: {status: 'ok', region: intl, modelIds: []}}, {type: 'pick-model', modelId: 'qwen-max'});
		expect(run(done, {type: 'back'}).step).toBe('done');
		expect(stepLabel('region')).toEqual({number: 2, title: 'Region'});
		expect(stepLabel('done').number).toBeUndefined();
	});
});
