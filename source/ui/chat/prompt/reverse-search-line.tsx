import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';

export type ReverseSearchLineProps = {
	readonly query: string;
	/** The earlier prompt found; undefined while nothing matches. */
	readonly found?: string;
	readonly failed: boolean;
	readonly width: number;
};

/** Ctrl+R's line in place of the prompt, as a shell shows it: (reverse-i-search)`query': the prompt found. */
export function ReverseSearchLine({query, found, failed, width}: ReverseSearchLineProps) {
	const theme = useTheme();
	const label = `(${failed || (query !== '' && found === undefined) ? 'failed ' : ''}reverse-i-search)\`${query}': `;
	// One row: the prompt found on one line, cut to what fits.
	const shown = (found ?? '').replace(/\s+/g, ' ');
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text color={theme.accent}>{label}</Text>
				{shown.slice(0, Math.max(0, width - label.length - 1))}
			</Text>
			<Text color={theme.muted} wrap="truncate-end">
				Ctrl+R older · Enter send · Esc edit · Ctrl+G cancel
			</Text>
		</Box>
	);
}
