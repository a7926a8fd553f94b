import {Text} from 'ink';
import {useTheme} from './theme.js';

export type KeyHint = {readonly keys: string; readonly action: string};

/** One line naming the keys that work on this screen: "↑↓ move · Enter choose · Esc back". */
export function KeyHints({hints}: {readonly hints: readonly KeyHint[]}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end">
			{hints.map((hint, index) => (
				<Text key={hint.keys}>
					{index > 0 ? <Text color={theme.muted}> · </Text> : undefined}
					<Text bold>{hint.keys}</Text>
					<Text color={theme.muted}> {hint.action}</Text>
				</Text>
			))}
		</Text>
	);
}
