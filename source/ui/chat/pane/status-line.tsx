import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';
import type {AnswerStats} from '../transcript/transcript-state.js';

export type StatusLineProps = {
	readonly model: string;
	/** The region, the OAuth portal, or a custom endpoint. */
	readonly endpointLabel: string;
	readonly thinking?: boolean;
	readonly attachedImages: number;
	readonly lastAnswer?: AnswerStats;
	readonly isStreaming: boolean;
	readonly width: number;
};

/** Model, region, and the last answer's usage and speed. */
export function StatusLine({model, endpointLabel, thinking, attachedImages, lastAnswer, isStreaming, width}: StatusLineProps) {
	const theme = useTheme();
	const parts = [model, endpointLabel];
	if (thinking !== undefined) parts.push(`thinking ${thinking ? 'on' : 'off'}`);
	if (attachedImages > 0) parts.push(`${attachedImages} image${attachedImages === 1 ? '' : 's'} attached`);
	const setting = parts.join(' · ');
	const activity = isStreaming ? 'streaming…' : lastAnswer ? answerStats(lastAnswer) : '';
	// Side by side when they fit, else the activity gets its own row.
	const fitsOneRow = setting.length + 3 + activity.length <= width;

	return (
		<Box flexDirection={fitsOneRow ? 'row' : 'column'}>
			<Text wrap="truncate-end" color={theme.accent}>
				{setting}
			</Text>
			{activity === '' ? undefined : (
				<Text wrap="truncate-end" color={theme.muted}>
					{fitsOneRow ? ' │ ' : ''}
					{activity}
				</Text>
			)}
		</Box>
	);
}

function answerStats(stats: AnswerStats): string {
	const parts: string[] = [];
	if (stats.usage) parts.push(`tokens in ${stats.usage.promptTokens} · out ${stats.usage.completionTokens}`);
	if (stats.timeToFirstTokenMs !== undefined) parts.push(`first token ${(stats.timeToFirstTokenMs / 1000).toFixed(2)} s`);
	if (stats.tokensPerSecond !== undefined) parts.push(`${Math.round(stats.tokensPerSecond)} tok/s`);
	return parts.join(' · ');
}
