/**
 * Expected failures. The entry point prints them without a stack trace and
 * exits with their code: 1 for a failure, 2 for a usage mistake.
 */
export class CliError extends Error {
	readonly exitCode: number;
	/** Extra lines printed after the message, such as the next step. */
	readonly details: readonly string[];

	constructor(message: string, options: {exitCode?: number; details?: readonly string[]} = {}) {
		super(message);
		this.name = 'CliError';
		this.exitCode = options.exitCode ?? 1;
		this.details = options.details ?? [];
	}
}

export class UsageError extends CliError {
	constructor(message: string, details: readonly string[] = []) {
		super(message, {exitCode: 2, details});
		this.name = 'UsageError';
	}
}
