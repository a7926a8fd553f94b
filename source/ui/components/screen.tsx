import {type ReactNode} from 'react';
import {Box, useWindowSize} from 'ink';
import {Header, type HeaderProps} from './header.js';
import {KeyHints, type KeyHint} from './key-hints.js';
import {Paragraph} from './paragraph.js';
import {screenLayout, MIN_COLUMNS, MIN_ROWS, type ScreenLayout} from './screen-layout.js';
import {useTheme} from './theme.js';

export type ScreenProps = HeaderProps & {
	readonly hints: readonly KeyHint[];
	readonly children: ReactNode;
};

/**
 * A full-terminal page: header on top, key hints at the bottom, the body in
 * between, sized from the window so it follows resizes. The body never
 * squeezes its content (squeezed text is drawn over its neighbours); what does
 * not fit is cut at the bottom, so screens put what matters first or leave
 * out what does not fit (fit-blocks.ts). Below the smallest size that works,
 * one line asks for a larger window; the screen stays mounted behind it and
 * keeps its state.
 */
export function Screen({hints, children, ...header}: ScreenProps) {
	const {columns, rows} = useWindowSize();
	const theme = useTheme();
	const layout = screenLayout(columns, rows, hints);
	if (!layout.fits) {
		return (
			<Box flexDirection="column" width={columns} height={rows}>
				<Paragraph width={columns} maxRows={rows}>{`Enlarge the window to at least ${MIN_COLUMNS}x${MIN_ROWS}.`}</Paragraph>
				<Box display="none">{children}</Box>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={columns} height={rows} paddingX={1}>
			<Box borderStyle="single" borderTop={false} borderLeft={false} borderRight={false} borderColor={theme.muted} flexShrink={0}>
				<Header {...header} width={layout.bodyWidth} />
			</Box>
			<Box flexDirection="column" height={layout.bodyHeight} marginTop={layout.gap ? 1 : 0} overflow="hidden" flexShrink={0}>
				<Box flexDirection="column" flexShrink={0}>
					{children}
				</Box>
			</Box>
			<Box flexGrow={1} />
			<KeyHints hints={hints} width={layout.bodyWidth} />
		</Box>
	);
}

/** The screen's body size and whether the window is large enough, for screens that fit their content to it. */
export function useScreenLayout(hints: readonly KeyHint[]): ScreenLayout {
	const {columns, rows} = useWindowSize();
	return screenLayout(columns, rows, hints);
}
