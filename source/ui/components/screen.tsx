import {type ReactNode} from 'react';
import {Box, useWindowSize} from 'ink';
import {Header, type HeaderProps} from './header.js';
import {KeyHints, type KeyHint} from './key-hints.js';
import {useTheme} from './theme.js';

export type ScreenProps = HeaderProps & {
	readonly hints: readonly KeyHint[];
	readonly children: ReactNode;
};

/**
 * A full-terminal page: header on top, key hints at the bottom, the body in
 * between. Sized from the window so it follows resizes.
 */
export function Screen({hints, children, ...header}: ScreenProps) {
	const {columns, rows} = useWindowSize();
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={columns} height={rows} paddingX={1}>
			<Box borderStyle="single" borderTop={false} borderLeft={false} borderRight={false} borderColor={theme.muted}>
				<Header {...header} />
			</Box>
			<Box flexDirection="column" flexGrow={1} overflow="hidden" paddingTop={1}>
				{children}
			</Box>
			<KeyHints hints={hints} />
		</Box>
	);
}

/** The body's width inside a Screen, for components that lay out columns. */
export function useBodyWidth(): number {
	return Math.max(20, useWindowSize().columns - 2);
}

/** Rows left for a screen's body after header (2), its gap (1) and footer (1). */
export function useBodyHeight(): number {
	return Math.max(6, useWindowSize().rows - 4);
}
