import type {SaveResult} from '../../core/setup.js';

export type WizardOutcome =
	| {kind: 'saved'; save: SaveResult; modelId: string; startChat: boolean}
	| {kind: 'cancelled'};
