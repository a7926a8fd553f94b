/**
 * Colours for every screen, switched off as a whole under NO_COLOR. chalk (and
 * so Ink) does not read NO_COLOR itself, so components ask the theme instead of
 * naming colours.
 */
import {createContext, useContext, type ReactNode} from 'react';
import type {Env} from '../../core/env.js';

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

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function wantsColor(env: Env): boolean {
	return !env['NO_COLOR'];
}

export function themeFor(env: Env): Theme {
	return wantsColor(env) ? COLOR_THEME : PLAIN_THEME;
}

const ThemeContext = createContext<Theme>(COLOR_THEME);

export function ThemeProvider({theme, children}: {readonly theme: Theme; readonly children: ReactNode}) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
