import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';
import type {CommandMatch} from '../slash-commands/completion.js';

export type CommandMenuProps = {
	readonly entries: readonly CommandMatch[];
	readonly highlighted?: number;
	/** Rows it may take; the highlighted entry is kept in view. */
	readonly maxRows: number;
};

/** The commands matching what is typed after "/", under the prompt: usage and what it does, one row each. */
export function CommandMenu({entries, highlighted, maxRows}: CommandMenuProps) {
	const theme = useTheme();
	const rows = Math.max(1, maxRows);
	const first = Math.min(Math.max(0, (highlighted ?? 0) - rows + 1), Math.max(0, entries.length - rows));
	const usageWidth = Math.max(...entries.map(entry => entry.usage.length)) + 2;
	return (
		<Box flexDirection="column">
			{entries.slice(first, first + rows).map((entry, index) => {
				const isHighlighted = first + index === highlighted;
				// One text per row, so a narrow terminal cuts the description and never the columns.
				return (
					<Text key={entry.name} wrap="truncate-end">
						<Text color={theme.accent}>{isHighlighted ? '❯ ' : '  '}</Text>
						<Text bold={isHighlighted} color={theme.accent}>
							{entry.usage.padEnd(usageWidth)}
						</Text>
						<Text color={theme.muted}>{entry.description}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
