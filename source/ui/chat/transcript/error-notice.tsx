import {Box, Text} from 'ink';
import type {ClassifiedError} from '../../../core/errors.js';
import {useTheme} from '../../components/theme.js';

/** A failed request as the core classified it, with what to do next. */
export function ErrorNotice({error}: {readonly error: ClassifiedError}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text color={theme.danger}>
				<Text bold>✗ {error.title}</Text>
				{error.status ? ` (HTTP ${error.status})` : ''}: {error.message}
			</Text>
			<Text>
				<Text color={theme.muted}>→ </Text>
				{error.nextStep}
			</Text>
			{error.requestId ? <Text color={theme.muted}>request id {error.requestId}</Text> : undefined}
		</Box>
	);
}
