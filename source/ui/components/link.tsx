import {Text} from 'ink';
import stringWidth from 'string-width';
import terminalLink from 'terminal-link';
import {useTheme} from './theme.js';

export type LinkProps = {
	/** Where the link leads. */
	readonly url: string;
	/** The URL to show, when another one than `url` (a shorter page that leads to the same place). */
	readonly text?: string;
	/** Shown instead of the URL where the terminal makes links clickable. */
	readonly label?: string;
	/** Columns the link's row has. */
	readonly width: number;
};

/**
 * A link on a row of its own. Where the terminal supports OSC 8 hyperlinks
 * it is clickable and its target is always the whole URL. Elsewhere the URL
 * itself is shown, never broken over two rows (a broken URL cannot be copied):
 * without its "https://" when that is what it takes to fit, cut at the end
 * only when even that does not fit.
 */
export function Link({url, text = url, label, width}: LinkProps) {
	const theme = useTheme();
	const hyperlinks = terminalLink.isSupported;
	const shown = linkText(hyperlinks && label ? label : text, width);
	return (
		<Text color={theme.accent} underline={Boolean(theme.accent)} wrap="truncate-end">
			{hyperlinks ? terminalLink(shown, url) : shown}
		</Text>
	);
}

/** The longest form of `text` that fits `width`: whole, without its scheme (and "www."), or cut with "…". */
export function linkText(text: string, width: number): string {
	const whole = wholeLinkText(text, width);
	if (whole !== undefined) return whole;
	const bare = text.replace(/^https?:\/\//, '');
	let cut = '';
	for (const character of bare) {
		if (stringWidth(cut + character) > width - 1) break;
		cut += character;
	}

	return `${cut}…`;
}

/** The URL as it fits `width` whole (pasted into a browser it still works), or undefined when it cannot. */
export function wholeLinkText(url: string, width: number): string | undefined {
	const bare = url.replace(/^https?:\/\//, '');
	return [url, bare, bare.replace(/^www\./, '')].find(candidate => stringWidth(candidate) <= width);
}
