import {Box, Text, useInput} from 'ink';
import {REGIONS, type RegionId} from '../../../core/regions.js';
import {Screen} from '../../components/screen.js';
import {SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import type {StepHeader} from './step-header.js';
import {BACK, CHOOSE, MOVE, QUIT} from './hints.js';

// The longest label, 'International (Singapore)', plus a gap before the host.
const LABEL_WIDTH = 27;

const ITEMS: ReadonlyArray<SelectItem<RegionId>> = REGIONS.map(region => ({
	value: region.id,
	label: `${region.label.padEnd(LABEL_WIDTH)}${new URL(region.baseUrl).host}`,
	description: region.hint,
}));

export type RegionScreenProps = StepHeader & {
	readonly initialRegion: RegionId;
	readonly onChoose: (regionId: RegionId) => void;
	readonly onBack: () => void;
};

export function RegionScreen({initialRegion, onChoose, onBack, ...header}: RegionScreenProps) {
	const theme = useTheme();
	useInput((_input, key) => {
		if (key.escape) onBack();
	});

	return (
		<Screen {...header} hints={[MOVE, CHOOSE, BACK, QUIT]}>
			<Text>Which region issued your API key?</Text>
			<Box marginTop={1}>
				<SelectList items={ITEMS} initialValue={initialRegion} onSelect={onChoose} />
			</Box>
			<Box marginTop={1}>
				<Text color={theme.warning} wrap="wrap">
					Keys only work in the region that issued them: an International key is refused in China, and the other
					way round.
				</Text>
			</Box>
		</Screen>
	);
}
