import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {useTheme} from './theme.js';

export type HeaderProps = {
	readonly app: string;
	readonly title: string;
	/** "Step 2 of 5"; left out on screens outside the count. */
	readonly step?: {readonly number: number; readonly total: number};
};

/** The app's name on the left, where the user is on the right; one row at any width. */
export function Header({app, title, step, width}: HeaderProps & {readonly width: number}) {
	const theme = useTheme();
	const fitted = fitHeader({app, title, step}, width);
	return (
		<Box justifyContent="space-between" flexGrow={1} height={1}>
			<Text bold color={theme.accent} wrap="truncate-end">
				{fitted.app}
			</Text>
			<Text wrap="truncate-end">
				{fitted.step ? <Text color={theme.muted}>{fitted.step}</Text> : undefined}
				<Text bold>{title}</Text>
			</Text>
		</Box>
	);
}

/** Space between the two sides. */
const GAP = 2;

/**
 * The longest header that fits: the title always; then the step count, long
 * ("Step 2 of 5 · ") or short ("2/5 · "); then the app's name, whole or its
 * first part ("openclaw").
 */
export function fitHeader({app, title, step}: HeaderProps, width: number): {app: string; step: string} {
	const steps = step ? [`Step ${step.number} of ${step.total} · `, `${step.number}/${step.total} · `, ''] : [''];
	const apps = [app, app.split(' · ')[0] ?? app, ''];
	for (const stepText of steps) {
		for (const appText of apps) {
			const used = stringWidth(appText) + (appText ? GAP : 0) + stringWidth(stepText) + stringWidth(title);
			if (used <= width) return {app: appText, step: stepText};
		}
	}

	return {app: '', step: ''};
}
