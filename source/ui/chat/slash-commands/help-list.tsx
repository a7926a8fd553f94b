import {Box, Text} from 'ink';
import {useTheme} from '../../components/theme.js';
import {PANE_KEYS} from './pane-keys.js';
import {SLASH_COMMANDS} from './registry.js';

/** What /help writes: every command, then every key. */
export function HelpList() {
	const usageWidth = Math.max(...SLASH_COMMANDS.map(command => command.usage.length), ...PANE_KEYS.map(key => key.keys.length)) + 2;
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold>Commands</Text>
			{SLASH_COMMANDS.map(command => (
				<HelpRow key={command.name} name={command.usage} text={command.description} nameWidth={usageWidth} />
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
