import {Box, Text} from 'ink';
import {useTheme} from '../components/theme.js';
import {renderMarkdown} from './render-markdown.js';
import {COMMAND_HELP} from './slash-commands.js';
import type {Entry} from './transcript.js';
import {ErrorNotice} from './error-notice.js';
import {PANE_KEYS} from './keys.js';

export type TranscriptEntryProps = {
	readonly entry: Entry;
	readonly width: number;
	readonly color: boolean;
};

/**
 * One finished piece of the transcript, as it is written to scrollback. Ink lays
 * <Static> out in an absolute box with no width of its own, so each entry takes
 * the pane's width here; without it, text runs past the edge and the terminal
 * breaks it mid-word.
 */
export function TranscriptEntry(props: TranscriptEntryProps) {
	return (
		<Box width={props.width} flexDirection="column">
			<EntryBody {...props} />
		</Box>
	);
}

function EntryBody({entry, width, color}: TranscriptEntryProps) {
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
					<Box>
						<Text bold color={theme.accent}>
							{'› '}
						</Text>
						<Text bold>{entry.text}</Text>
					</Box>
				</Box>
			);

		case 'reasoning':
			return (
				<Box marginTop={1} flexDirection="column">
					{entry.collapsed ? (
						<Text dimColor color={theme.muted}>
							▸ Thought: {countWords(entry.text)} words (Ctrl+O shows them)
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

		case 'answer':
			return (
				<Box marginTop={1}>
					<Text>{renderMarkdown(entry.markdown, {width, color})}</Text>
				</Box>
			);

		case 'interrupted':
			return <Text color={theme.warning}>⏹ Interrupted: the answer above is partial.</Text>;

		case 'error':
			return <ErrorNotice error={entry.error} />;

		case 'notice':
			return (
				<Box marginTop={1}>
					<Text color={entry.tone === 'warning' ? theme.warning : entry.tone === 'success' ? theme.success : theme.muted}>
						{entry.text}
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

function HelpList() {
	const usageWidth = Math.max(...COMMAND_HELP.map(command => command.usage.length), ...PANE_KEYS.map(key => key.keys.length)) + 2;
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>Commands</Text>
			{COMMAND_HELP.map(command => (
				<HelpRow key={command.usage} name={command.usage} text={command.description} nameWidth={usageWidth} />
			))}
			<Text bold>Keys</Text>
			{PANE_KEYS.map(key => (
				<HelpRow key={key.keys} name={key.keys} text={key.action} nameWidth={usageWidth} />
			))}
		</Box>
	);
}

/** A name column and a description that wraps under itself, not under the name. */
function HelpRow({name, text, nameWidth}: {name: string; text: string; nameWidth: number}) {
	const theme = useTheme();
	return (
		<Box>
			<Box width={nameWidth} flexShrink={0}>
				<Text color={theme.accent}>{name}</Text>
			</Box>
			<Text>{text}</Text>
		</Box>
	);
}

function countWords(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}
