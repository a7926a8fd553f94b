/**
 * The wizard's flow in one place: which step follows which, and what Esc does.
 * A pure reducer, so the whole flow is testable without a terminal.
 */
import {DEFAULT_REGION_ID, type RegionId} from '../../core/regions.js';
import type {KeyProbe} from '../../core/region-probe.js';
import {RECOMMENDED_MODEL_ID} from '../../core/models.js';
import type {OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';

export type AuthMethod = 'api-key' | 'oauth';

export type WizardStep = 'method' | 'oauth' | 'oauth-done' | 'region' | 'key' | 'check' | 'model' | 'done';

/** What the check step knows: still asking, or an answer that needs the user. */
export type CheckState =
	| {status: 'running'; attempt: number}
	| {status: 'answered'; attempt: number; probe: Exclude<KeyProbe, {status: 'ok'}>};

export type WizardState = {
	step: WizardStep;
	method: AuthMethod;
	regionId: RegionId;
	/** Set by --region: the region step is skipped both ways. */
	regionPreset: boolean;
	/** What is in the key field, kept when the user goes back to it. */
	keyDraft: string;
	/** The validated key, set once the user submits it. */
	key?: string;
	check: CheckState;
	/** Model ids the region listed; undefined when the user saved without checking. */
	regionModelIds?: readonly string[];
	modelId: string;
	/** What the OAuth sign-in saved; set when it was approved. */
	oauthSave?: OAuthSaveResult;
};

export type WizardEvent =
	| {type: 'choose-method'; method: AuthMethod}
	| {type: 'oauth-saved'; result: OAuthSaveResult}
	| {type: 'choose-region'; regionId: RegionId}
	| {type: 'edit-key'; draft: string}
	| {type: 'submit-key'; key: string}
	| {type: 'probe-finished'; attempt: number; probe: KeyProbe}
	| {type: 'switch-region'}
	| {type: 'retry-check'}
	| {type: 'skip-check'}
	| {type: 're-enter-key'}
	| {type: 'highlight-model'; modelId: string}
	| {type: 'pick-model'; modelId: string}
	| {type: 'back'};

export type WizardPresets = {presetRegion?: RegionId; presetMethod?: AuthMethod};

export function initialWizardState(options: WizardPresets = {}): WizardState {
	const regionPreset = options.presetRegion !== undefined;
	return {
		step: firstStep(options.presetMethod, regionPreset),
		method: options.presetMethod ?? 'api-key',
		regionId: options.presetRegion ?? DEFAULT_REGION_ID,
		regionPreset,
		keyDraft: '',
		check: {status: 'running', attempt: 0},
		modelId: RECOMMENDED_MODEL_ID,
	};
}

/** --method skips the method screen, --region the region screen. */
function firstStep(method: AuthMethod | undefined, regionPreset: boolean): WizardStep {
	if (method === 'oauth') return 'oauth';
	if (method === 'api-key') return regionPreset ? 'key' : 'region';
	return 'method';
}

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
	switch (event.type) {
		case 'choose-method': {
			if (state.step !== 'method') return state;
			if (event.method === 'oauth') return {...state, method: 'oauth', step: 'oauth'};
			return {...state, method: 'api-key', step: state.regionPreset ? 'key' : 'region'};
		}

		case 'oauth-saved': {
			if (state.step !== 'oauth') return state;
			return {...state, oauthSave: event.result, modelId: event.result.modelId, step: 'oauth-done'};
		}

		case 'choose-region': {
			if (state.step !== 'region') return state;
			return {...state, regionId: event.regionId, step: 'key'};
		}

		case 'edit-key': {
			if (state.step !== 'key') return state;
			return {...state, keyDraft: event.draft};
		}

		case 'submit-key': {
			if (state.step !== 'key') return state;
			return {...state, key: event.key, step: 'check', check: nextCheck(state)};
		}

		case 'probe-finished': {
			// A late answer from a check the user already left or restarted is ignored.
			if (state.step !== 'check' || state.check.status !== 'running' || event.attempt !== state.check.attempt) {
				return state;
			}

			if (event.probe.status === 'ok') {
				return {...state, step: 'model', regionModelIds: event.probe.modelIds};
			}

			return {...state, check: {status: 'answered', attempt: state.check.attempt, probe: event.probe}};
		}

		case 'switch-region': {
			const probe = answeredProbe(state);
			if (probe?.status !== 'wrong_region') return state;
			// The other region already accepted the key and listed its models.
			return {...state, regionId: probe.belongsTo.id, regionModelIds: probe.modelIds, step: 'model'};
		}

		case 'retry-check': {
			if (!answeredProbe(state)) return state;
			return {...state, check: nextCheck(state)};
		}

		case 'skip-check': {
			if (answeredProbe(state)?.status !== 'unreachable') return state;
			return {...state, regionModelIds: undefined, step: 'model'};
		}

		case 're-enter-key': {
			if (state.step !== 'check') return state;
			// An explicit "type a new key": start from an empty field (Esc back keeps the draft).
			return {...state, step: 'key', keyDraft: '', key: undefined};
		}

		case 'highlight-model': {
			if (state.step !== 'model') return state;
			return {...state, modelId: event.modelId};
		}

		case 'pick-model': {
			if (state.step !== 'model') return state;
			return {...state, modelId: event.modelId, step: 'done'};
		}

		case 'back': {
			const previous = previousStep(state);
			return previous ? {...state, step: previous} : state;
		}
	}
}

/** Where Esc leads from each step; undefined where it leads nowhere. */
function previousStep(state: WizardState): WizardStep | undefined {
	switch (state.step) {
		case 'method':
		case 'oauth-done':
		case 'done': {
			// The first step has nothing behind it; after saving there is nothing to undo.
			return undefined;
		}

		case 'oauth':
		case 'region': {
			return 'method';
		}

		case 'key': {
			return state.regionPreset ? 'method' : 'region';
		}

		case 'check':
		case 'model': {
			return 'key';
		}
	}
}

function nextCheck(state: WizardState): CheckState {
	return {status: 'running', attempt: state.check.attempt + 1};
}

function answeredProbe(state: WizardState) {
	return state.step === 'check' && state.check.status === 'answered' ? state.check.probe : undefined;
}

/** The numbered steps the header counts; OAuth shares the first number with the method. */
export const STEP_COUNT = 5;

export type StepLabel = {number?: number; title: string};

export function stepLabel(step: WizardStep): StepLabel {
	switch (step) {
		case 'method': {
			return {number: 1, title: 'Sign-in method'};
		}

		case 'oauth': {
			return {number: 1, title: 'Qwen OAuth'};
		}

		case 'oauth-done': {
			return {title: 'Signed in'};
		}

		case 'region': {
			return {number: 2, title: 'Region'};
		}

		case 'key': {
			return {number: 3, title: 'API key'};
		}

		case 'check': {
			return {number: 4, title: 'Key check'};
		}

		case 'model': {
			return {number: 5, title: 'Default model'};
		}

		case 'done': {
			return {title: 'Saved'};
		}
	}
}
