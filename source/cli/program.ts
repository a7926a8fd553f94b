/**
 * The command tree. Only commander and the help texts load up front; each
 * action imports its implementation when it runs, so --help and --version stay
 * fast and only `chat` pays for the HTTP client.
 */
import {Command, Option, type AddHelpTextContext} from 'commander';
import {findModel, GENERAL_MODEL_ID, RECOMMENDED_MODEL_ID, thinkingModels} from '../core/models.js';
import {REGION_IDS} from '../core/regions.js';
import type {CommandContext} from './context.js';
import {COMMANDER_HELP, helpWidth} from './help-layout.js';
import {
	AUTH_HELP,
	AUTH_LOGIN_HELP,
	CHAT_HELP,
	USAGE_HELP,
	DOCTOR_DESCRIPTION,
	DOCTOR_HELP,
	MODELS_HELP,
	MODELS_LIST_HELP,
	MODELS_SET_HELP,
	MODELS_STATUS_HELP,
	RESTART_HELP,
	ROOT_HELP,
	type HelpText,
} from './help-texts.js';
import {packageVersion} from './package-version.js';
import {terminalWidth} from './terminal-width.js';
import {addSessionsCommand} from './sessions-program.js';
import {NO_SAVE_ENV_VAR} from '../core/env-vars.js';
import {programName} from '../core/program-name.js';
import type {ChatOptions} from '../commands/chat.js';

/** Where an action leaves its exit code for the entry point. */
export type RunState = {exitCode: number};

/** The flags as commander hands them over: the chat's options without its prompt; no --image, no list. */
type ChatCommandOptions = Omit<ChatOptions, 'prompt' | 'image'> & {image?: string[]};

function collect(value: string, previous: string[] | undefined): string[] {
	return [...(previous ?? []), value];
}

/** Lays out commander's help and ours at the width of the stream it goes to, never wider than 80 columns. */
export type HelpLayout = {
	/** The width for help on stdout (`error` false) or stderr. */
	width(error: boolean): number;
	/** A help text for commander's addHelpText, built only when help is printed. */
	after(text: HelpText): (context: AddHelpTextContext) => string;
};

function helpLayout(context: CommandContext): HelpLayout {
	const width = (error: boolean) => helpWidth(terminalWidth(error ? context.stderr : context.stdout, context.env));
	return {width, after: text => ({error}) => text(width(error))};
}

export function createProgram(context: CommandContext, state: RunState): Command {
	const layout = helpLayout(context);
	const program = new Command(programName());
	program
		.description('Chat with Qwen through a DashScope API key, using OpenClaw\'s own files.')
		.version(packageVersion(), '-V, --version', 'print the version')
		.helpOption('-h, --help', 'show help')
		.helpCommand('help [command]', 'show help for a command')
		.exitOverride()
		.configureOutput({
			writeOut: text => context.stdout.write(text),
			writeErr: text => context.stderr.write(text),
			getOutHelpWidth: () => layout.width(false),
			getErrHelpWidth: () => layout.width(true),
			outputError: (text, write) => write(context.err.red(text)),
		})
		.showHelpAfterError('(add --help for usage)')
		.showSuggestionAfterError(true)
		.configureHelp(COMMANDER_HELP)
		.addHelpText('after', layout.after(ROOT_HELP));

	const models = program
		.command('models')
		.description('list, inspect and choose Qwen models; log in with a DashScope key')
		.addHelpText('after', layout.after(MODELS_HELP));

	models
		.command('list')
		.description('show the model registry grouped by Coding, General and Vision')
		.option('--json', 'print machine-readable JSON')
		.addHelpText('after', layout.after(MODELS_LIST_HELP))
		.action(async (options: {json?: boolean}) => {
			const {runModelsList} = await import('../commands/models-list.js');
			state.exitCode = runModelsList(context, options);
		});

	models
		.command('status')
		.description('show the key source, masked key, region, base URL and default model in effect')
		.option('--json', 'print machine-readable JSON')
		.option('--probe', 'check the key against its region (GET /models, no tokens spent)')
		.addHelpText('after', layout.after(MODELS_STATUS_HELP))
		.action(async (options: {json?: boolean; probe?: boolean}) => {
			const {runModelsStatus} = await import('../commands/models-status.js');
			state.exitCode = await runModelsStatus(context, options);
		});

	models
		.command('set')
		.description('set the default model (id or alias)')
		.argument('<model>', `model id or alias, e.g. ${RECOMMENDED_MODEL_ID} or ${findModel(GENERAL_MODEL_ID)?.alias ?? GENERAL_MODEL_ID}`)
		.option('--force', "save an id outside the registry without checking the region's model list")
		.addHelpText('after', layout.after(MODELS_SET_HELP))
		.action(async (model: string, options: {force?: boolean}) => {
			const {runModelsSet} = await import('../commands/models-set.js');
			state.exitCode = await runModelsSet(context, model, options);
		});

	const auth = models
		.command('auth')
		.description('log in to a provider')
		.addHelpText('after', layout.after(AUTH_HELP));

	auth
		.command('login')
		.description('save a DashScope API key for Qwen (wizard on a terminal, stdin otherwise)')
		.option('--provider <id>', 'provider to log in to (only qwen-portal)', 'qwen-portal')
		.addOption(new Option('--region <region>', 'region that issued the key').choices(REGION_IDS))
		.addOption(new Option('--method <method>', 'how to authenticate').choices(['api-key', 'oauth']))
		.option('--model <id|alias>', `default model to set (default ${RECOMMENDED_MODEL_ID}; in the wizard, the model the table starts on)`)
		.option('--no-check', 'save without checking the key against the region')
		.addHelpText('after', layout.after(AUTH_LOGIN_HELP))
		.action(async (options: {provider: string; region?: string; method?: string; model?: string; check: boolean}) => {
			const {runAuthLogin} = await import('../commands/auth-login.js');
			state.exitCode = await runAuthLogin(context, options);
		});

	program
		.command('chat')
		.description('stream an answer from Qwen to stdout (the chat pane with no prompt on a terminal)')
		.argument('[prompt...]', 'the prompt; piped stdin is appended')
		.option('-m, --model <id|alias>', 'model to use (default: the configured default model)')
		.option('-i, --image <file>', 'attach an image (png, jpeg, webp, gif, bmp); repeatable', collect)
		.option('-v, --verbose', 'print reasoning, token usage with its estimated cost, and the session id to stderr')
		.option('--think', `ask a hybrid thinking model to reason first (${thinkingModels().map(model => model.id).join(', ')}); says what thinking costs on the model`)
		.option('--usage <format>', 'json: print the usage figures, finish_reason and estimated cost as one JSON line, the last on stderr')
		.option('--raw', 'write the answer to a pipe exactly as sent, escape sequences and control characters included (a terminal always gets them removed)')
		.option('-c, --continue', 'go on with the last conversation (in the pane, or one follow-up question with a prompt)')
		.option('--resume [id|text]', 'go on with a saved conversation: an id (or its start) or words of its title; without one, pick it from a list')
		.option('--session <id|text>', 'ask a follow-up question in this saved conversation (for scripts; like --resume with an id)')
		.option('--no-save', `save nothing of this conversation (also ${NO_SAVE_ENV_VAR}=1)`)
		.addHelpText('after', layout.after(CHAT_HELP))
		.action(async (prompt: string[], options: ChatCommandOptions) => {
			const {runChat} = await import('../commands/chat.js');
			state.exitCode = await runChat(context, {...options, image: options.image ?? [], prompt});
		});

	addSessionsCommand(program, context, state, layout);

	program
		.command('usage')
		.description('tokens and estimated cost by day and by model, from the saved conversations')
		.option('--since <date>', 'only requests from this day on: a date (2026-10-01) or a number of days back (7d, today included)')
		.option('--json', 'print machine-readable JSON')
		.addHelpText('after', layout.after(USAGE_HELP))
		.action(async (options: {since?: string; json?: boolean}) => {
			const {runUsage} = await import('../commands/usage.js');
			state.exitCode = runUsage(context, options);
		});

	program
		.command('restart')
		.description('reload files and environment and show the setup in effect (there is no service to restart)')
		.addHelpText('after', layout.after(RESTART_HELP))
		.action(async () => {
			const {runRestart} = await import('../commands/restart.js');
			state.exitCode = await runRestart(context);
		});

	program
		.command('doctor')
		.description(DOCTOR_DESCRIPTION)
		.option('--fix', 'make the JSON key files and saved conversations private (0600, their folders 0700); changes nothing else')
		.option('--json', 'print machine-readable JSON')
		.addHelpText('after', layout.after(DOCTOR_HELP))
		.action(async (options: {fix?: boolean; json?: boolean}) => {
			const {runDoctor} = await import('../commands/doctor.js');
			state.exitCode = await runDoctor(context, options);
		});

	return program;
}
