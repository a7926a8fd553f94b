/**
 * Splits streamed markdown into a prefix whose rendering can no longer change
 * (it is written once, above the live area) and the live remainder that is
 * still being streamed. Uses marked's lexer so block boundaries are the ones a
 * markdown renderer sees; the rules below only decide which of those
 * boundaries later text cannot move.
 */
import {Lexer, type Token} from 'marked';

export type MarkdownSplit = {
	/** Whole blocks, ending at a block boundary; empty when nothing is final yet. */
	readonly finished: string;
	/** The rest, starting at the first block that may still change. */
	readonly live: string;
};

// A list marker at the start of the live text could add an item to the list
// before it (a loose list), so the list is not final yet.
const listMarker = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

// An unfinished first line shorter than this may still turn into a list marker
// ("1" becoming "1. item"); longer ones have shown what they are.
const undecidedLineLength = 12;

export function splitFinishedMarkdown(text: string): MarkdownSplit {
	const tokens = Lexer.lex(text, {gfm: true});
	let offset = 0;
	let safeOffset = 0;
	let previous: Token | undefined;
	let sawBlankLine = false;

	for (const token of tokens) {
		if (token.type === 'space') {
			sawBlankLine ||= token.raw.includes('\n\n');
			offset += token.raw.length;
			continue;
		}

		if (previous && isFinalBefore(previous, sawBlankLine, text.slice(offset))) {
			safeOffset = offset;
		}

		previous = token;
		sawBlankLine = endsWithBlankLine(token.raw);
		offset += token.raw.length;
	}

	return {finished: text.slice(0, safeOffset), live: text.slice(safeOffset)};
}

/**
 * Whether `block` can no longer change, given the text that follows it. The
 * lexer ends an unclosed code fence at the end of the text, so a fence that is
 * followed by another block is closed.
 */
function isFinalBefore(block: Token, blankLineBetween: boolean, rest: string): boolean {
	// Indented text could still continue a list item or an indented code block.
	if (/^[ \t]/.test(rest)) return false;
	if (block.type === 'list') {
		const isLineComplete = rest.includes('\n');
		if (!isLineComplete && rest.length < undecidedLineLength) return false;
		if (listMarker.test(rest)) return false;
	}
	if (block.type === 'code' && isFenced(block)) return true;
	if (block.type === 'heading' && !isSetextHeading(block)) return true;
	if (block.type === 'hr') return true;
	// Paragraphs, lists, quotes and tables absorb following lines until a blank line.
	return blankLineBetween;
}

function isFenced(block: Token): boolean {
	return /^ {0,3}(?:`{3,}|~{3,})/.test(block.raw);
}

function isSetextHeading(block: Token): boolean {
	return !/^ {0,3}#/.test(block.raw);
}

function endsWithBlankLine(raw: string): boolean {
	return /\n[ \t]*\n$/.test(raw);
}
