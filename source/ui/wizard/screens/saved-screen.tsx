import {Box, Text} from 'ink';
import {Screen} from '../../components/screen.js';
import {SelectList} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import type {StepHeader} from './step-header.js';
import {CHOOSE, MOVE} from './hints.js';

export type SavedRow = readonly [label: string, value: string];

export type DoneChoice = 'chat' | 'exit';

export type SavedScreenProps = StepHeader & {
	readonly headline: string;
	readonly rows: readonly SavedRow[];
	readonly chatCommand: string;
	readonly onChoose: (choice: DoneChoice) => void;
};

/** The last screen of either sign-in: what was written, then chat now or exit. */
export function SavedScreen({headline, rows, chatCommand, onChoose, ...header}: SavedScreenProps) {
	const theme = useTheme();
	return (
		<Screen {...header} hints={[MOVE, CHOOSE, {keys: 'Esc', action: 'exit'}]}>
			<Text bold color={theme.success}>
				✓ {headline}
			</Text>
			<Box marginTop={1}>
				<SavedRows rows={rows} />
			</Box>
			<Box marginTop={1}>
				<Text>
					Chat any time with: <Text bold>{chatCommand}</Text>
				</Text>
			</Box>
			<Box marginTop={1}>
				<SelectList
					items={[
						{value: 'chat', label: 'Start chatting now'},
						{value: 'exit', label: 'Exit'},
					]}
					onSelect={onChoose}
				/>
			</Box>
		</Screen>
	);
}

/** "Label  value" lines listing what was written; long values lose their middle. */
function SavedRows({rows}: {readonly rows: readonly SavedRow[]}) {
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
