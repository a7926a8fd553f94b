import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';

/** A message typed ahead while an answer (or a compaction) streams, shown above the prompt until it is sent. */
export function QueuedMessage({text, waitsFor}: {readonly text: string; readonly waitsFor: 'the answer' | 'the compaction'}) {
	const theme = useTheme();
	const firstLine = text.split('\n')[0] ?? '';
	return (
		<Box flexDirection="column">
			<Text color={theme.muted} wrap="truncate-end">
				Queued until {waitsFor} ends (Esc stops it and hands this back):
			</Text>
			<Text wrap="truncate-end">
				<Text color={theme.muted}>{'› '}</Text>
				{firstLine}
				{firstLine === text ? '' : ' …'}
			</Text>
		</Box>
	);
}
