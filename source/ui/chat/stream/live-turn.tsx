import {useMemo} from 'react';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useTheme} from '../../components/theme.js';
import type {RenderMarkdown} from '../markdown/markdown-renderer.js';
import {countWords} from '../transcript/count-words.js';
import {livePreview} from './live-preview.js';
import type {LiveTurn as LiveTurnState} from '../transcript/transcript-state.js';

export type LiveTurnProps = {
	readonly turn: LiveTurnState;
	/** Rows this view may take; the frame must stay shorter than the terminal. */
	readonly rows: number;
	readonly width: number;
	readonly color: boolean;
	readonly reasoningCollapsed: boolean;
	/** The number its first code block gets on screen. */
	readonly firstCodeLabel?: number;
	/** undefined until it has loaded (markdown-renderer.ts). */
	readonly renderMarkdown: RenderMarkdown | undefined;
};

const expandedReasoningRows = 4;

/** The answer being streamed: the only part of the transcript that is redrawn. */
export function LiveTurn({turn, rows, width, color, reasoningCollapsed, firstCodeLabel, renderMarkdown}: LiveTurnProps) {
	const theme = useTheme();
	const {reasoning} = turn.exchange;
	// The reasoning stays here, where Ctrl+O opens and closes it, until the answer's first block goes to scrollback.
	const showsReasoning = !turn.reasoningDone && reasoning !== '';
	const answering = turn.exchange.answer !== '';
	const reasoningRows = showsReasoning ? 1 + (reasoningCollapsed ? 0 : expandedReasoningRows) : 0;
	const answerRows = Math.max(1, rows - 1 - reasoningRows);
	const preview = useMemo(
		() => livePreview(turn.liveAnswer, {rows: answerRows, width, color, renderMarkdown, ...(firstCodeLabel === undefined ? {} : {firstCodeLabel})}),
		[turn.liveAnswer, answerRows, width, color, firstCodeLabel, renderMarkdown],
	);
	// Counted once: the reasoning is done when the answer starts, and the answer redraws many times a second.
	const thoughtWords = useMemo(() => (answering ? countWords(reasoning) : 0), [answering, reasoning]);

	if (turn.firstTokenAt === undefined) {
		return (
			<Box marginTop={1}>
				<Text color={theme.accent}>
					<Spinner type="dots" />
				</Text>
				<Text color={theme.muted}> Waiting for {turn.exchange.model}…</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" marginTop={1}>
			{showsReasoning ? (
				<>
					<Text dimColor color={theme.muted} wrap="truncate-end">
						{reasoningHeader(reasoning, answering ? thoughtWords : undefined, reasoningCollapsed)}
					</Text>
					{reasoningCollapsed
						? undefined
						: tail(reasoning, expandedReasoningRows, width).map((line, index) => (
								<Text key={index} dimColor italic color={theme.muted} wrap="truncate-end">
									{line}
								</Text>
							))}
				</>
			) : undefined}
			{preview.clipped ? (
				<Text color={theme.muted} wrap="truncate-end">
					⋮ (this block is shown in full once it is complete)
				</Text>
			) : undefined}
			{preview.lines.map((line, index) => (
				<Text key={index} wrap="truncate-end">
					{line === '' ? ' ' : line}
				</Text>
			))}
		</Box>
	);
}

/** `words`: how many the thinking took, once the answer has started; undefined while it goes on. */
function reasoningHeader(reasoning: string, words: number | undefined, collapsed: boolean): string {
	const size = words === undefined ? `Thinking… ${reasoning.length} characters` : `Thought: ${words} words`;
	return `${collapsed ? '▸' : '▾'} ${size} (Ctrl+O ${collapsed ? 'shows' : 'hides'} them)`;
}

function tail(text: string, rows: number, width: number): string[] {
	const lines = text.slice(-rows * width * 2).trimEnd().split('\n');
	return lines.slice(-rows);
}
