/**
 * Colours for every screen, switched off as a whole by the one rule in
 * core/style.ts (NO_COLOR, FORCE_COLOR=0, TERM=dumb). chalk (and so Ink) does
 * not read NO_COLOR itself, so components ask the theme instead of naming colours.
 */
import {createContext, useContext, type ReactNode} from 'react';
import type {Env} from '../../core/env.js';
import {wantsColor as colourOn} from '../../core/style.js';

export type Theme = {
	readonly accent?: string;
	readonly success?: string;
	readonly warning?: string;
	readonly danger?: string;
	readonly muted?: string;
};

const COLOR_THEME: Theme = {
	accent: 'cyan',
	success: 'green',
	warning: 'yellow',
	danger: 'red',
	muted: 'gray',
};

const PLAIN_THEME: Theme = {};

/** Whether a screen on `stream` draws in colour: core/style.ts's rule, the same as every command's. */
export function wantsColor(env: Env, stream: {readonly isTTY?: boolean}): boolean {
	return colourOn(env, stream);
}

export function themeFor(env: Env, stream: {readonly isTTY?: boolean}): Theme {
	return wantsColor(env, stream) ? COLOR_THEME : PLAIN_THEME;
}

const ThemeContext = createContext<Theme>(COLOR_THEME);

export function ThemeProvider({theme, children}: {readonly theme: Theme; readonly children: ReactNode}) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
