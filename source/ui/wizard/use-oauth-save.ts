import {useEffect} from 'react';
import type {WizardEvent, WizardState} from './machine.js';
import type {WizardServices} from './services.js';
import {saveFailure} from './error-message.js';

/** Saves an approved Qwen OAuth login while the machine's OAuth step is `saving`. */
export function useOAuthSave(state: WizardState, services: Pick<WizardServices, 'oauth' | 'now'>, dispatch: (event: WizardEvent) => void) {
	const saving = state.step === 'oauth' && state.oauth.status === 'saving' ? state.oauth : undefined;
	const {saveLogin} = services.oauth;
	const {now} = services;

	useEffect(() => {
		if (!saving) return;
		const {attempt, tokens} = saving;
		saveLogin(tokens).then(
			result => {
				dispatch({type: 'oauth-saved', attempt, result, at: now()});
			},
			(error: unknown) => {
				dispatch({type: 'oauth-save-failed', attempt, ...saveFailure(error)});
			},
		);
	}, [saving, saveLogin, now, dispatch]);
}
