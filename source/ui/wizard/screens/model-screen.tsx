import {Text} from 'ink';
import {modelsFor} from '../../../core/models.js';
import type {Region} from '../../../core/regions.js';
import {ModelPicker} from '../../components/model-picker.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {useTheme} from '../../components/theme.js';
import type {StepHeader} from './step-header.js';
import {QUIT} from './hints.js';

// The wizard's picker runs only on the API-key path.
const DASHSCOPE_MODELS = modelsFor('dashscope');

const HINTS = [{keys: '↑↓/jk', action: 'move'}, {keys: 'type', action: 'filter'}, {keys: 'Enter', action: 'pick'}, {keys: 'Esc', action: 'back'}, QUIT];

/** Rows the picker needs to show its filter, its column header and a row. */
const PICKER_MIN_ROWS = 3;

export type ModelScreenProps = StepHeader & {
	readonly region: Region;
	/** Undefined when the key was not checked. */
	readonly regionModelIds?: readonly string[];
	/** --no-check: the key was not checked on purpose. */
	readonly noCheck?: boolean;
	readonly initialId: string;
	readonly onHighlight: (modelId: string) => void;
	readonly onPick: (modelId: string) => void;
	readonly onBack: () => void;
};

export function ModelScreen({region, regionModelIds, noCheck, initialId, onHighlight, onPick, onBack, ...header}: ModelScreenProps) {
	const theme = useTheme();
	const layout = useScreenLayout(HINTS);
	// The sentence and the blank row under it go before the table does.
	const sentence = layout.bodyHeight - PICKER_MIN_ROWS >= 1;
	const gap = layout.bodyHeight - PICKER_MIN_ROWS >= 6;
	const pickerHeight = layout.bodyHeight - (sentence ? 1 : 0) - (gap ? 1 : 0);
	return (
		<Screen {...header} hints={HINTS}>
			{sentence ? (
				<Text wrap="truncate-end">
					Pick the default model.{' '}
					<Text color={theme.muted}>
						{regionModelIds
							? `Your key sees ${regionModelIds.length} models in ${region.label}.`
							: `Not checked${noCheck ? ' (--no-check)' : ''}: availability unknown.`}
					</Text>
				</Text>
			) : undefined}
			{gap ? <Text> </Text> : undefined}
			<ModelPicker
				models={DASHSCOPE_MODELS}
				regionModelIds={regionModelIds}
				regionId={region.id}
				initialId={initialId}
				width={layout.bodyWidth}
				height={pickerHeight}
				onHighlight={onHighlight}
				onPick={onPick}
				onCancel={onBack}
				isActive={layout.fits}
			/>
		</Screen>
	);
}
