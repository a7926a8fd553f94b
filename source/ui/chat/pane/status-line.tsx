import {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';
import {turnActivity} from '../stream/turn-activity.js';
import type {AnswerStats, LiveTurn} from '../transcript/transcript-state.js';

export type StatusLineProps = {
	readonly model: string;
	/** The region, the OAuth portal, or a custom endpoint. */
	readonly endpointLabel: string;
	readonly thinking?: boolean;
	readonly attachedImages: number;
	readonly lastAnswer?: AnswerStats;
	/** The answer on its way: the line counts its time and tokens. */
	readonly live?: LiveTurn;
	/** Said instead of the last answer's figures (what Ctrl+O changed). */
	readonly note?: string;
	readonly width: number;
	readonly now: () => number;
};

/** How often the time on the status line moves while an answer is on its way. */
const TICK_MS = 100;
/** From this width the line stays one row while an answer streams: the setting gives way. */
const ONE_ROW_WIDTH = 60;

/** Model, region, and the answer on its way, or the last answer's usage and speed. */
export function StatusLine({model, endpointLabel, thinking, attachedImages, lastAnswer, live, note, width, now}: StatusLineProps) {
	const theme = useTheme();
	useTicks(live !== undefined);
	const parts = [model, endpointLabel];
	if (thinking !== undefined) parts.push(`thinking ${thinking ? 'on' : 'off'}`);
	if (attachedImages > 0) parts.push(`${attachedImages} image${attachedImages === 1 ? '' : 's'} attached`);
	const setting = parts.join(' · ');
	const activity = live ? turnActivity(live, now()) : (note ?? (lastAnswer ? answerStats(lastAnswer) : ''));
	// Side by side when they fit; while an answer streams its figures keep the row and the setting is cut short.
	const fitsOneRow = setting.length + 3 + activity.length <= width || (live !== undefined && width >= ONE_ROW_WIDTH);

	return (
		<Box flexDirection={fitsOneRow ? 'row' : 'column'}>
			<Text wrap="truncate-end" color={theme.accent}>
				{setting}
			</Text>
			{activity === '' ? undefined : (
				<Box flexShrink={0}>
					<Text wrap="truncate-end" color={theme.muted}>
						{fitsOneRow ? ' │ ' : ''}
						{activity}
					</Text>
				</Box>
			)}
		</Box>
	);
}

/** Draws again every TICK_MS while `active`, so the elapsed time moves between stream updates. */
function useTicks(active: boolean): void {
	const [, setTick] = useState(0);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => {
			setTick(tick => tick + 1);
		}, TICK_MS);
		return () => {
			clearInterval(timer);
		};
	}, [active]);
}

function answerStats(stats: AnswerStats): string {
	const parts: string[] = [];
	if (stats.usage) parts.push(`tokens in ${stats.usage.promptTokens} · out ${stats.usage.completionTokens}`);
	if (stats.timeToFirstTokenMs !== undefined) parts.push(`first token ${(stats.timeToFirstTokenMs / 1000).toFixed(2)} s`);
	if (stats.tokensPerSecond !== undefined) parts.push(`${Math.round(stats.tokensPerSecond)} tok/s`);
	return parts.join(' · ');
}
