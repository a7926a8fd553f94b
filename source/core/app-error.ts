/**
 * The one error type for failures we expect: a bad file, a refused key, a
 * full disk, a usage mistake. Each says what happened (title and message),
 * what to do next, and the exit code the command ends with. Anything else that
 * reaches the top is a bug and is reported as unexpected.
 *
 * No imports: the entry point loads this to report errors, and it must cost
 * nothing at start-up.
 */

/** What a failure tells the user; plain data, so screens can keep it in their state. */
export type Problem = {
	/** A stable id for code and tests ('disk_full', 'invalid_key', …). */
	readonly kind: string;
	readonly title: string;
	readonly message: string;
	/** The one thing to do about it; empty when there is nothing to do. */
	readonly nextStep: string;
	/** HTTP status, for failures the service answered. */
	readonly status?: number;
	/** The service's request id, worth quoting to its support. */
	readonly requestId?: string;
};

/** 1 for a failure, 2 for a usage mistake (a flag, an argument, a variable the user set). */
export type ExitCode = 1 | 2;

export class AppError extends Error {
	readonly problem: Problem;
	readonly exitCode: ExitCode;
	/** Extra lines after the message (an example command, what was left as it was). */
	readonly details: readonly string[];

	constructor(problem: Problem, options: {exitCode?: ExitCode; details?: readonly string[]; cause?: unknown} = {}) {
		super(problem.message ? `${problem.title}: ${problem.message}` : problem.title, {cause: options.cause});
		this.name = 'AppError';
		this.problem = problem;
		this.exitCode = options.exitCode ?? 1;
		this.details = options.details ?? [];
	}

	get kind(): string {
		return this.problem.kind;
	}
}

export function isAppError(error: unknown): error is AppError {
	return error instanceof AppError;
}

/** A usage mistake: exit code 2. */
export function usageError(title: string, details: readonly string[] = [], nextStep = ''): AppError {
	return new AppError({kind: 'usage', title, message: '', nextStep}, {exitCode: 2, details});
}

/** The errno-style code of a Node error ('ENOSPC', 'EACCES'), if it has one. */
export function errorCode(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
