/**
 * Finished transcript entries as the pieces written to scrollback. Ink lays a
 * frame out cell by cell, so one 3,000-line answer in one frame costs a
 * couple of hundred megabytes; answers are cut into slices of rendered lines,
 * and each frame releases at most a budget of lines. Both are kept small: Ink
 * tokenises a slice's text all at once and builds a cell for every column of
 * every line a frame releases, and what is still alive when the garbage
 * collector runs makes it grow the heap (at 40,000 streamed chunks, slices of
 * 200 lines and 400 a frame peaked 20 to 40 MB higher than 50 and 200).
 */
import {PANE_KEYS} from '../slash-commands/pane-keys.js';
import {SLASH_COMMANDS} from '../slash-commands/registry.js';
import type {RenderMarkdown} from '../markdown/markdown-renderer.js';
import type {MarkdownStyle} from '../markdown/render-markdown.js';
import type {Entry} from './transcript-state.js';

/** Entries written whole; answers are written as slices of their rendered lines. */
export type WholeEntry = Exclude<Entry, {readonly kind: 'answer'}>;

export type FeedItem =
	| {readonly key: string; readonly kind: 'entry'; readonly entry: WholeEntry; readonly lines: number}
	/** Rendered lines of an answer; the first slice of an entry keeps the gap above it. */
	| {readonly key: string; readonly kind: 'answer'; readonly text: string; readonly first: boolean; readonly lines: number};

export const SLICE_LINES = 50;
/** /help: a title and a row for each command, then for each key (long descriptions wrap, hence the margin). */
const HELP_LINES = 4 + SLASH_COMMANDS.length + PANE_KEYS.length + 6;
/** Lines of new scrollback per frame. */
export const RELEASE_LINES = 200;

/** undefined for an answer while the markdown renderer has not loaded (markdown-renderer.ts). */
export function feedItems(entry: Entry, style: MarkdownStyle, renderMarkdown: RenderMarkdown | undefined): FeedItem[] | undefined {
	if (entry.kind !== 'answer') return [{key: String(entry.id), kind: 'entry', entry, lines: estimateLines(entry)}];
	if (!renderMarkdown) return undefined;
	const lines = renderMarkdown(entry.markdown, style, entry.firstCodeLabel).split('\n');
	const items: FeedItem[] = [];
	// Ink styles each slice on its own, so a slice ends only where no style is open
	// (a bold run across a line break, say) and the next one starts plain.
	const open = new OpenStyles();
	let start = 0;
	for (let end = 1; end <= lines.length; end++) {
		open.read(lines[end - 1]!);
		const length = end - start;
		if (end < lines.length && (length < SLICE_LINES || (open.any() && length < MAX_SLICE_LINES))) continue;
		items.push({key: `${entry.id}:${start}`, kind: 'answer', text: lines.slice(start, end).join('\n'), first: start === 0, lines: length});
		start = end;
	}

	return items;
}

/** A slice waits this long at most for its styles to close. */
const MAX_SLICE_LINES = 4 * SLICE_LINES;

// SGR parameters: which attribute each one sets, and which attribute each reset clears.
const SGR = /\u001B\[([\d;:]*)m/g;
const SETS = new Map<number, string>([
	[1, 'intensity'], [2, 'intensity'], [3, 'italic'], [4, 'underline'], [5, 'blink'], [6, 'blink'],
	[7, 'inverse'], [8, 'hidden'], [9, 'strike'], [53, 'overline'],
]);
const RESETS = new Map<number, string>([
	[22, 'intensity'], [23, 'italic'], [24, 'underline'], [25, 'blink'], [27, 'inverse'], [28, 'hidden'], [29, 'strike'],
	[39, 'foreground'], [49, 'background'], [55, 'overline'], [59, 'underline-colour'],
]);
// An OSC 8 hyperlink: an address opens it, an empty one closes it.
const LINK = /\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u0007|\u001B\\)/g;

/** The styles still in effect after the lines read so far. */
class OpenStyles {
	private readonly active = new Set<string>();

	read(line: string): void {
		if (!line.includes('\u001B')) return;
		for (const [, parameters] of line.matchAll(SGR)) this.apply(parameters!);
		for (const [, address] of line.matchAll(LINK)) {
			if (address) this.active.add('link');
			else this.active.delete('link');
		}
	}

	any(): boolean {
		return this.active.size > 0;
	}

	private apply(parameters: string): void {
		const codes = parameters === '' ? [0] : parameters.split(/[;:]/).map(Number);
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index]!;
			if (code === 0) this.active.clear();
			else if (code === 38 || code === 48 || code === 58) {
				this.active.add(code === 38 ? 'foreground' : code === 48 ? 'background' : 'underline-colour');
				// 38;5;n or 38;2;r;g;b: the colour's own parameters follow.
				index += codes[index + 1] === 5 ? 2 : 4;
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) this.active.add('foreground');
			else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) this.active.add('background');
			else if (SETS.has(code)) this.active.add(SETS.get(code)!);
			else if (RESETS.has(code)) this.active.delete(RESETS.get(code)!);
		}
	}
}

/** How far the feed may be released in the next frame, starting after `from` items. */
export function nextRelease(items: readonly FeedItem[], from: number, budget = RELEASE_LINES): number {
	let index = from;
	let lines = 0;
	while (index < items.length) {
		const item = items[index]!;
		if (index > from && lines + item.lines > budget) break;
		lines += item.lines;
		index++;
	}

	return index;
}

function estimateLines(entry: WholeEntry): number {
	switch (entry.kind) {
		case 'user':
			return 2 + entry.images.length + entry.text.split('\n').length;
		case 'reasoning':
			return entry.collapsed ? 2 : 2 + entry.text.split('\n').length;
		case 'help':
			return HELP_LINES;
		default:
			return 3;
	}
}
