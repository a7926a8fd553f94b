/**
 * The CLI as a function: argv in, exit code out.
 */
import type {CommandContext} from './context.js';
import {createProgram, type RunState} from './program.js';
import {reportError} from './report-error.js';

export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
	const state: RunState = {exitCode: 0};
	try {
		if (argv.length === 0) {
			const {runDefault} = await import('../commands/default-action.js');
			return await runDefault(context, () => createProgram(context, state).helpInformation());
		}

		await createProgram(context, state).parseAsync([...argv], {from: 'user'});
		return state.exitCode;
	} catch (error) {
		return reportError(context, error);
	}
}
