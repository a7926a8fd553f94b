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
	/** Left after the save failed (and took back what it began: nothing was written). */
	| {kind: 'failed'; message: string};
