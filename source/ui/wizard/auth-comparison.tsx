import {Box, Text} from 'ink';
import {useTheme} from '../components/theme.js';

/** OpenClaw's "OAuth vs API Key" comparison, row for row. */
const AUTH_COMPARISON: ReadonlyArray<readonly [feature: string, oauth: string, apiKey: string]> = [
	['Cost', 'Free tier', 'Paid usage'],
	['Setup', 'Browser login', 'Copy API key'],
	['Endpoint', 'portal.qwen.ai', 'dashscope-intl/cn.aliyuncs.com'],
	['Models', '2 (coder, vision)', '9+ verified models'],
	['Rate limits', 'Free tier limits', 'Based on plan'],
	['Best for', 'Personal/testing', 'Production/commercial'],
];

/** The column headings and one row per feature. */
export const AUTH_COMPARISON_ROWS = 1 + AUTH_COMPARISON.length;

const FEATURE_WIDTH = 14;
const OAUTH_WIDTH = 20;

export function AuthComparison({width}: {readonly width: number}) {
	const theme = useTheme();
	// Narrower than the table's natural width, the two answer columns share what is left.
	const feature = Math.min(FEATURE_WIDTH, Math.floor(width / 3));
	const oauth = Math.min(OAUTH_WIDTH, Math.floor((width - feature) / 2));
	const cell = (columns: number, text: string, color?: string, bold?: boolean) => (
		<Box width={columns} flexShrink={0} paddingRight={1}>
			<Text color={color} bold={bold} wrap="truncate-end">
				{text}
			</Text>
		</Box>
	);
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Box>
				{cell(feature, ' ')}
				{cell(oauth, 'OAuth', undefined, true)}
				{cell(width - feature - oauth, 'API Key', undefined, true)}
			</Box>
			{AUTH_COMPARISON.map(([name, oauthValue, apiKey]) => (
				<Box key={name}>
					{cell(feature, name, theme.muted)}
					{cell(oauth, oauthValue)}
					{cell(width - feature - oauth, apiKey)}
				</Box>
			))}
		</Box>
	);
}
