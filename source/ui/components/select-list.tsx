import {Box, Text} from 'ink';
import {eachKey, type KeyPress} from '../keys/each-key.js';
import {useLatestReducer} from '../keys/use-latest-reducer.js';
import {useTheme} from './theme.js';
import {useKeys} from './use-keys.js';

export type SelectItem<Value extends string> = {
	readonly value: Value;
	readonly label: string;
	/** A dimmer line under the label. */
	readonly description?: string;
};

export type SelectListProps<Value extends string> = {
	readonly items: ReadonlyArray<SelectItem<Value>>;
	readonly initialValue?: Value;
	readonly onSelect: (value: Value) => void;
	readonly isActive?: boolean;
	/**
	 * Rows the list may use. Descriptions go first when they do not fit; then
	 * the labels scroll, keeping the highlighted one in view.
	 */
	readonly maxRows?: number;
};

/** A vertical list of choices: ↑↓ or j/k move, 1–9 jump, Enter chooses. */
export function SelectList<Value extends string>({items, initialValue, onSelect, isActive = true, maxRows}: SelectListProps<Value>) {
	const theme = useTheme();
	const [highlight, move, latest] = useLatestReducer(moveReducer, () => ({
		index: Math.max(0, items.findIndex(item => item.value === initialValue)),
		count: items.length,
	}));

	useKeys(
		(input, key) => {
			// Each key starts where the one before it left the highlight, however many came at once.
			for (const press of eachKey(input, key, {text: 'characters'})) {
				if (press.key.return) {
					const item = items[latest().index];
					if (item) onSelect(item.value);
				} else {
					move(press);
				}
			}
		},
		{isActive},
	);

	const rows = maxRows ?? Number.POSITIVE_INFINITY;
	const showDescriptions = listHeight(items, true) <= rows;
	const visible = visibleRange(items.length, highlight.index, Math.max(1, rows));

	return (
		<Box flexDirection="column" flexShrink={0}>
			{items.slice(visible.start, visible.end).map((item, offset) => {
				const selected = visible.start + offset === highlight.index;
				return (
					<Box key={item.value} flexDirection="column" flexShrink={0}>
						<Text color={selected ? theme.accent : undefined} bold={selected} wrap="truncate-end">
							{selected ? '❯ ' : '  '}
							{item.label}
						</Text>
						{showDescriptions && item.description ? (
							<Text color={theme.muted} dimColor={!theme.muted} wrap="truncate-end">
								{'    '}
								{item.description}
							</Text>
						) : undefined}
					</Box>
				);
			})}
		</Box>
	);
}

/** Rows the list takes with or without its descriptions. */
export function listHeight(items: ReadonlyArray<SelectItem<string>>, withDescriptions: boolean): number {
	return items.length + (withDescriptions ? items.filter(item => item.description).length : 0);
}

type Highlight = {readonly index: number; readonly count: number};

/** ↑/k and ↓/j move round the list; 1–9 jump to that item. */
function moveReducer(state: Highlight, {input, key}: KeyPress): Highlight {
	const {index, count} = state;
	let next = index;
	if (key.upArrow || (input === 'k' && !key.ctrl && !key.meta)) next = index - 1;
	else if (key.downArrow || (input === 'j' && !key.ctrl && !key.meta)) next = index + 1;
	else if (/^[1-9]$/.test(input) && !key.ctrl && !key.meta && Number(input) <= count) next = Number(input) - 1;
	next = count === 0 ? 0 : (next + count) % count;
	return next === index ? state : {index: next, count};
}

/** The items to draw when only `rows` labels fit: a window that keeps `index` in it. */
function visibleRange(count: number, index: number, rows: number): {start: number; end: number} {
	if (count <= rows) return {start: 0, end: count};
	const start = Math.min(Math.max(0, index - Math.floor(rows / 2)), count - rows);
	return {start, end: start + rows};
}
