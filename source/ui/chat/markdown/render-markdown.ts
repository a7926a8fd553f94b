/**
 * Markdown to terminal text: marked parses, marked-terminal lays out headings,
 * lists, tables, quotes and links, and highlights code through cli-highlight.
 * The model's single line breaks are kept as line breaks.
 * Knows nothing about React, so the transcript, /save and tests can use it.
 */
import {stripVTControlCharacters} from 'node:util';
import {Marked, type MarkedExtension, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {wrapWords} from '../../../core/text/wrap.js';

export type MarkdownStyle = {
	/** Columns available; paragraphs and rules are laid out to fit. */
	readonly width: number;
	/** False for NO_COLOR or a plain terminal: no escape codes at all. */
	readonly color: boolean;
};

const minimumWidth = 20;

// marked-terminal prints a tight list item's text token as is, so **bold** in a
// list stays literal; parse its inline tokens, and leave every other text to it.
const inlineInListItems: MarkedExtension = {
	renderer: {
		text(token) {
			return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
		},
	},
};
// Code without a language is not guessed at: highlight.js tries every one of
// its ~190 languages on it, half a second for 8 KB (and the live preview
// re-renders an unfinished block many times a second). Past a size, even a
// named language is left plain: highlighting 3,000 lines costs ~300 ms and
// hundreds of megabytes of intermediate HTML.
const HIGHLIGHT_LIMIT = 32 * 1024;
// marked-terminal hands these to cli-highlight (its types still name cardinal's options).
const noGuessing = {languageSubset: []} as unknown as Parameters<typeof markedTerminal>[1];
/** The label the next code block gets while a render numbers them; undefined while none does. */
let nextCodeLabel: number | undefined;

type LabelledCode = {type: 'labelledCode'; raw: string; label: number; code: Tokens.Code};

// One walkTokens for both, so they see the code token in this order (marked runs later extensions first).
// A numbered block becomes a token of our own that prints its label, then the block as marked-terminal lays it out.
const codeBlocks: MarkedExtension = {
	walkTokens(token) {
		if (token.type !== 'code') return;
		const code = token as Tokens.Code;
		if (code.text.length > HIGHLIGHT_LIMIT) code.lang = '';
		if (nextCodeLabel === undefined) return;
		const original = {...code};
		const labelled: LabelledCode = {type: 'labelledCode', raw: code.raw, label: nextCodeLabel++, code: original};
		for (const key of Object.keys(code)) Reflect.deleteProperty(code, key);
		Object.assign(code, labelled);
	},
	extensions: [
		{
			name: 'labelledCode',
			level: 'block',
			renderer(token) {
				const {label, code} = token as unknown as LabelledCode;
				return `${codeLabelStyle(`[${label}]`)}\n${this.parser.parse([code])}`;
			},
		},
	],
};

const codeLabelStyle = (text: string) => `\u001B[2m${text}\u001B[22m`;
const renderers = new Map<string, Marked>();

// An answer this long is shown as plain text: marked's block regexes overflow
// the stack on a paragraph of several megabytes (an interrupted runaway stream).
const MARKDOWN_LIMIT = 1024 * 1024;

/**
 * `firstCodeLabel`: number the code blocks from it, a small [n] above each
 * (what `/copy code n` copies); without it they are not numbered.
 */
export function renderMarkdown(markdown: string, style: MarkdownStyle, firstCodeLabel?: number): string {
	const width = Math.max(minimumWidth, style.width);
	let rendered: string;
	try {
		if (markdown.length > MARKDOWN_LIMIT) throw new RangeError('too long to lay out as markdown');
		nextCodeLabel = firstCodeLabel;
		rendered = rendererFor(width, style.color).parse(markdown, {async: false});
	} catch {
		return wrapWords(stripVTControlCharacters(markdown).replace(/\n+$/, ''), width).join('\n');
	} finally {
		nextCodeLabel = undefined;
	}

	const text = style.color ? rendered : stripVTControlCharacters(rendered);
	return text.replace(/\n+$/, '');
}

// One parser per width: marked-terminal fixes the width when it is created, and
// a resize only ever brings a handful of widths.
function rendererFor(width: number, color: boolean): Marked {
	const key = `${width}:${color}`;
	let marked = renderers.get(key);
	if (!marked) {
		// Without colour a heading keeps its "##" so it still reads as one.
		const extension = markedTerminal({width, reflowText: true, emoji: false, tab: 2, showSectionPrefix: !color}, noGuessing);
		// `breaks`: a single newline in a paragraph stays a line break. Models write
		// poems, addresses, logs and `key: value` lines that way; merged into one
		// paragraph they become unreadable. Blank lines still separate paragraphs.
		marked = new Marked({gfm: true, breaks: true}, codeBlocks, extension as unknown as MarkedExtension, inlineInListItems);
		renderers.set(key, marked);
	}

	return marked;
}
