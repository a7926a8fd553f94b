/**
 * `openclaw sessions …`: the saved conversations. Each sub-command is a file
 * under sessions/, imported when it runs.
 */
import {InvalidArgumentError, Option, type Command} from 'commander';
import {closestIds} from '../core/resolve-model.js';
import type {CommandContext} from './context.js';
import {SESSIONS_EXPORT_HELP, SESSIONS_HELP, SESSIONS_LIST_HELP, SESSIONS_RM_HELP, SESSIONS_SEARCH_HELP, SESSIONS_SHOW_HELP} from './help-texts.js';
import type {HelpLayout, RunState} from './program.js';

function positiveInteger(value: string): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError(`expected a whole number above 0, not "${value}".`);
	return number;
}

export function addSessionsCommand(program: Command, context: CommandContext, state: RunState, layout: HelpLayout): void {
	const sessions = program
		.command('sessions')
		.description('list, show, search, export and delete saved conversations')
		.addHelpText('after', layout.after(SESSIONS_HELP));
	// `sessions` alone lists; anything else that names no sub-command is a typo of one, said as the top level says it.
	sessions.hook('preSubcommand', (command, subcommand) => {
		const [typed] = command.args;
		if (subcommand.name() !== 'list' || typed === undefined || typed === 'list' || typed.startsWith('-')) return;
		const [suggestion] = closestIds(typed, command.commands.map(entry => entry.name()), 1, true);
		command.error(`error: unknown command '${typed}'${suggestion ? `\n(Did you mean ${suggestion}?)` : ''}`, {code: 'commander.unknownCommand'});
	});

	sessions
		.command('list', {isDefault: true})
		.description('saved conversations, newest first: id, last used, turns, model, title')
		.option('--json', 'print machine-readable JSON')
		.option('-n, --limit <count>', 'show at most this many', positiveInteger)
		.addHelpText('after', layout.after(SESSIONS_LIST_HELP))
		.action(async (options: {json?: boolean; limit?: number}) => {
			const {runSessionsList} = await import('../commands/sessions/list.js');
			state.exitCode = runSessionsList(context, options);
		});

	sessions
		.command('show')
		.description('print a conversation, retried answers and edited prompts included')
		.argument('<id|text>', 'the session: its id (or the start of it) or words of its title')
		.option('--json', 'print machine-readable JSON')
		.addHelpText('after', layout.after(SESSIONS_SHOW_HELP))
		.action(async (reference: string, options: {json?: boolean}) => {
			const {runSessionsShow} = await import('../commands/sessions/show.js');
			state.exitCode = runSessionsShow(context, reference, options);
		});

	sessions
		.command('search')
		.description('find prompts and answers holding every word, newest first')
		.argument('<text...>', 'words to look for (any part of a word, three characters or more use the index)')
		.option('--json', 'print machine-readable JSON')
		.option('-n, --limit <count>', 'show at most this many turns (default 50)', positiveInteger)
		.addHelpText('after', layout.after(SESSIONS_SEARCH_HELP))
		.action(async (words: string[], options: {json?: boolean; limit?: number}) => {
			const {runSessionsSearch} = await import('../commands/sessions/search.js');
			state.exitCode = runSessionsSearch(context, words.join(' '), options);
		});

	sessions
		.command('export')
		.description('write a conversation to stdout as markdown or JSON')
		.argument('<id|text>', 'the session: its id (or the start of it) or words of its title')
		.addOption(new Option('--format <format>', 'markdown or JSON').choices(['md', 'json']).default('md'))
		.addHelpText('after', layout.after(SESSIONS_EXPORT_HELP))
		.action(async (reference: string, options: {format: 'md' | 'json'}) => {
			const {runSessionsExport} = await import('../commands/sessions/export.js');
			state.exitCode = runSessionsExport(context, reference, options);
		});

	sessions
		.command('rm')
		.description('delete a saved conversation (asks first on a terminal)')
		.argument('<id|text>', 'the session: its id (or the start of it) or words of its title')
		.option('-y, --yes', 'delete without asking (needed without a terminal)')
		.addHelpText('after', layout.after(SESSIONS_RM_HELP))
		.action(async (reference: string, options: {yes?: boolean}) => {
			const {runSessionsRm} = await import('../commands/sessions/rm.js');
			state.exitCode = await runSessionsRm(context, reference, options);
		});
}
