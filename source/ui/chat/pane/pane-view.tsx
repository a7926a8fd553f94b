import type {ReactNode} from 'react';
import {Box} from 'ink';
import {KeyHints, type KeyHint} from '../../components/key-hints.js';
import type {RenderMarkdown} from '../markdown/markdown-renderer.js';
import {LiveTurn} from '../stream/live-turn.js';
import {ScrollbackFeed} from '../transcript/scrollback-feed.js';
import type {FeedItem} from '../transcript/static-feed.js';
import type {LiveTurn as LiveTurnState} from '../transcript/transcript-state.js';
import {StatusLine, type StatusLineProps} from './status-line.js';

export type PaneViewProps = {
	/** Finished output, written to scrollback once. */
	readonly feed: FeedItem[];
	readonly width: number;
	readonly color: boolean;
	/** The answer being streamed. */
	readonly live?: LiveTurnState;
	readonly liveRows: number;
	readonly reasoningCollapsed: boolean;
	/** The number the live answer's first code block gets on screen. */
	readonly firstCodeLabel: number;
	/** undefined until it has loaded (markdown-renderer.ts). */
	readonly renderMarkdown: RenderMarkdown | undefined;
	/** The prompt, or what takes its place. */
	readonly input: ReactNode;
	readonly status: StatusLineProps;
	readonly hints: readonly KeyHint[];
};

/** The chat pane from top to bottom: scrollback, the live answer, the prompt, the status line and the footer. */
export function PaneView({feed, width, color, live, liveRows, reasoningCollapsed, firstCodeLabel, renderMarkdown, input, status, hints}: PaneViewProps) {
	return (
		<>
			<ScrollbackFeed items={feed} width={width} />
			{/* No fixed width: the frame drawn right after a shrink, before React has the new
			    width, is cut to the terminal by Ink's layout instead of wrapping in it. */}
			<Box flexDirection="column">
				{live ? (
					<LiveTurn
						turn={live}
						rows={liveRows}
						width={width}
						color={color}
						reasoningCollapsed={reasoningCollapsed}
						firstCodeLabel={firstCodeLabel}
						renderMarkdown={renderMarkdown}
					/>
				) : undefined}
				<Box marginTop={1} flexDirection="column">
					{input}
				</Box>
				<Box marginTop={1} flexDirection="column">
					<StatusLine {...status} />
					<KeyHints hints={hints} />
				</Box>
			</Box>
		</>
	);
}
