import {Text, useInput} from 'ink';
import {useTheme} from '../../components/theme.js';

export type ConfirmLineProps = {
	readonly question: string;
	/** Enter or y answers yes; n or Esc answers no. */
	readonly onAnswer: (yes: boolean) => void;
};

export function ConfirmLine({question, onAnswer}: ConfirmLineProps) {
	const theme = useTheme();
	useInput((input, key) => {
		if (key.return || input.toLowerCase() === 'y') onAnswer(true);
		else if (key.escape || input.toLowerCase() === 'n') onAnswer(false);
	});

	return (
		<Text wrap="wrap">
			<Text color={theme.warning}>? </Text>
			{question} <Text bold>[Y/n]</Text>
		</Text>
	);
}
