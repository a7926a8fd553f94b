/**
 * Plain `openclaw`: on a terminal, the wizard when no key is set up, else the
 * chat pane. Without a terminal there is nothing to open: help, exit 2.
 */
import {loadEffectiveSetup, modelInEffect} from '../core/credentials.js';
import {command} from '../core/program-name.js';
import type {CommandContext} from '../cli/context.js';
import {isInteractive} from '../cli/context.js';
import {continueAfterWizard, exitCodeAfterWizard, launchChatPane, launchWizard} from '../cli/ui-launch.js';

export async function runDefault(context: CommandContext, helpText: () => string): Promise<number> {
	if (!isInteractive(context)) {
		context.stderr.write(helpText());
		context.warn('\nNo command given, and there is no terminal to open the wizard or the chat pane in.');
		context.warn(`Run \`${command('--help')}\` for examples.`);
		return 2;
	}

	const setup = loadEffectiveSetup(context.env);
	if (!setup.credential) {
		const outcome = await launchWizard(context);
		return exitCodeAfterWizard(outcome, await continueAfterWizard(context, outcome));
	}

	return launchChatPane(context, setup, modelInEffect(setup));
}
