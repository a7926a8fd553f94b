/**
 * Turns anything a command throws into what the user reads on stderr and the
 * exit code. Expected failures are AppErrors and never show a stack unless
 * OPENCLAW_DEBUG asks; anything else is a bug and says so.
 */
import {CommanderError} from 'commander';
import {AppError, type Problem} from '../core/app-error.js';
import {DEBUG_ENV_VAR} from '../core/launch-env-vars.js';
import type {CommandContext} from './context.js';
import {programName} from '../core/program-name.js';

/** A failure's title, message, request id and next step, as every command prints them. */
export function printProblem(context: CommandContext, problem: Problem, details: readonly string[] = []): void {
	const {err} = context;
	context.warn(err.red(`error: ${problem.title}`));
	if (problem.message) context.warn(problem.message);
	for (const line of details) context.warn(line);
	if (problem.nextStep) context.warn(`${err.bold('Next step:')} ${problem.nextStep}`);
	if (problem.requestId) context.warn(err.dim(`request id: ${problem.requestId}`));
}

export function reportError(context: CommandContext, error: unknown): number {
	if (error instanceof CommanderError) {
		// Help and version end in a CommanderError too (`help [command]` as
		// 'commander.help'); commander already printed, and its exit code says success.
		return error.exitCode === 0 ? 0 : 2;
	}

	const debug = Boolean(context.env[DEBUG_ENV_VAR]);
	if (error instanceof AppError) {
		printProblem(context, error.problem, error.details);
		if (debug) printStack(context, error);
		return error.exitCode;
	}

	const message = error instanceof Error ? error.message : String(error);
	context.warn(context.err.red(`error: Unexpected error: ${message}`));
	if (debug) printStack(context, error);
	else context.warn(`This is a bug in ${programName()}. Run the command again with ${DEBUG_ENV_VAR}=1 to see where it happened, and report it.`);
	return 1;
}

/** The stack, and its causes' (a failure wrapping a system error names both places). */
function printStack(context: CommandContext, error: unknown): void {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
		if (current.stack) context.warn(context.err.dim(depth === 0 ? current.stack : `Caused by: ${current.stack}`));
		current = current.cause;
	}
}
