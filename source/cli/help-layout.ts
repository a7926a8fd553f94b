/**
 * The pieces help texts are made of, laid out for a width when help is
 * printed: paragraphs, examples, two-column lists. Help never runs past 80
 * columns, and wraps to a narrower terminal; only a word longer than the whole
 * width (a URL) may stick out, since a broken URL cannot be copied.
 */
import {Help, type Command, type HelpConfiguration} from 'commander';
import stringWidth from 'string-width';
import {wrapWords} from '../core/text/wrap.js';

/** The widest help ever gets, however wide the terminal. */
const MAX_HELP_WIDTH = 80;
/** Below this nothing reads well anyway; wrapping stops getting narrower. */
const MIN_HELP_WIDTH = 20;

const INDENT = '  ';
/** Where continued lines, an example's comment on its own line and a stacked description start. */
const HANGING_INDENT = '      ';
const PROMPT = `${INDENT}$ `;
const GAP = '  ';
/** A description column narrower than this reads badly: the list is stacked instead. */
const MIN_DESCRIPTION_WIDTH = 28;

/** The width help is laid out at: the terminal's, at most MAX_HELP_WIDTH. */
export function helpWidth(columns: number | undefined): number {
	return Math.max(MIN_HELP_WIDTH, Math.min(MAX_HELP_WIDTH, columns ?? MAX_HELP_WIDTH));
}

/**
 * Text wrapped to `width`, each row after `indent`. A `command` in backticks
 * and a <placeholder> stay on one row when they fit one.
 */
export function paragraph(text: string, width: number, indent = ''): string[] {
	const room = width - stringWidth(indent);
	// No-break spaces hold a command together; one wider than a row is broken like any text.
	const held = text.replace(/`[^`]*`|<[^<>]*>/g, whole => (stringWidth(whole) <= room ? whole.replaceAll(' ', '\u00A0') : whole));
	return wrapWords(held, room, {longWords: 'keep'}).map(row => `${indent}${row.replaceAll('\u00A0', ' ')}`.trimEnd());
}

/** One example: a command line, a command line with a comment, or a note of its own ("# without a terminal …"). */
export type Example = string | readonly [commandLine: string, comment: string] | {readonly note: string};

/**
 * "Examples:" and the lines under it. Comments line up after the commands when
 * they fit; a comment that does not goes on its own line under its command,
 * and a command wider than the width is continued with a backslash.
 */
export function examples(width: number, ...items: readonly Example[]): string[] {
	const columns = commentColumns(items, width);
	const lines = ['Examples:'];
	for (const item of items) {
		if (typeof item === 'string') {
			lines.push(...commandLines(item, width));
		} else if (isCommented(item)) {
			const [line, comment] = item;
			const column = columns.get(item);
			if (column === undefined) lines.push(...commandLines(line, width), ...paragraph(comment, width, `${HANGING_INDENT}# `));
			else lines.push(`${PROMPT}${line}${' '.repeat(column - stringWidth(line))}${GAP}# ${comment}`);
		} else {
			lines.push(...paragraph(item.note, width, `${INDENT}# `));
		}
	}

	return lines;
}

function isCommented(item: Example): item is readonly [string, string] {
	return Array.isArray(item);
}

/**
 * Where each commented example's comment starts, when it fits beside its
 * command. Comments of neighbouring examples line up; the widest command of a
 * run is left out (its comment goes on its own line) until the rest fit.
 */
function commentColumns(items: readonly Example[], width: number): Map<readonly [string, string], number> {
	const runs: Array<Array<readonly [string, string]>> = [];
	let run: Array<readonly [string, string]> = [];
	for (const item of items) {
		if (isCommented(item)) {
			run.push(item);
		} else if (run.length > 0) {
			runs.push(run);
			run = [];
		}
	}

	if (run.length > 0) runs.push(run);
	const columns = new Map<readonly [string, string], number>();
	for (const members of runs) {
		const inline = [...members];
		for (;;) {
			const column = Math.max(...inline.map(([line]) => stringWidth(line)));
			const fits = inline.every(([, comment]) => stringWidth(PROMPT) + column + GAP.length + stringWidth(`# ${comment}`) <= width);
			if (fits) {
				for (const member of inline) columns.set(member, column);
				break;
			}

			inline.splice(inline.indexOf(inline.reduce((a, b) => (stringWidth(b[0]) > stringWidth(a[0]) ? b : a))), 1);
			if (inline.length === 0) break;
		}
	}

	return columns;
}

/** A command line after the prompt; too wide, it is continued with ` \` on indented lines (still one shell command). */
function commandLines(line: string, width: number): string[] {
	if (stringWidth(PROMPT) + stringWidth(line) <= width) return [`${PROMPT}${line}`];
	const rows: string[] = [];
	let prefix = PROMPT;
	let row = '';
	for (const word of shellWords(line)) {
		const longer = row ? `${row} ${word}` : word;
		if (row && stringWidth(prefix) + stringWidth(longer) + ' \\'.length > width) {
			rows.push(`${prefix}${row} \\`);
			prefix = HANGING_INDENT;
			row = word;
		} else {
			row = longer;
		}
	}

	rows.push(`${prefix}${row}`);
	return rows;
}

/** A command line cut at its spaces, never inside quotes, and never between an option and its value. */
function shellWords(line: string): string[] {
	const words = line.match(/(?:"[^"]*"|'[^']*'|[^\s"']+)+/g) ?? [line];
	const joined: string[] = [];
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		const next = words[index + 1];
		if (word.startsWith('--') && next !== undefined && !/^[-|<>&;]/.test(next)) {
			joined.push(`${word} ${next}`);
			index++;
		} else {
			joined.push(word);
		}
	}

	return joined;
}

/**
 * Terms and their descriptions in two columns, as commander lists options. A
 * term wider than `maxTermWidth` puts its description on the next line; on a
 * narrow terminal every description goes under its term. A description may
 * hold line breaks: each part starts a new row.
 */
export function definitions(rows: ReadonlyArray<readonly [term: string, description: string]>, width: number, maxTermWidth = 24): string[] {
	const termWidth = Math.min(maxTermWidth, Math.max(0, ...rows.map(([term]) => stringWidth(term))));
	const descriptionIndent = ' '.repeat(INDENT.length + termWidth + GAP.length);
	const stacked = width - descriptionIndent.length < MIN_DESCRIPTION_WIDTH;
	const lines: string[] = [];
	for (const [term, description] of rows) {
		const indent = stacked ? HANGING_INDENT : descriptionIndent;
		const described = description.split('\n').flatMap(part => paragraph(part, width, indent));
		if (stacked || stringWidth(term) > termWidth || described.length === 0) {
			lines.push(`${INDENT}${term}`, ...described);
		} else {
			const first = described[0]!.slice(indent.length);
			lines.push(`${INDENT}${term}${' '.repeat(termWidth - stringWidth(term))}${GAP}${first}`, ...described.slice(1));
		}
	}

	return lines;
}

/** commander's "Usage: …" line, continued under itself when wider than `width`. */
function usageLines(line: string, width: number): string[] {
	const label = 'Usage: ';
	if (stringWidth(line) <= width || !line.startsWith(label)) return [line];
	const rows = wrapWords(line.slice(label.length), width - label.length, {longWords: 'keep'});
	return rows.map((row, index) => `${index === 0 ? label : ' '.repeat(label.length)}${row}`);
}

/**
 * How commander lays out its own part of the help, at the width it is given:
 * its usage line wrapped too, and where the description column would be too
 * narrow to read, each description under its option instead of past the edge.
 */
export const COMMANDER_HELP: HelpConfiguration = {
	// Below this a description column is not worth keeping: see formatItem.
	minWidthToWrap: MIN_DESCRIPTION_WIDTH - 4,
	formatItem(this: Help, term: string, termWidth: number, description: string, help: Help): string {
		const width = help.helpWidth ?? MAX_HELP_WIDTH;
		if (!description || width - termWidth - INDENT.length - GAP.length >= help.minWidthToWrap) {
			return Help.prototype.formatItem.call(this, term, termWidth, description, help);
		}

		const lines = help.boxWrap(description, width - HANGING_INDENT.length).split('\n');
		return [`${INDENT}${term}`, ...lines.map(line => `${HANGING_INDENT}${line}`)].join('\n');
	},
	formatHelp(this: Help, command: Command, help: Help): string {
		const [usage = '', ...rest] = Help.prototype.formatHelp.call(this, command, help).split('\n');
		return [...usageLines(usage, help.helpWidth ?? MAX_HELP_WIDTH), ...rest].join('\n');
	},
};

/** A heading and its lines, as commander prints its own sections. */
export function section(title: string, lines: readonly string[]): string[] {
	return [`${title}:`, ...lines];
}

/** Blocks of lines joined with a blank line between them: the text commander prints after its own help. */
export function blocks(...parts: ReadonlyArray<readonly string[]>): string {
	return `\n${parts.filter(part => part.length > 0).map(part => part.join('\n')).join('\n\n')}\n`;
}
