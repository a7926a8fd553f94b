/**
 * Screens take their colours from the theme, which follows the same rule as
 * every command (core/style.ts): NO_COLOR, FORCE_COLOR=0 and TERM=dumb each
 * leave the frames without colour codes.
 */
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {expect, it, vi} from 'vitest';

// chalk decides its colour level on import; force colour so the theme has something to switch off.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

const {Header} = await import('../../../source/ui/components/header.js');
const {ThemeProvider, themeFor, useTheme} = await import('../../../source/ui/components/theme.js');

const COLOR = /\u001B\[(?:3\d|9\d|4\d)(?:;\d+)*m/;

function Warning() {
	const theme = useTheme();
	return <Text color={theme.warning}>careful</Text>;
}

function frameWith(env: Record<string, string>): string {
	const app = render(
		<ThemeProvider theme={themeFor(env, {isTTY: true})}>
			<Header app="openclaw" title="Set up Qwen" step={{number: 1, total: 3}} width={60} />
			<Warning />
		</ThemeProvider>,
	);
	const frame = app.lastFrame() ?? '';
	app.unmount();
	return frame;
}

it('draws in colour on a terminal with nothing against it', () => {
	expect(COLOR.test(frameWith({}))).toBe(true);
});

it.each([
	['NO_COLOR=1', {NO_COLOR: '1'}],
	['FORCE_COLOR=0', {FORCE_COLOR: '0'}],
	['TERM=dumb', {TERM: 'dumb'}],
])('%s: no colour codes in the frame', (_name, env) => {
	const frame = frameWith(env);
	expect(frame).toContain('careful');
	expect(COLOR.test(frame)).toBe(false);
});
