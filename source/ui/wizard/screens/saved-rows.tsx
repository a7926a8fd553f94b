import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';

export type SavedRow = readonly [label: string, value: string];

/** "Label  value" lines listing what a Done screen wrote; long values lose their middle. */
export function SavedRows({rows}: {readonly rows: readonly SavedRow[]}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{rows.map(([label, value]) => (
				<Box key={label}>
					<Box width={15} flexShrink={0}>
						<Text color={theme.muted}>{label}</Text>
					</Box>
					<Text wrap="truncate-middle">{value}</Text>
				</Box>
			))}
		</Box>
	);
}
