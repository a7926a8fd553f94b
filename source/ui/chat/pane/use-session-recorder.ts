import {useEffect, useState} from 'react';
import {createSessionRecorder, type SessionRecorder} from '../../../core/sessions/session-recorder.js';
import type {ChatAction} from '../transcript/transcript-state.js';
import {savingStoppedNotice, type PaneSessions} from './pane-sessions.js';

/**
 * The pane's recorder, one for its life: it saves to the store the pane was
 * opened with (nothing under --no-save), going on with the resumed session if
 * there is one, and says once in the transcript when saving stops.
 */
export function useSessionRecorder(sessions: PaneSessions, secrets: readonly string[], dispatch: (action: ChatAction) => void): SessionRecorder {
	const [recorder] = useState(() => {
		const {resumed} = sessions;
		const lastTurn = resumed?.turns.at(-1);
		return createSessionRecorder({
			store: sessions.save ? sessions.store : undefined,
			secrets,
			onFailure(error) {
				dispatch({type: 'notice', text: savingStoppedNotice(error), tone: 'warning'});
			},
			...(resumed ? {sessionId: resumed.session.id} : {}),
			...(lastTurn ? {lastTurnId: lastTurn.id} : {}),
		});
	});
	useEffect(() => () => recorder.close(), [recorder]);
	return recorder;
}
