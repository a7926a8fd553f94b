import type {OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';
import type {SaveResult} from '../../core/setup.js';

export type WizardOutcome = WizardEnding & {
	/** SIGTERM or SIGHUP ended the wizard (after the usual outcome): exit 128 + its number. */
	signal?: NodeJS.Signals;
};

export type WizardEnding =
	| {kind: 'saved'; save: SaveResult; modelId: string; startChat: boolean}
	/** "Qwen OAuth" was chosen and the device login saved its profile. */
	| {kind: 'oauth-saved'; save: OAuthSaveResult; modelId: string; startChat: boolean}
	/** Left before anything was saved: nothing was written. */
	| {kind: 'cancelled'}
	/** Left after the save failed: it took back what it began, unless `partlyWritten` says it could not. */
	| ({kind: 'failed'} & SaveFailure);

/** Why a save failed; `partlyWritten` when part of it stayed on disk for the next command to complete. */
export type SaveFailure = {readonly message: string; readonly partlyWritten?: boolean};

/** A failure's own fields, without those of the event or the state that carried it. */
export function failureOf({message, partlyWritten}: SaveFailure): SaveFailure {
	return {message, ...(partlyWritten ? {partlyWritten} : {})};
}
