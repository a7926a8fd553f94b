import {Static} from 'ink';
import type {FeedItem} from './static-feed.js';
import {AnswerSlice, TranscriptEntry} from './transcript-entry.js';

/** The finished transcript, handed to <Static>: written to scrollback once, never redrawn. */
export function ScrollbackFeed({items, width}: {readonly items: FeedItem[]; readonly width: number}) {
	return (
		<Static items={items}>
			{item =>
				item.kind === 'answer' ? (
					<AnswerSlice key={item.key} text={item.text} first={item.first} />
				) : (
					<TranscriptEntry key={item.key} entry={item.entry} width={width} />
				)
			}
		</Static>
	);
}
