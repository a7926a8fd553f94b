import {PartlyWrittenError} from '../../core/openclaw/state-change.js';
import type {SaveFailure} from './outcome.js';

/** What a failed save says, for the screen and the summary: its message, or the value it threw as text. */
function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A failed save as the wizard keeps it: what it says, and whether it left part of the change written. */
export function saveFailure(error: unknown): SaveFailure {
	return {message: errorMessage(error), ...(error instanceof PartlyWrittenError ? {partlyWritten: true} : {})};
}
