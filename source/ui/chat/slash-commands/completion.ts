/**
 * Slash-command completion, read from the registry: which commands match what
 * is typed after "/", and what Tab makes of it.
 */
import {SLASH_COMMANDS} from './registry.js';

export type CommandMatch = {
	/** The name that matched what was typed: the command's own, or one of its aliases. */
	readonly name: string;
	/** How /help shows it; an alias shows as itself. */
	readonly usage: string;
	readonly description: string;
};

/**
 * The commands a prompt's text could be completing: it starts with one "/",
 * and the name is still being typed (no space or new line yet).
 */
export function commandMatches(text: string): CommandMatch[] {
	const typed = typedName(text);
	if (typed === undefined) return [];
	return SLASH_COMMANDS.flatMap(command => {
		const name = [command.name, ...command.aliases].find(candidate => candidate.startsWith(typed));
		if (name === undefined) return [];
		return [{name, usage: name === command.name ? command.usage : `/${name}`, description: command.description}];
	});
}

/**
 * What Tab makes of the text: the only match completed with a space after it,
 * or the longest prefix all matches share. undefined when Tab has nothing to add.
 */
export function completeCommand(text: string): string | undefined {
	const matches = commandMatches(text);
	if (matches.length === 0) return undefined;
	if (matches.length === 1) return completed(matches[0]!);
	const prefix = `/${commonPrefix(matches.map(match => match.name))}`;
	return prefix.length > text.length ? prefix : undefined;
}

/** The text once `match` is chosen: its name and a space, ready for an argument or Enter. */
export function completed(match: CommandMatch): string {
	return `/${match.name} `;
}

/** The name after "/", lower-cased as parseLine reads it; undefined when the text is no command being named. */
function typedName(text: string): string | undefined {
	const match = /^\/([^\s/]*)$/.exec(text);
	return match ? match[1]!.toLowerCase() : undefined;
}

function commonPrefix(names: readonly string[]): string {
	let prefix = names[0] ?? '';
	for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}
