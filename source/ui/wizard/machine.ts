/**
 * The wizard's flow in one place: which step follows which, what Esc does,
 * what is being saved, and what Ctrl+C does at any moment. A pure reducer, so
 * the whole flow is testable without a terminal; the container only runs the
 * I/O a state asks for (a key check, a save) and reports how it went.
 */
import {validateApiKey} from '../../core/api-key.js';
import {DEFAULT_REGION_ID, type RegionId} from '../../core/regions.js';
import type {KeyProbe} from '../../core/region-probe.js';
import {RECOMMENDED_MODEL_ID} from '../../core/models.js';
import type {OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';
import type {SaveResult} from '../../core/setup.js';
import type {FieldEdit} from '../components/text-field.js';
import {editKeyField, pasteIntoKeyField} from './key-draft.js';
import {leave, whenInterrupted} from './leaving.js';
import {failureOf, type SaveFailure, type WizardEnding} from './outcome.js';
import type {ApprovedTokens} from '../oauth/oauth-services.js';

export {STEP_COUNT, stepLabel, type StepLabel} from './step-label.js';

export type AuthMethod = 'api-key' | 'oauth';

export type WizardStep = 'method' | 'oauth' | 'oauth-done' | 'region' | 'key' | 'check' | 'model' | 'done';

/** What the check step knows: still asking, or an answer that needs the user. */
export type CheckState =
	| {status: 'running'; attempt: number}
	| {status: 'answered'; attempt: number; probe: Exclude<KeyProbe, {status: 'ok'}>};

/** The API-key save on the last step; `attempt` tells a retry's answer from an earlier one's. */
export type SaveState =
	| {readonly status: 'saving'; readonly attempt: number}
	| {readonly status: 'saved'; readonly attempt: number; readonly result: SaveResult}
	/** Core takes back everything a failed save began, unless `partlyWritten` says it could not. */
	| ({readonly status: 'failed'; readonly attempt: number} & SaveFailure);

/** The Qwen OAuth step: the device login runs on screen, then its tokens are saved. */
export type OAuthState =
	| {readonly status: 'signing-in'; readonly attempt: number}
	| {readonly status: 'saving'; readonly attempt: number; readonly tokens: ApprovedTokens}
	| ({readonly status: 'failed'; readonly attempt: number} & SaveFailure);

export type WizardState = {
	step: WizardStep;
	method: AuthMethod;
	regionId: RegionId;
	/** Set by --region: the region step is skipped both ways. */
	regionPreset: boolean;
	/** False with --no-check: the key goes straight to the model step. */
	checkKey: boolean;
	/** What is in the key field, kept when the user goes back to it. */
	keyDraft: string;
	keyCursor: number;
	/** The validated key, set once the user submits it. */
	key?: string;
	check: CheckState;
	/** Model ids the region listed; undefined when the key was not checked. */
	regionModelIds?: readonly string[];
	modelId: string;
	/** Set on the last step of the API-key path. */
	save?: SaveState;
	oauth: OAuthState;
	/** What the OAuth sign-in saved, and when (for the token's lifetime). */
	oauthSave?: OAuthSaveResult;
	oauthSavedAt?: number;
	/** Ctrl+C came while a save was running: leave as soon as it settles. */
	quitRequested: boolean;
	/** Set once, when the wizard is over; every later event is ignored. */
	ending?: WizardEnding;
};

export type WizardEvent =
	| {type: 'choose-method'; method: AuthMethod}
	| {type: 'oauth-approved'; attempt: number; tokens: ApprovedTokens}
	| {type: 'oauth-saved'; attempt: number; result: OAuthSaveResult; at: number}
	| ({type: 'oauth-save-failed'; attempt: number} & SaveFailure)
	| {type: 'oauth-retry'}
	| {type: 'choose-region'; regionId: RegionId}
	/** Replaces the whole field (a key from the environment), cursor at the end. */
	| {type: 'set-key-draft'; draft: string}
	| {type: 'edit-key'; edit: FieldEdit}
	| {type: 'paste-key'; text: string}
	/** Enter on the key field: goes on only if what is in the field is a key. */
	| {type: 'submit-key'}
	| {type: 'probe-finished'; attempt: number; probe: KeyProbe}
	| {type: 'switch-region'}
	| {type: 'retry-check'}
	| {type: 'skip-check'}
	| {type: 're-enter-key'}
	| {type: 'highlight-model'; modelId: string}
	| {type: 'pick-model'; modelId: string}
	| {type: 'save-finished'; attempt: number; result: SaveResult}
	| ({type: 'save-failed'; attempt: number} & SaveFailure)
	| {type: 'retry-save'}
	/** "Start chatting now" or "Exit" on a last screen. */
	| {type: 'finish'; startChat: boolean}
	/** Ctrl+C, or a signal that stands for it. */
	| {type: 'interrupt'}
	| {type: 'back'};

/** What the command line settled before the wizard opened; --model is only where the model table starts. */
export type WizardPresets = {presetRegion?: RegionId; presetMethod?: AuthMethod; checkKey?: boolean; presetModel?: string};

export function initialWizardState(options: WizardPresets = {}): WizardState {
	const regionPreset = options.presetRegion !== undefined;
	return {
		step: firstStep(options.presetMethod, regionPreset),
		method: options.presetMethod ?? 'api-key',
		regionId: options.presetRegion ?? DEFAULT_REGION_ID,
		regionPreset,
		checkKey: options.checkKey ?? true,
		keyDraft: '',
		keyCursor: 0,
		check: {status: 'running', attempt: 0},
		modelId: options.presetModel ?? RECOMMENDED_MODEL_ID,
		oauth: {status: 'signing-in', attempt: 0},
		quitRequested: false,
	};
}

/** --method skips the method screen, --region the region screen. */
function firstStep(method: AuthMethod | undefined, regionPreset: boolean): WizardStep {
	if (method === 'oauth') return 'oauth';
	if (method === 'api-key') return regionPreset ? 'key' : 'region';
	return 'method';
}

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
	if (state.ending) return state;
	switch (event.type) {
		case 'choose-method': {
			if (state.step !== 'method') return state;
			if (event.method === 'oauth') {
				return {...state, method: 'oauth', step: 'oauth', oauth: {status: 'signing-in', attempt: state.oauth.attempt + 1}};
			}

			return {...state, method: 'api-key', step: state.regionPreset ? 'key' : 'region'};
		}

		case 'oauth-approved': {
			const {oauth} = state;
			if (state.step !== 'oauth' || oauth.status !== 'signing-in' || event.attempt !== oauth.attempt) return state;
			return {...state, oauth: {status: 'saving', attempt: oauth.attempt, tokens: event.tokens}};
		}

		case 'oauth-saved': {
			if (!isSavingOAuth(state, event.attempt)) return state;
			const done = {...state, oauthSave: event.result, oauthSavedAt: event.at, modelId: event.result.modelId};
			if (state.quitRequested) return leave(done, {kind: 'oauth-saved', save: event.result, modelId: event.result.modelId, startChat: false});
			return {...done, step: 'oauth-done', oauth: {status: 'signing-in', attempt: state.oauth.attempt}};
		}

		case 'oauth-save-failed': {
			if (!isSavingOAuth(state, event.attempt)) return state;
			const failure = failureOf(event);
			if (state.quitRequested) return leave(state, {kind: 'failed', ...failure});
			return {...state, oauth: {status: 'failed', attempt: state.oauth.attempt, ...failure}};
		}

		case 'oauth-retry': {
			if (state.step !== 'oauth' || state.oauth.status === 'saving') return state;
			return {...state, oauth: {status: 'signing-in', attempt: state.oauth.attempt + 1}};
		}

		case 'choose-region': {
			if (state.step !== 'region') return state;
			return {...state, regionId: event.regionId, step: 'key'};
		}

		case 'set-key-draft': {
			if (state.step !== 'key') return state;
			return {...state, keyDraft: event.draft, keyCursor: event.draft.length};
		}

		case 'edit-key': {
			if (state.step !== 'key') return state;
			return withKeyField(state, editKeyField(keyField(state), event.edit));
		}

		case 'paste-key': {
			if (state.step !== 'key') return state;
			return withKeyField(state, pasteIntoKeyField(keyField(state), event.text));
		}

		case 'submit-key': {
			if (state.step !== 'key') return state;
			const validation = validateApiKey(state.keyDraft);
			if (!validation.ok) return state;
			if (!state.checkKey) return {...state, key: validation.key, regionModelIds: undefined, step: 'model'};
			return {...state, key: validation.key, step: 'check', check: nextCheck(state)};
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
			return {...state, step: 'key', keyDraft: '', keyCursor: 0, key: undefined};
		}

		case 'highlight-model': {
			if (state.step !== 'model') return state;
			return {...state, modelId: event.modelId};
		}

		case 'pick-model': {
			if (state.step !== 'model') return state;
			return {...state, modelId: event.modelId, step: 'done', save: {status: 'saving', attempt: (state.save?.attempt ?? 0) + 1}};
		}

		case 'save-finished': {
			if (!isSaving(state, event.attempt)) return state;
			const saved = {...state, save: {status: 'saved', attempt: event.attempt, result: event.result} as const};
			return state.quitRequested ? leave(saved, {kind: 'saved', save: event.result, modelId: state.modelId, startChat: false}) : saved;
		}

		case 'save-failed': {
			if (!isSaving(state, event.attempt)) return state;
			const failure = failureOf(event);
			const failed = {...state, save: {status: 'failed', attempt: event.attempt, ...failure} as const};
			return state.quitRequested ? leave(failed, {kind: 'failed', ...failure}) : failed;
		}

		case 'retry-save': {
			if (state.step !== 'done' || state.save?.status !== 'failed') return state;
			return {...state, save: {status: 'saving', attempt: state.save.attempt + 1}};
		}

		case 'finish': {
			return finish(state, event.startChat);
		}

		case 'interrupt': {
			return whenInterrupted(state);
		}

		case 'back': {
			const previous = previousStep(state);
			return previous ? {...state, step: previous} : state;
		}
	}
}

/** Leaving from a last screen: what was saved, and whether the chat opens next. */
function finish(state: WizardState, startChat: boolean): WizardState {
	if (state.step === 'oauth-done' && state.oauthSave) {
		return leave(state, {kind: 'oauth-saved', save: state.oauthSave, modelId: state.oauthSave.modelId, startChat});
	}

	if (state.step !== 'done') return state;
	const {save} = state;
	if (save?.status === 'saved') return leave(state, {kind: 'saved', save: save.result, modelId: state.modelId, startChat});
	if (save?.status === 'failed') return leave(state, {kind: 'failed', ...failureOf(save)});
	return state;
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

		case 'oauth': {
			// Approved tokens on their way to disk cannot be called back.
			return state.oauth.status === 'saving' ? undefined : 'method';
		}

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

function keyField(state: WizardState) {
	return {text: state.keyDraft, cursor: state.keyCursor};
}

function withKeyField(state: WizardState, field: {text: string; cursor: number}): WizardState {
	if (field.text === state.keyDraft && field.cursor === state.keyCursor) return state;
	return {...state, keyDraft: field.text, keyCursor: field.cursor};
}

function nextCheck(state: WizardState): CheckState {
	return {status: 'running', attempt: state.check.attempt + 1};
}

function answeredProbe(state: WizardState) {
	return state.step === 'check' && state.check.status === 'answered' ? state.check.probe : undefined;
}

function isSaving(state: WizardState, attempt: number): boolean {
	return state.step === 'done' && state.save?.status === 'saving' && state.save.attempt === attempt;
}

function isSavingOAuth(state: WizardState, attempt: number): boolean {
	return state.step === 'oauth' && state.oauth.status === 'saving' && state.oauth.attempt === attempt;
}
