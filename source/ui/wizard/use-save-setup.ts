import {useEffect} from 'react';
import type {WizardEvent, WizardState} from './machine.js';
import type {WizardServices} from './services.js';
import {saveFailure} from './error-message.js';

/** Writes both files while the machine's save is `saving`; each retry is a new attempt. */
export function useSaveSetup(state: WizardState, saveSetup: WizardServices['saveSetup'], dispatch: (event: WizardEvent) => void) {
	const attempt = state.step === 'done' && state.save?.status === 'saving' ? state.save.attempt : undefined;
	const {key, regionId, modelId} = state;

	useEffect(() => {
		if (attempt === undefined || !key) return;
		saveSetup({regionId, key, modelId}).then(
			result => {
				dispatch({type: 'save-finished', attempt, result});
			},
			(error: unknown) => {
				dispatch({type: 'save-failed', attempt, ...saveFailure(error)});
			},
		);
	}, [attempt, key, regionId, modelId, saveSetup, dispatch]);
}
