import {useMemo} from 'react';
import {Box, Text} from 'ink';
import {starRating, type ModelInfo} from '../../core/models.js';
import type {RegionId} from '../../core/regions.js';
import {eachKey} from '../keys/each-key.js';
import {useLatestReducer} from '../keys/use-latest-reducer.js';
import {highlightedModel, initialPickerState, pickerChoice, pickerReducer, pickerRows, type PickerContext} from './model-picker-state.js';
import {
	availabilityOf,
	cellText,
	COLUMN_GAP,
	detailLine,
	fitColumns,
	LEGACY_MARK,
	NOT_LISTED_MARK,
	PICKER_LEAD_WIDTH,
	RETIRED_MARK,
	tableLines,
	type Column,
	type TableLine,
} from '../../core/model-table.js';
import {useTheme} from './theme.js';
import {useKeys} from './use-keys.js';

export type ModelPickerProps = {
	readonly models: readonly ModelInfo[];
	/** Ids the key's region listed in GET /models; rows outside it are marked. */
	readonly regionModelIds?: readonly string[];
	/** For region-specific limits (qwen-max has a larger window in China). */
	readonly regionId?: RegionId;
	readonly initialId: string;
	readonly onPick: (modelId: string) => void;
	readonly onCancel: () => void;
	readonly onHighlight?: (modelId: string) => void;
	/** Table width in cells. */
	readonly width: number;
	/** Rows the picker may use, table and its explanations together. */
	readonly height: number;
	readonly isActive?: boolean;
};

/**
 * The registry as a table grouped Coding / General / Vision. ↑↓ or j/k move,
 * typing filters, Enter picks, Esc clears the filter (the highlighted model
 * stays) and then cancels. Every key of a burst counts, in order.
 */
export function ModelPicker({
	models,
	regionModelIds,
	regionId,
	initialId,
	onPick,
	onCancel,
	onHighlight,
	width,
	height,
	isActive = true,
}: ModelPickerProps) {
	const theme = useTheme();
	const [state, dispatch, latest] = useLatestReducer(pickerReducer, () => initialPickerState(initialId));
	const context: PickerContext = useMemo(() => ({models, regionModelIds}), [models, regionModelIds]);

	const lines = useMemo(() => tableLines(models, state.filter), [models, state.filter]);
	const columns = useMemo(() => fitColumns(width, PICKER_LEAD_WIDTH), [width]);
	const rowCount = pickerRows(state, context).length;
	const highlighted = highlightedModel(state, context);

	useKeys(
		(input, key) => {
			for (const press of eachKey(input, key, {text: 'characters'})) {
				const action = {press, context};
				const before = latest();
				const choice = pickerChoice(before, action);
				dispatch(action);
				const after = highlightedModel(latest(), context);
				if (after && after.id !== highlightedModel(before, context)?.id) onHighlight?.(after.id);
				if (choice?.type === 'pick') onPick(choice.modelId);
				else if (choice?.type === 'cancel') onCancel();
			}
		},
		{isActive},
	);

	const extras = explanationRows(height);
	const tableRows = Math.max(1, height - 2 - extras.count);
	const visible = visibleWindow(lines, highlighted?.id, tableRows);
	const availability = highlighted ? availabilityOf(highlighted, regionModelIds) : undefined;

	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate-end">
				<Text color={theme.muted}>Filter: </Text>
				{state.filter === '' ? <Text color={theme.muted}>type to filter</Text> : <Text bold>{state.filter}</Text>}
				{state.filter !== '' && rowCount === 0 ? <Text color={theme.warning}> · no model matches</Text> : undefined}
			</Text>
			<Box>
				<Box width={PICKER_LEAD_WIDTH} flexShrink={0} />
				{columns.map((column, index) => (
					<Box key={column.key} width={column.width} flexShrink={0} marginLeft={index === 0 ? 0 : COLUMN_GAP}>
						<Text bold underline={Boolean(theme.accent)} wrap="truncate-end">
							{column.header}
						</Text>
					</Box>
				))}
			</Box>
			{visible.map(line =>
				line.type === 'group' ? (
					<Text key={`group-${line.category}`} color={theme.accent} bold>
						{line.label}
					</Text>
				) : (
					<ModelRow
						key={line.model.id}
						model={line.model}
						columns={columns}
						regionId={regionId}
						regionModelIds={regionModelIds}
						isHighlighted={line.model.id === highlighted?.id}
					/>
				),
			)}
			<Box flexDirection="column" marginTop={visible.length < tableRows ? tableRows - visible.length : 0}>
				{extras.detail ? (
					<Text wrap="truncate-end" color={theme.muted}>
						{highlighted ? detailLine(highlighted, regionId) : ' '}
					</Text>
				) : undefined}
				{extras.note ? (
					<Text wrap="truncate-end" color={state.notice || availability?.kind === 'retired' ? theme.danger : theme.warning}>
						{state.notice ?? (availability && availability.kind !== 'ok' ? `${availability.mark} ${availability.note}` : ' ')}
					</Text>
				) : undefined}
				{extras.legend ? (
					<Text wrap="truncate-end" color={theme.muted}>
						{RETIRED_MARK} retired · {regionModelIds ? `${NOT_LISTED_MARK} not listed by your region · ` : ''}
						{LEGACY_MARK} legacy
					</Text>
				) : undefined}
			</Box>
		</Box>
	);
}

/**
 * The lines under the table that fit beside the filter, the column header and
 * at least a few rows: first the note on the highlighted row (why it cannot
 * be picked), then its details, then the legend.
 */
function explanationRows(height: number): {note: boolean; detail: boolean; legend: boolean; count: number} {
	const note = height >= 5;
	const detail = height >= 7;
	const legend = height >= 9;
	return {note, detail, legend, count: Number(note) + Number(detail) + Number(legend)};
}

type ModelRowProps = {
	readonly model: ModelInfo;
	readonly columns: readonly Column[];
	readonly regionId?: RegionId;
	readonly regionModelIds?: readonly string[];
	readonly isHighlighted: boolean;
};

function ModelRow({model, columns, regionId, regionModelIds, isHighlighted}: ModelRowProps) {
	const theme = useTheme();
	const availability = availabilityOf(model, regionModelIds);
	const isDimmed = availability.kind === 'retired' || availability.kind === 'not_listed';
	const color = isHighlighted ? theme.accent : isDimmed ? theme.muted : undefined;
	// Without colour the cursor and the mark still say it all.
	const dim = isDimmed && !theme.muted;

	return (
		<Box>
			<Box width={2} flexShrink={0}>
				<Text color={color} bold={isHighlighted}>
					{isHighlighted ? '❯' : ' '}
				</Text>
			</Box>
			<Box width={PICKER_LEAD_WIDTH - 2} flexShrink={0}>
				<Text color={color}>{availability.kind === 'ok' ? ' ' : availability.mark}</Text>
			</Box>
			{columns.map((column, index) => (
				<Box key={column.key} width={column.width} flexShrink={0} marginLeft={index === 0 ? 0 : COLUMN_GAP}>
					{column.key === 'bestFor' ? (
						<Text color={color} bold={isHighlighted} dimColor={dim} wrap="truncate-end">
							<Text color={isDimmed || isHighlighted ? color : theme.warning}>{starRating(model.stars).padEnd(5)}</Text>{' '}
							{model.bestFor}
						</Text>
					) : (
						<Text color={color} bold={isHighlighted} dimColor={dim} wrap="truncate-end">
							{cellText(model, column.key, regionId)}
						</Text>
					)}
				</Box>
			))}
		</Box>
	);
}

/** A slice of `lines` at most `size` long that keeps the highlighted row (and its group header) in view. */
function visibleWindow(lines: readonly TableLine[], highlightedId: string | undefined, size: number): readonly TableLine[] {
	if (lines.length <= size) return lines;
	const at = lines.findIndex(line => line.type === 'model' && line.model.id === highlightedId);
	const start = Math.min(Math.max(0, at - Math.floor(size / 2)), lines.length - size);
	return lines.slice(start, start + size);
}
