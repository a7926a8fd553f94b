import {Text} from 'ink';
import terminalLink from 'terminal-link';
import {useTheme} from './theme.js';

/**
 * A clickable link where the terminal supports OSC 8 hyperlinks; elsewhere the
 * plain URL, so it can still be copied.
 */
export function Link({url, label}: {readonly url: string; readonly label?: string}) {
	const theme = useTheme();
	const text = terminalLink.isSupported && label ? terminalLink(label, url) : url;
	return (
		<Text color={theme.accent} underline={Boolean(theme.accent)}>
			{text}
		</Text>
	);
}
