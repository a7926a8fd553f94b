import {useEffect, useRef, useState} from 'react';
import type {MarkdownStyle} from '../markdown/render-markdown.js';
import {feedItems, nextRelease, type FeedItem} from './static-feed.js';
import type {Entry} from './transcript-state.js';

/**
 * The finished entries to hand to <Static>, released a bounded number of lines
 * per frame. Entries only ever grow, so each is rendered once, at the width of
 * the moment it finished.
 */
export function useStaticFeed(entries: readonly Entry[], style: MarkdownStyle): FeedItem[] {
	const converted = useRef({entries: 0, items: [] as FeedItem[]});
	const cache = converted.current;
	for (; cache.entries < entries.length; cache.entries++) cache.items.push(...feedItems(entries[cache.entries]!, style));

	const [released, setReleased] = useState(0);
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
