/**
 * How a typed line is read: a message, a slash command with its arguments,
 * or a line that looks like a command but is not usable, with why.
 */
import {closest, distance} from 'fastest-levenshtein';
import {SLASH_COMMANDS, type SlashCommand} from './registry.js';

export type ParsedLine =
	| {readonly kind: 'message'; readonly text: string}
	| {readonly kind: 'command'; readonly command: SlashCommand}
	| {readonly kind: 'invalid'; readonly message: string};

/** The names "did you mean" picks from. */
const SUGGESTED_NAMES = SLASH_COMMANDS.flatMap(command => [command.name, ...command.aliases]);

export function parseLine(line: string): ParsedLine {
	const text = line.trim();
	// "//etc" sends a message that starts with a slash.
	if (text.startsWith('//')) return {kind: 'message', text: text.slice(1)};
	if (!text.startsWith('/')) return {kind: 'message', text};

	const [, name = '', rawArgument = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
	const typed = name.toLowerCase();
	const spec = SLASH_COMMANDS.find(
		command => command.name === typed || command.aliases.includes(typed) || (command.shorthands ?? []).includes(typed),
	);
	if (!spec) return {kind: 'invalid', message: unknownMessage(name)};

	const args = spec.read(unquote(rawArgument.trim()));
	if (typeof args === 'string') return {kind: 'invalid', message: args};
	// TypeScript cannot pair a union's names with its arguments; they come from the same entry here.
	return {kind: 'command', command: {name: spec.name, ...args} as SlashCommand};
}

function unknownMessage(name: string): string {
	const guess = name === '' ? undefined : closest(name.toLowerCase(), SUGGESTED_NAMES);
	const hint = guess && distance(name.toLowerCase(), guess) <= 2 ? ` Did you mean /${guess}?` : '';
	return `Unknown command /${name}.${hint} /help lists the commands; start with // to send a message that begins with a slash.`;
}

function unquote(value: string): string {
	const match = /^(["'])(.*)\1$/.exec(value);
	return match?.[2] ?? value;
}
