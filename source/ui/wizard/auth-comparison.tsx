import {Box, Text} from 'ink';
import {useTheme} from '../components/theme.js';

/** The seed's "OAuth vs API Key Comparison", row for row. */
const AUTH_COMPARISON: ReadonlyArray<readonly [feature: string, oauth: string, apiKey: string]> = [
	['Cost', 'Free tier', 'Paid usage'],
	['Setup', 'Browser login', 'Copy API key'],
	['Endpoint', 'portal.qwen.ai', 'dashscope-intl/cn.aliyuncs.com'],
	['Models', '2 (coder, vision)', '9+ verified models'],
	['Rate limits', 'Free tier limits', 'Based on plan'],
	['Best for', 'Personal/testing', 'Production/commercial'],
];

export function AuthComparison() {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Box>
				<Box width={14}>
					<Text> </Text>
				</Box>
				<Box width={20}>
					<Text bold>OAuth</Text>
				</Box>
				<Text bold>API Key</Text>
			</Box>
			{AUTH_COMPARISON.map(([feature, oauth, apiKey]) => (
				<Box key={feature}>
					<Box width={14}>
						<Text color={theme.muted}>{feature}</Text>
					</Box>
					<Box width={20}>
						<Text>{oauth}</Text>
					</Box>
					<Text wrap="truncate-end">{apiKey}</Text>
				</Box>
			))}
		</Box>
	);
}
