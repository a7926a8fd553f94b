import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';
import {graphemes} from '../../components/graphemes.js';
import type {EditorState} from '../../components/line-editor.js';
import {layoutPrompt, PROMPT_PREFIX_WIDTH} from './prompt-layout.js';

export type PromptInputProps = {
	readonly editor: EditorState;
	readonly width: number;
	readonly maxRows: number;
	readonly placeholder: string;
	/** Dimmed while an answer streams; typing ahead still works. */
	readonly isBusy: boolean;
};

/** The prompt: one row per line of text, the cursor drawn as an inverse cell. */
export function PromptInput({editor, width, maxRows, placeholder, isBusy}: PromptInputProps) {
	const theme = useTheme();
	const layout = layoutPrompt(editor.text, editor.cursor, {width: width - PROMPT_PREFIX_WIDTH - 1, maxRows});
	const prefixColor = isBusy ? theme.muted : theme.accent;

	if (editor.text === '') {
		return (
			<Box>
				<Text bold color={prefixColor}>
					{'› '}
				</Text>
				<Text inverse> </Text>
				<Text color={theme.muted} wrap="truncate-end">
					{placeholder}
				</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			{layout.hiddenAbove > 0 ? <Text color={theme.muted}>  ↑ {layout.hiddenAbove} more lines</Text> : undefined}
			{layout.rows.map((row, index) => (
				<Box key={index}>
					<Text bold color={prefixColor}>
						{index === 0 && layout.hiddenAbove === 0 ? '› ' : '  '}
					</Text>
					{row.cursor === undefined ? (
						<Text>{row.text}</Text>
					) : (
						<CursorRow text={row.text} cursor={row.cursor} />
					)}
				</Box>
			))}
			{layout.hiddenBelow > 0 ? <Text color={theme.muted}>  ↓ {layout.hiddenBelow} more lines</Text> : undefined}
		</Box>
	);
}

/** The row with the character under the cursor (a whole emoji or CJK cell) drawn inverse. */
function CursorRow({text, cursor}: {text: string; cursor: number}) {
	const before = text.slice(0, cursor);
	const rest = text.slice(cursor);
	const under = graphemes(rest).next().value ?? '';
	return (
		<Text>
			{before}
			<Text inverse>{under || ' '}</Text>
			{rest.slice(under.length)}
		</Text>
	);
}
