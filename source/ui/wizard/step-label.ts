import type {WizardStep} from './machine.js';

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
