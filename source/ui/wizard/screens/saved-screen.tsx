import {Box, Text} from 'ink';
import {fitBlocks} from '../../components/fit-blocks.js';
import {Paragraph, paragraphHeight} from '../../components/paragraph.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {useKeys} from '../../components/use-keys.js';
import type {StepHeader} from './step-header.js';
import {CHOOSE, MOVE} from './hints.js';

export type SavedRow = readonly [label: string, value: string];

export type DoneChoice = 'chat' | 'exit';

export type SavedScreenProps = StepHeader & {
	readonly headline: string;
	readonly rows: readonly SavedRow[];
	/** A caution under the headline (a key saved without a check). */
	readonly warning?: string;
	readonly chatCommand: string;
	readonly onChoose: (choice: DoneChoice) => void;
};

const HINTS = [MOVE, CHOOSE, {keys: 'Esc', action: 'exit'}];
const CHOICES: ReadonlyArray<SelectItem<DoneChoice>> = [
	{value: 'chat', label: 'Start chatting now'},
	{value: 'exit', label: 'Exit'},
];
const LABEL_WIDTH = 15;

/**
 * The last screen of either sign-in: what was written, then chat now or exit.
 * On a small terminal the choices stay; the list of files goes first.
 */
export function SavedScreen({headline, rows, warning, chatCommand, onChoose, ...header}: SavedScreenProps) {
	const theme = useTheme();
	const layout = useScreenLayout(HINTS);
	useKeys(
		(input, key) => {
			if (key.escape || input === 'q') onChoose('exit');
		},
		{isActive: layout.fits},
	);
	const width = layout.bodyWidth;
	const mark = `✓ ${headline}`;
	const shown = fitBlocks(layout.bodyHeight, [
		{rows: CHOICES.length, priority: 10},
		{rows: paragraphHeight(mark, width), priority: 8},
		{rows: warning ? paragraphHeight(warning, width) : 0, priority: 7},
		{rows: 1, priority: 2},
		// The first rows of the list matter most: config, profile, key or sign-in.
		...rows.map((_row, index) => ({rows: 1, priority: 5 - index / rows.length})),
		{rows: 1, priority: 2},
		{rows: 1, priority: 3},
		{rows: 1, priority: 2},
	]);
	const [, headlineShown, warningShown, rowsGap] = shown;
	const rowShown = shown.slice(4, 4 + rows.length);
	const [anyTimeGap, anyTimeShown, choicesGap] = shown.slice(4 + rows.length);
	const anyRow = rowShown.some(Boolean);

	return (
		<Screen {...header} hints={HINTS}>
			{headlineShown ? (
				<Paragraph width={width} bold color={theme.success}>
					{mark}
				</Paragraph>
			) : undefined}
			{warning && warningShown ? (
				<Paragraph width={width} color={theme.warning}>
					{warning}
				</Paragraph>
			) : undefined}
			{anyRow && rowsGap ? <Text> </Text> : undefined}
			{rows.map(([label, value], index) =>
				rowShown[index] ? (
					<Box key={label} flexShrink={0}>
						<Box width={LABEL_WIDTH} flexShrink={0}>
							<Text color={theme.muted}>{label}</Text>
						</Box>
						<Text wrap="truncate-middle">{value}</Text>
					</Box>
				) : undefined,
			)}
			{anyTimeShown && anyTimeGap ? <Text> </Text> : undefined}
			{anyTimeShown ? (
				<Text wrap="truncate-end">
					Chat any time with: <Text bold>{chatCommand}</Text>
				</Text>
			) : undefined}
			{choicesGap ? <Text> </Text> : undefined}
			<SelectList items={CHOICES} onSelect={onChoose} isActive={layout.fits} />
		</Screen>
	);
}
