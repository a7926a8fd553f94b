/**
 * What Ctrl+C does, step by step. Before anything is saved it cancels. Once a
 * save runs it waits for it, so the outcome says what happened; after a save
 * it reports what was saved (or that the save failed), never "cancelled".
 */
import type {WizardState} from './machine.js';
import {failureOf, type WizardEnding} from './outcome.js';

export function whenInterrupted(state: WizardState): WizardState {
	const {step, save, oauth, oauthSave} = state;
	if (step === 'done' && save) {
		if (save.status === 'saving') return {...state, quitRequested: true};
		if (save.status === 'saved') return leave(state, {kind: 'saved', save: save.result, modelId: state.modelId, startChat: false});
		return leave(state, {kind: 'failed', ...failureOf(save)});
	}

	if (step === 'oauth' && oauth.status === 'saving') return {...state, quitRequested: true};
	if (step === 'oauth-done' && oauthSave) {
		return leave(state, {kind: 'oauth-saved', save: oauthSave, modelId: oauthSave.modelId, startChat: false});
	}

	return leave(state, {kind: 'cancelled'});
}

export function leave(state: WizardState, ending: WizardEnding): WizardState {
	return {...state, ending};
}
