import {useMemo, useState} from 'react';
import {Box, Text, useInput} from 'ink';
import type {ModelInfo} from '../../core/models.js';
import type {RegionId} from '../../core/regions.js';
import {
	availabilityOf,
	cellText,
	COLUMN_GAP,
	CURSOR_WIDTH,
	detailLine,
	fitColumns,
	LEGACY_MARK,
	NOT_LISTED_MARK,
	RETIRED_MARK,
	selectableModels,
	stars,
	tableLines,
	type Column,
	type TableLine,
} from './model-table.js';
import {useTheme} from './theme.js';

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

/** Lines around the table: filter, column header, two detail lines, legend. */
const CHROME_ROWS = 5;

/**
 * The registry as a table grouped Coding / General / Vision. ↑↓ or j/k move,
 * typing filters, Enter picks, Esc clears the filter and then cancels.
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
	const [filter, setFilter] = useState('');
	const [highlightedId, setHighlightedId] = useState(initialId);
	const [notice, setNotice] = useState<string | undefined>();

	const lines = useMemo(() => tableLines(models, filter), [models, filter]);
	const rows = useMemo(() => selectableModels(lines), [lines]);
	const columns = useMemo(() => fitColumns(width), [width]);

	// The highlight stays on its model while the filter allows, else the first match.
	const highlightedIndex = Math.max(0, rows.findIndex(model => model.id === highlightedId));
	const highlighted = rows[highlightedIndex];

	const moveTo = (index: number) => {
		const model = rows[Math.min(Math.max(index, 0), rows.length - 1)];
		if (!model) return;
		setHighlightedId(model.id);
		setNotice(undefined);
		onHighlight?.(model.id);
	};

	useInput(
		(input, key) => {
			if (key.upArrow || (input === 'k' && !key.ctrl)) {
				moveTo(highlightedIndex - 1);
			} else if (key.downArrow || (input === 'j' && !key.ctrl)) {
				moveTo(highlightedIndex + 1);
			} else if (key.pageUp || key.home) {
				moveTo(0);
			} else if (key.pageDown || key.end) {
				moveTo(rows.length - 1);
			} else if (key.return) {
				if (!highlighted) return;
				const availability = availabilityOf(highlighted, regionModelIds);
				if (availability.kind === 'retired') {
					setNotice(`${highlighted.id} cannot be picked: ${availability.note}`);
					return;
				}

				onPick(highlighted.id);
			} else if (key.escape) {
				if (filter === '') onCancel();
				else setFilter('');
			} else if (key.backspace || key.delete) {
				setFilter(filter.slice(0, -1));
			} else if (!key.ctrl && !key.meta && !key.tab && /^[\w .:-]+$/.test(input)) {
				setFilter(filter + input);
			}
		},
		{isActive},
	);

	const tableRows = Math.max(3, height - CHROME_ROWS);
	const visible = visibleWindow(lines, highlighted?.id, tableRows);
	const availability = highlighted ? availabilityOf(highlighted, regionModelIds) : undefined;

	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text color={theme.muted}>Filter: </Text>
				{filter === '' ? <Text color={theme.muted}>type to filter</Text> : <Text bold>{filter}</Text>}
				{filter !== '' && rows.length === 0 ? <Text color={theme.warning}> · no model matches</Text> : undefined}
			</Text>
			<Box>
				<Box width={CURSOR_WIDTH} flexShrink={0} />
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
				<Text wrap="truncate-end" color={theme.muted}>
					{highlighted ? detailLine(highlighted, regionId) : ' '}
				</Text>
				<Text
					wrap="truncate-end"
					color={notice || availability?.kind === 'retired' ? theme.danger : theme.warning}
				>
					{notice ?? (availability && availability.kind !== 'ok' ? `${availability.mark} ${availability.note}` : ' ')}
				</Text>
				<Text wrap="truncate-end" color={theme.muted}>
					{RETIRED_MARK} retired · {regionModelIds ? `${NOT_LISTED_MARK} not listed by your region · ` : ''}
					{LEGACY_MARK} legacy
				</Text>
			</Box>
		</Box>
	);
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
			<Box width={CURSOR_WIDTH} flexShrink={0}>
				<Text color={color} bold={isHighlighted}>
					{isHighlighted ? '❯' : ' '}
					{availability.kind === 'ok' ? ' ' : availability.mark}
				</Text>
			</Box>
			{columns.map((column, index) => (
				<Box key={column.key} width={column.width} flexShrink={0} marginLeft={index === 0 ? 0 : COLUMN_GAP}>
					{column.key === 'bestFor' ? (
						<Text color={color} bold={isHighlighted} dimColor={dim} wrap="truncate-end">
							<Text color={isDimmed || isHighlighted ? color : theme.warning}>{stars(model.stars).padEnd(5)}</Text>{' '}
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
