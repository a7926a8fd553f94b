import {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import {useTheme} from './theme.js';

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
	readonly onHighlight?: (value: Value) => void;
	readonly isActive?: boolean;
};

/** A vertical list of choices: ↑↓ or j/k move, 1–9 jump, Enter chooses. */
export function SelectList<Value extends string>({
	items,
	initialValue,
	onSelect,
	onHighlight,
	isActive = true,
}: SelectListProps<Value>) {
	const theme = useTheme();
	const [index, setIndex] = useState(() => Math.max(0, items.findIndex(item => item.value === initialValue)));

	const highlight = (next: number) => {
		const wrapped = (next + items.length) % items.length;
		setIndex(wrapped);
		const item = items[wrapped];
		if (item) onHighlight?.(item.value);
	};

	useInput(
		(input, key) => {
			if (key.upArrow || input === 'k') {
				highlight(index - 1);
			} else if (key.downArrow || input === 'j') {
				highlight(index + 1);
			} else if (key.return) {
				const item = items[index];
				if (item) onSelect(item.value);
			} else if (/^[1-9]$/.test(input) && Number(input) <= items.length) {
				highlight(Number(input) - 1);
			}
		},
		{isActive},
	);

	return (
		<Box flexDirection="column">
			{items.map((item, itemIndex) => {
				const selected = itemIndex === index;
				return (
					<Box key={item.value} flexDirection="column">
						<Text color={selected ? theme.accent : undefined} bold={selected} wrap="truncate-end">
							{selected ? '❯ ' : '  '}
							{item.label}
						</Text>
						{item.description ? (
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
