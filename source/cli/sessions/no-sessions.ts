import type {AppError} from '../../core/app-error.js';
import {command} from '../../core/messages.js';
import {failure} from '../failure.js';

/** A command named a saved conversation (`sessions show`, `chat -c`, …) and nothing is saved yet. */
export function noSessionsYet(file: string): AppError {
	return failure('There are no saved conversations yet.', {
		details: [`Conversations are saved in ${file} as they happen.`],
		nextStep: `Start one: ${command('chat')}`,
	});
}
