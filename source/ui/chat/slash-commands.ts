/**
 * The pane's slash commands: what /help lists and how a typed line is read.
 * Pure; the pane decides what each command does.
 */
import {closest, distance} from 'fastest-levenshtein';
import {thinkingModels} from '../../core/models.js';

export type SlashCommand =
	| {readonly name: 'help'}
	| {readonly name: 'model'; readonly model?: string}
	| {readonly name: 'image'; readonly path: string}
	| {readonly name: 'think'; readonly enabled?: boolean}
	| {readonly name: 'clear'}
	| {readonly name: 'save'; readonly path: string}
	| {readonly name: 'exit'};

export type ParsedLine =
	| {readonly kind: 'message'; readonly text: string}
	| {readonly kind: 'command'; readonly command: SlashCommand}
	| {readonly kind: 'invalid'; readonly message: string};

export type CommandHelp = {readonly usage: string; readonly description: string};

/** The models /think applies to: 'qwen3-max, qwen-plus, qwen3-vl-plus'. */
export const THINKING_MODEL_IDS = thinkingModels()
	.map(model => model.id)
	.join(', ');

export const COMMAND_HELP: readonly CommandHelp[] = [
	{usage: '/model [id|alias]', description: 'switch model; without a name, pick from the table'},
	{usage: '/image <file>', description: 'attach an image to your next message'},
	{usage: '/think on|off', description: `ask hybrid models (${THINKING_MODEL_IDS}) to think first`},
	{usage: '/clear', description: 'start a fresh conversation'},
	{usage: '/save <file>', description: 'write the conversation to a markdown file'},
	{usage: '/help', description: 'show this list'},
	{usage: '/exit', description: 'leave (also /quit, or Ctrl+C twice)'},
];

const NAMES = ['help', 'model', 'image', 'think', 'clear', 'save', 'exit', 'quit'];

export function parseLine(line: string): ParsedLine {
	const text = line.trim();
	// "//etc" sends a message that starts with a slash.
	if (text.startsWith('//')) return {kind: 'message', text: text.slice(1)};
	if (!text.startsWith('/')) return {kind: 'message', text};

	const [, name = '', rawArgument = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
	const argument = unquote(rawArgument.trim());
	switch (name.toLowerCase()) {
		case 'help':
		case '?':
			return command({name: 'help'});
		case 'model':
		case 'models':
			return command(argument === '' ? {name: 'model'} : {name: 'model', model: argument});
		case 'image':
			return argument === ''
				? invalid('Give the image file: /image photo.png')
				: command({name: 'image', path: argument});
		case 'think': {
			if (argument === '') return command({name: 'think'});
			const value = argument.toLowerCase();
			if (value === 'on') return command({name: 'think', enabled: true});
			if (value === 'off') return command({name: 'think', enabled: false});
			return invalid(`/think takes on or off, not "${argument}".`);
		}
		case 'clear':
		case 'new':
			return command({name: 'clear'});
		case 'save':
			return argument === ''
				? invalid('Give the file to write: /save chat.md')
				: command({name: 'save', path: argument});
		case 'exit':
		case 'quit':
			return command({name: 'exit'});
		default:
			return invalid(unknownMessage(name));
	}
}

function unknownMessage(name: string): string {
	const guess = name === '' ? undefined : closest(name.toLowerCase(), NAMES);
	const hint = guess && distance(name.toLowerCase(), guess) <= 2 ? ` Did you mean /${guess}?` : '';
	return `Unknown command /${name}.${hint} /help lists the commands; start with // to send a message that begins with a slash.`;
}

function unquote(value: string): string {
	const match = /^(["'])(.*)\1$/.exec(value);
	return match?.[2] ?? value;
}

function command(command: SlashCommand): ParsedLine {
	return {kind: 'command', command};
}

function invalid(message: string): ParsedLine {
	return {kind: 'invalid', message};
}
