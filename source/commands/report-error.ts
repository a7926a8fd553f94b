/**
 * Turns anything a command throws into what the user reads on stderr and the
 * exit code. Expected errors never show a stack trace.
 */
import {CommanderError} from 'commander';
import type {ConfigParseError} from '../core/config-file.js';
import type {ClassifiedError, DashScopeError} from '../core/errors.js';
import type {OAuthError} from '../core/oauth/oauth-error.js';
import type {CommandContext} from './context.js';
import {CliError} from './cli-error.js';

// Told apart by name and shape, so this module does not load the config and client code.
function isConfigParseError(error: unknown): error is ConfigParseError {
	return error instanceof Error && error.name === 'ConfigParseError' && 'file' in error && 'line' in error;
}

function isOAuthError(error: unknown): error is OAuthError {
	return error instanceof Error && error.name === 'OAuthError' && 'nextStep' in error;
}

function classifiedOf(error: unknown): ClassifiedError | undefined {
	if (error instanceof Error && 'classified' in error) {
		const {classified} = error as DashScopeError;
		if (classified && typeof classified.title === 'string') return classified;
	}

	return undefined;
}

export function printClassified(context: CommandContext, classified: ClassifiedError): void {
	const {err} = context;
	context.warn(err.red(`error: ${classified.title}`));
	if (classified.message) context.warn(classified.message);
	if (classified.nextStep) context.warn(`${err.bold('Next step:')} ${classified.nextStep}`);
	if (classified.requestId) context.warn(err.dim(`request id: ${classified.requestId}`));
}

export function reportError(context: CommandContext, error: unknown): number {
	const {err} = context;
	if (error instanceof CommanderError) {
		// Help and version end in a CommanderError too (`help [command]` as
		// 'commander.help'); commander already printed, and its exit code says success.
		if (error.exitCode === 0) return 0;
		return 2;
	}

	if (error instanceof CliError) {
		context.warn(err.red(`error: ${error.message}`));
		for (const line of error.details) context.warn(line);
		return error.exitCode;
	}

	if (isConfigParseError(error)) {
		const location = `${error.file}:${error.line}:${error.column}`;
		if (error.message.includes(location)) {
			context.warn(err.red(`error: ${error.message}`));
		} else {
			context.warn(err.red(`error: cannot read ${location}`));
			context.warn(error.message);
		}

		if (!/nothing was (written|changed)/i.test(error.message)) {
			context.warn('Nothing was written. Fix the file (or move it aside) and run the command again.');
		}

		return 1;
	}

	// OAuthError (core/oauth) carries its own sentence and next step.
	if (isOAuthError(error)) {
		context.warn(err.red(`error: ${error.message}`));
		context.warn(`${err.bold('Next step:')} ${error.nextStep}`);
		return 1;
	}

	const classified = classifiedOf(error);
	if (classified) {
		printClassified(context, classified);
		return 1;
	}

	const message = error instanceof Error ? error.message : String(error);
	context.warn(err.red(`error: ${message}`));
	if (context.env['OPENCLAW_DEBUG'] && error instanceof Error && error.stack) context.warn(err.dim(error.stack));
	return 1;
}
