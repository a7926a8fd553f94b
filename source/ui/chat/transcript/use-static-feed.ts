import {useEffect, useRef, useState} from 'react';
import type {RenderMarkdown} from '../markdown/markdown-renderer.js';
import type {MarkdownStyle} from '../markdown/render-markdown.js';
import {feedItems, nextRelease, RELEASE_LINES, type FeedItem} from './static-feed.js';
import type {Entry} from './transcript-state.js';

/**
 * The finished entries to hand to <Static>, released a bounded number of lines
 * per frame. Entries only ever grow, so each is rendered once, at the width of
 * the moment it is released. Only what the next frame can release is rendered
 * ahead, so a resumed session of a thousand turns shows its first frame at once.
 * An answer waits for the markdown renderer (undefined until it has loaded),
 * and so does everything after it, so the order is kept.
 */
export function useStaticFeed(entries: readonly Entry[], style: MarkdownStyle, renderMarkdown: RenderMarkdown | undefined): FeedItem[] {
	const [released, setReleased] = useState(0);
	const converted = useRef({entries: 0, items: [] as FeedItem[]});
	const cache = converted.current;
	for (; cache.entries < entries.length && linesAfter(cache.items, released) < RELEASE_LINES; cache.entries++) {
		const items = feedItems(entries[cache.entries]!, style, renderMarkdown);
		if (!items) break;
		cache.items.push(...items);
	}

	const shown = nextRelease(cache.items, released);
	useEffect(() => {
		if (shown === released) return;
		// The rest follows in later frames.
		const timer = setTimeout(() => {
			setReleased(shown);
		}, 0);
		return () => {
			clearTimeout(timer);
		};
	}, [shown, released]);

	return cache.items.slice(0, shown);
}

function linesAfter(items: readonly FeedItem[], from: number): number {
	let lines = 0;
	for (let index = from; index < items.length && lines < RELEASE_LINES; index++) lines += items[index]!.lines;
	return lines;
}
