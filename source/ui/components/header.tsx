import {Box, Text} from 'ink';
import {useTheme} from './theme.js';

export type HeaderProps = {
	readonly app: string;
	readonly title: string;
	/** "Step 2 of 5"; left out on screens outside the count. */
	readonly step?: {readonly number: number; readonly total: number};
};

export function Header({app, title, step}: HeaderProps) {
	const theme = useTheme();
	return (
		<Box justifyContent="space-between" flexGrow={1}>
			<Text bold color={theme.accent}>
				{app}
			</Text>
			<Text wrap="truncate-start">
				{step ? (
					<Text color={theme.muted}>
						Step {step.number} of {step.total} ·{' '}
					</Text>
				) : undefined}
				<Text bold>{title}</Text>
			</Text>
		</Box>
	);
}
