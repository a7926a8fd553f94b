import type {WizardState} from './machine.js';

/**
 * Which screen the keys belong to in a state: a new owner whenever a new
 * screen (or a new list on the same screen) takes the keys, so keys typed
 * ahead of it wait for it instead of reaching the screen before.
 */
export function keyOwner(state: WizardState): string {
	switch (state.step) {
		case 'oauth': {
			return `oauth:${state.oauth.attempt}`;
		}

		case 'check': {
			return `check:${state.check.attempt}:${state.check.status}`;
		}

		case 'done': {
			return `done:${state.save?.attempt ?? 0}:${state.save?.status ?? 'saving'}`;
		}

		default: {
			return state.step;
		}
	}
}
