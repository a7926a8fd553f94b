import {Box, Text} from 'ink';
import {outputLimitNote} from '../../../core/messages.js';
import {wrapWords} from '../../../core/text/wrap.js';
import {useTheme} from '../../components/theme.js';
import {HelpList} from '../slash-commands/help-list.js';
import {countWords} from './count-words.js';
import {ErrorNotice} from './error-notice.js';
import {ECHO_PREFIX, echoRows} from './prompt-echo.js';
import type {WholeEntry} from './static-feed.js';

export type TranscriptEntryProps = {
	readonly entry: WholeEntry;
	readonly width: number;
};

/**
 * One finished piece of the transcript, as it is written to scrollback. Ink lays
 * <Static> out in an absolute box with no width of its own, so each entry takes
 * the pane's width here; without it, text runs past the edge and the terminal
 * breaks it mid-word.
 */
export function TranscriptEntry({entry, width}: TranscriptEntryProps) {
	return (
		<Box width={width} flexDirection="column">
			<EntryBody entry={entry} width={width} />
		</Box>
	);
}

function EntryBody({entry, width}: TranscriptEntryProps) {
	const theme = useTheme();
	switch (entry.kind) {
		case 'user':
			return (
				<Box flexDirection="column" marginTop={1}>
					{entry.images.map(path => (
						<Text key={path} color={theme.muted}>
							[image] {path}
						</Text>
					))}
					{echoRows(entry.text, width).map((row, index) => (
						<Text key={index} bold>
							{index === 0 ? <Text color={theme.accent}>{ECHO_PREFIX}</Text> : undefined}
							{index === 0 ? row.slice(ECHO_PREFIX.length) : row}
						</Text>
					))}
				</Box>
			);

		case 'reasoning':
			return (
				<Box marginTop={1} flexDirection="column">
					{entry.collapsed ? (
						<Text dimColor color={theme.muted}>
							▸ Thought: {countWords(entry.text)} words (Ctrl+O shows the next ones in full)
						</Text>
					) : (
						<>
							<Text dimColor color={theme.muted}>
								▾ Thinking
							</Text>
							<Text dimColor italic color={theme.muted}>
								{entry.text.trim()}
							</Text>
						</>
					)}
				</Box>
			);

		case 'interrupted':
			return <Text color={theme.warning}>⏹ Interrupted: the answer above is partial.</Text>;

		case 'cut-off':
			return <Text color={theme.warning}>{wrapWords(`⏹ The answer above ${outputLimitNote(entry.tokens)}: it is cut short. /continue asks for the rest.`, width).join('\n')}</Text>;

		case 'error':
			return <ErrorNotice error={entry.error} />;

		case 'notice':
			return (
				<Box marginTop={1}>
					<Text color={entry.tone === 'warning' ? theme.warning : entry.tone === 'success' ? theme.success : theme.muted}>
						{/* Wrapped here, between words: Ink's own wrapping starts some rows with a space. */}
						{wrapWords(entry.text, width).join('\n')}
					</Text>
				</Box>
			);

		case 'help':
			return <HelpList />;
	}
}

/** Rendered lines of a finished answer, written to scrollback as they are. */
export function AnswerSlice({text, first}: {readonly text: string; readonly first: boolean}) {
	return (
		<Box marginTop={first ? 1 : 0}>
			<Text>{text}</Text>
		</Box>
	);
}
