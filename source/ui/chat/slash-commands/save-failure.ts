/** Why /save wrote nothing, and what to do instead: the failure's own words (core/files), never the system's raw text. */
import {isAppError} from '../../../core/app-error.js';

export function saveFailureMessage(path: string, error: unknown): string {
	if (isAppError(error)) {
		const {title, message, nextStep} = error.problem;
		return [`${title}.`, message, nextStep].filter(Boolean).join(' ');
	}

	return `Could not write ${path}; nothing was saved. Try /save <other file>.`;
}
