import {Box, Text} from 'ink';
import {modelsFor} from '../../../core/models.js';
import type {Region} from '../../../core/regions.js';
import {ModelPicker} from '../../components/model-picker.js';
import {Screen, useBodyHeight, useBodyWidth} from '../../components/screen.js';
import {useTheme} from '../../components/theme.js';
import type {StepHeader} from './step-header.js';
import {QUIT} from './hints.js';

// The wizard's picker runs only on the API-key path.
const DASHSCOPE_MODELS = modelsFor('dashscope');

export type ModelScreenProps = StepHeader & {
	readonly region: Region;
	readonly regionModelIds?: readonly string[];
	readonly initialId: string;
	readonly onHighlight: (modelId: string) => void;
	readonly onPick: (modelId: string) => void;
	readonly onBack: () => void;
};

export function ModelScreen({region, regionModelIds, initialId, onHighlight, onPick, onBack, ...header}: ModelScreenProps) {
	const theme = useTheme();
	const width = useBodyWidth();
	const height = useBodyHeight();
	return (
		<Screen
			{...header}
			hints={[
				{keys: '↑↓/jk', action: 'move'},
				{keys: 'type', action: 'filter'},
				{keys: 'Enter', action: 'pick'},
				{keys: 'Esc', action: 'back'},
				QUIT,
			]}
		>
			<Text wrap="truncate-end">
				Pick the default model.{' '}
				<Text color={theme.muted}>
					{regionModelIds
						? `Your key sees ${regionModelIds.length} models in ${region.label}.`
						: 'Not checked: availability unknown.'}
				</Text>
			</Text>
			<Box marginTop={1}>
				<ModelPicker
					models={DASHSCOPE_MODELS}
					regionModelIds={regionModelIds}
					regionId={region.id}
					initialId={initialId}
					width={width}
					height={height - 2}
					onHighlight={onHighlight}
					onPick={onPick}
					onCancel={onBack}
				/>
			</Box>
		</Screen>
	);
}
