/**
 * Every slash command, in the order /help lists them. A new command is one
 * more entry here: parsing, /help, the footer and "did you mean" read this list.
 */
import {thinkingCostNote} from '../../../core/messages.js';
import {findModel, thinkingModels} from '../../../core/models.js';
import {saveFailureMessage} from './save-failure.js';
import {defineSlashCommand, type CopyTarget, type PaneCommands, type SlashCommandSpec} from './slash-command.js';

/** The models /think applies to: 'qwen3-max, qwen-plus, qwen3-vl-plus'. */
const THINKING_MODEL_IDS = thinkingModels()
	.map(model => model.id)
	.join(', ');

const none = () => ({});

export const SLASH_COMMANDS = [
	defineSlashCommand({
		name: 'model',
		aliases: [],
		shorthands: ['models'],
		usage: '/model [id|alias]',
		description: 'switch model; without a name, pick from the table',
		read: (argument): {model?: string} => (argument === '' ? {} : {model: argument}),
		run(pane, {model}) {
			if (model === undefined) {
				pane.openModelPicker();
				return;
			}

			return pane.switchModel(model);
		},
	}),
	defineSlashCommand({
		name: 'image',
		aliases: [],
		usage: '/image <file>',
		description: 'attach an image to your next message',
		read: argument => (argument === '' ? 'Give the image file: /image photo.png' : {path: argument}),
		async run(pane, {path}) {
			const result = await pane.loadImage(pane.resolvePath(path));
			if (!result.ok) {
				pane.notice(result.message, 'warning');
				return;
			}

			if (pane.attachImage(result.image) === 'attached') {
				pane.notice(`Attached ${result.image.path} (${formatBytes(result.image.bytes)}); it goes with your next message.`, 'success');
			}
		},
	}),
	defineSlashCommand({
		name: 'think',
		aliases: [],
		usage: '/think on|off',
		description: `ask hybrid models (${THINKING_MODEL_IDS}) to think first`,
		read(argument): {enabled?: boolean} | string {
			if (argument === '') return {};
			const value = argument.toLowerCase();
			if (value === 'on') return {enabled: true};
			if (value === 'off') return {enabled: false};
			return `/think takes on or off, not "${argument}".`;
		},
		run(pane, {enabled}) {
			const {model, thinking, region} = pane.current();
			const on = enabled ?? !thinking;
			pane.setThinking(on);
			const thinks = findModel(model)?.thinking !== false;
			// What thinking costs is said when it is turned on; on a model without it, that it does nothing.
			const note = on || !thinks ? ` ${thinkingCostNote(model, region)}` : '';
			pane.notice(`Thinking ${on ? 'on' : 'off'} for the next messages.${note}`, thinks ? 'info' : 'warning');
		},
	}),
	defineSlashCommand({
		name: 'new',
		aliases: ['clear'],
		usage: '/new',
		description: 'start a new conversation (also /clear)',
		read: none,
		run(pane) {
			// The answer being streamed joins the conversation when it ends, so a new one now would not hold.
			if (pane.current().isStreaming) pane.notice('Stop the answer first (Esc), then /new.', 'warning');
			else pane.newConversation();
		},
	}),
	defineSlashCommand({
		name: 'resume',
		aliases: [],
		usage: '/resume [text]',
		description: 'pick a saved conversation to go on with (type to search)',
		read: argument => ({query: argument}),
		run(pane, {query}) {
			if (pane.current().isStreaming) pane.notice('Stop the answer first (Esc), then /resume.', 'warning');
			else pane.openSessionPicker(query);
		},
	}),
	defineSlashCommand({
		name: 'rename',
		aliases: [],
		usage: '/rename <title>',
		description: 'name this conversation (it is named after its first prompt)',
		read: argument => (argument === '' ? 'Give the new title: /rename Sorting in Rust' : {title: argument}),
		run: (pane, {title}) => pane.renameSession(title),
	}),
	defineSlashCommand({
		name: 'retry',
		aliases: [],
		usage: '/retry [model]',
		description: 'ask for the last answer again, with another model if given; the earlier answer is kept',
		read: (argument): {model?: string} => (argument === '' ? {} : {model: argument}),
		run(pane, {model}) {
			if (pane.current().isStreaming) {
				pane.notice('Stop the answer first (Esc), then /retry.', 'warning');
				return;
			}

			return pane.retry(model);
		},
	}),
	defineSlashCommand({
		name: 'edit',
		aliases: [],
		usage: '/edit',
		description: 'put your last message back in the prompt to change it (also Esc twice); sending replaces that turn',
		read: none,
		run: pane => pane.editLast(),
	}),
	defineSlashCommand({
		name: 'compact',
		aliases: [],
		usage: '/compact [what to keep]',
		description: 'summarise the older turns with this model; the summary is sent in their place (they stay saved)',
		read: (argument): {keep?: string} => (argument === '' ? {} : {keep: argument}),
		run: (pane, {keep}) => pane.compact(keep),
	}),
	defineSlashCommand({
		name: 'continue',
		aliases: [],
		usage: '/continue',
		description: 'ask for the rest of an answer that stopped at the output limit',
		read: none,
		run: pane => pane.continueAnswer(),
	}),
	defineSlashCommand({
		name: 'copy',
		aliases: [],
		usage: '/copy [code [n]]',
		description: "copy the last answer as markdown, or code block [n] (the last one without n), to the terminal's clipboard",
		read: readCopyTarget,
		run: (pane, target) => pane.copy(target),
	}),
	defineSlashCommand({
		name: 'save',
		aliases: [],
		usage: '/save <file>',
		description: 'write the conversation to a markdown file',
		read: argument => (argument === '' ? 'Give the file to write: /save chat.md' : {path: argument}),
		async run(pane, {path}) {
			const target = pane.resolvePath(path);
			try {
				const exchanges = await pane.saveTranscript(target);
				pane.notice(`Saved ${exchanges} exchange${exchanges === 1 ? '' : 's'} to ${target}.`, 'success');
			} catch (error) {
				pane.notice(saveFailureMessage(target, error), 'warning');
			}
		},
	}),
	defineSlashCommand({
		name: 'help',
		aliases: [],
		shorthands: ['?'],
		usage: '/help',
		description: 'show this list',
		footer: 'commands',
		read: none,
		run: pane => pane.showHelp(),
	}),
	defineSlashCommand({
		name: 'exit',
		aliases: ['quit'],
		usage: '/exit',
		description: 'leave (also /quit, or Ctrl+C twice)',
		read: none,
		run: pane => pane.exit(),
	}),
];

type RegisteredCommand = (typeof SLASH_COMMANDS)[number];

/** A command as parseLine read it: its name and its arguments. */
export type SlashCommand = RegisteredCommand extends infer Spec
	? Spec extends SlashCommandSpec<infer Name, infer Args>
		? {readonly name: Name} & Readonly<Args>
		: never
	: never;

/** Runs a command parseLine read, with the entry that read it. */
export function runSlashCommand(command: SlashCommand, pane: PaneCommands): void | Promise<void> {
	const spec = SLASH_COMMANDS.find(entry => entry.name === command.name);
	// parseLine made `command` with this entry's own `read`, so it holds the arguments this entry's `run` takes.
	const run = spec?.run as ((pane: PaneCommands, args: SlashCommand) => void | Promise<void>) | undefined;
	return run?.(pane, command);
}

/** '' the answer; 'code' the last code block; 'code 2' (or just '2') block [2]. */
function readCopyTarget(argument: string): CopyTarget | string {
	if (argument === '') return {what: 'answer'};
	const match = /^(?:code(?:\s+(\d+))?|(\d+))$/i.exec(argument);
	if (!match) return `/copy takes nothing (the last answer), or code and a block's number: /copy code 2, not "${argument}".`;
	const number = match[1] ?? match[2];
	return number === undefined ? {what: 'code'} : {what: 'code', number: Number(number)};
}

function formatBytes(bytes: number): string {
	return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
