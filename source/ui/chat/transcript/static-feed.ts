/**
 * Finished transcript entries as the pieces written to scrollback. Ink lays a
 * frame out cell by cell, so one 3,000-line answer in one frame costs a
 * couple of hundred megabytes; answers (and thinking shown in full) are cut
 * into slices of a few hundred rendered lines, and each frame releases at most
 * a budget of lines.
 */
import {PANE_KEYS} from '../commands/pane-keys.js';
import {SLASH_COMMANDS} from '../commands/registry.js';
import {renderMarkdown, type MarkdownStyle} from '../markdown/render-markdown.js';
import type {Entry} from './transcript-state.js';

/** Entries written whole; answers are written as slices of their rendered lines. */
export type WholeEntry = Exclude<Entry, {readonly kind: 'answer'}>;

export type FeedItem =
	| {readonly key: string; readonly kind: 'entry'; readonly entry: WholeEntry; readonly lines: number}
	/** Rendered lines of an answer; the first slice of an entry keeps the gap above it. */
	| {readonly key: string; readonly kind: 'answer'; readonly text: string; readonly first: boolean; readonly lines: number};

export const SLICE_LINES = 200;
/** /help: a title and a row for each command, then for each key (long descriptions wrap, hence the margin). */
const HELP_LINES = 4 + SLASH_COMMANDS.length + PANE_KEYS.length + 6;
/** Lines of new scrollback per frame. */
export const RELEASE_LINES = 400;

export function feedItems(entry: Entry, style: MarkdownStyle): FeedItem[] {
	if (entry.kind !== 'answer') return [{key: String(entry.id), kind: 'entry', entry, lines: estimateLines(entry)}];
	const lines = renderMarkdown(entry.markdown, style, entry.firstCodeLabel).split('\n');
	const items: FeedItem[] = [];
	for (let start = 0; start < lines.length; start += SLICE_LINES) {
		const slice = lines.slice(start, start + SLICE_LINES);
		items.push({key: `${entry.id}:${start}`, kind: 'answer', text: slice.join('\n'), first: start === 0, lines: slice.length});
	}

	return items;
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
