/**
 * Markdown to terminal text: marked parses, marked-terminal lays out headings,
 * lists, tables, quotes and links, and highlights code through cli-highlight.
 * Knows nothing about React, so the transcript, /save and tests can use it.
 */
import {stripVTControlCharacters} from 'node:util';
import {Marked, type MarkedExtension} from 'marked';
import {markedTerminal} from 'marked-terminal';

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
const renderers = new Map<string, Marked>();

export function renderMarkdown(markdown: string, style: MarkdownStyle): string {
	const rendered = rendererFor(Math.max(minimumWidth, style.width), style.color).parse(markdown, {async: false});
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
		const extension = markedTerminal({width, reflowText: true, emoji: false, tab: 2, showSectionPrefix: !color});
		marked = new Marked({gfm: true}, extension as unknown as MarkedExtension, inlineInListItems);
		renderers.set(key, marked);
	}

	return marked;
}
