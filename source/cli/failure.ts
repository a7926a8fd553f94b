/**
 * A command's own failures, as the one error type: the entry point prints the
 * title, the detail lines and the next step, never a stack, and exits 1.
 * Usage mistakes (exit 2) are app-error.ts's usageError.
 */
import {AppError} from '../core/app-error.js';

export function failure(title: string, options: {details?: readonly string[]; nextStep?: string; kind?: string} = {}): AppError {
	return new AppError({kind: options.kind ?? 'failure', title, message: '', nextStep: options.nextStep ?? ''}, {details: options.details ?? []});
}
