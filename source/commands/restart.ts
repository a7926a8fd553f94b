/**
 * `openclaw restart`: the real OpenClaw restarts its gateway here. This
 * program runs no background service, so it rereads its files and shows
 * what is in effect now.
 */
import {loadEffectiveSetup} from '../core/credentials.js';
import {programName} from '../core/program-name.js';
import type {CommandContext} from '../cli/context.js';
import {oauthDetails, printStatus} from '../cli/setup-report.js';

export async function runRestart(context: CommandContext): Promise<number> {
	context.print(context.out.dim(`${programName()} runs no background service; reread openclaw.json, the saved login and the environment.`));
	context.print();
	const setup = loadEffectiveSetup(context.env);
	printStatus(context, setup, await oauthDetails(setup, context.env));
	return 0;
}
