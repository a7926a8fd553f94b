import {Box, Text} from 'ink';
import {REGIONS, type RegionId} from '../../../core/regions.js';
import {fitBlocks} from '../../components/fit-blocks.js';
import {Paragraph, paragraphHeight} from '../../components/paragraph.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {listHeight, SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {useKeys} from '../../components/use-keys.js';
import type {StepHeader} from './step-header.js';
import {BACK, CHOOSE, MOVE, QUIT} from './hints.js';

// The longest label, 'International (Singapore)', plus a gap before the host.
const LABEL_WIDTH = 27;

const ITEMS: ReadonlyArray<SelectItem<RegionId>> = REGIONS.map(region => ({
	value: region.id,
	label: `${region.label.padEnd(LABEL_WIDTH)}${new URL(region.baseUrl).host}`,
	description: region.hint,
}));

const QUESTION = 'Which region issued your API key?';
const NOTE = 'Keys only work in the region that issued them: an International key is refused in China, and the other way round.';
const HINTS = [MOVE, CHOOSE, BACK, QUIT];

export type RegionScreenProps = StepHeader & {
	readonly initialRegion: RegionId;
	readonly onChoose: (regionId: RegionId) => void;
	readonly onBack: () => void;
};

export function RegionScreen({initialRegion, onChoose, onBack, ...header}: RegionScreenProps) {
	const theme = useTheme();
	const layout = useScreenLayout(HINTS);
	useKeys(
		(_input, key) => {
			if (key.escape) onBack();
		},
		{isActive: layout.fits},
	);

	const titles = listHeight(ITEMS, false);
	const descriptions = listHeight(ITEMS, true) - titles;
	const [titlesShown, question, listGap, descriptionsShown, note] = fitBlocks(layout.bodyHeight, [
		{rows: titles, priority: 10},
		{rows: paragraphHeight(QUESTION, layout.bodyWidth), priority: 5},
		{rows: 1, priority: 1},
		{rows: descriptions, priority: 4},
		{rows: 1 + paragraphHeight(NOTE, layout.bodyWidth), priority: 3},
	]);

	return (
		<Screen {...header} hints={HINTS}>
			{question ? <Paragraph width={layout.bodyWidth}>{QUESTION}</Paragraph> : undefined}
			{question && listGap ? <Text> </Text> : undefined}
			<SelectList
				items={ITEMS}
				initialValue={initialRegion}
				onSelect={onChoose}
				maxRows={titlesShown ? titles + (descriptionsShown ? descriptions : 0) : layout.bodyHeight}
				isActive={layout.fits}
			/>
			{note ? (
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={layout.bodyWidth} color={theme.warning}>
						{NOTE}
					</Paragraph>
				</Box>
			) : undefined}
		</Screen>
	);
}
