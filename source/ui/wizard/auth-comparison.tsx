import {Box, Text} from 'ink';
import {PORTAL_DEFAULT_BASE_URL} from '../../core/oauth/constants.js';
import {DEFAULT_REGION_ID, getRegion, REGIONS} from '../../core/regions.js';
import {hostOf} from '../../core/urls.js';
import {useTheme} from '../components/theme.js';

/** Where each method's requests go: the portal, or the key's region (the default one named). */
export const PORTAL_HOST = hostOf(PORTAL_DEFAULT_BASE_URL);
const API_KEY_HOSTS = `${hostOf(getRegion(DEFAULT_REGION_ID).baseUrl)} and ${REGIONS.length - 1} more`;

/** OpenClaw's "OAuth vs API Key" comparison, row for row. */
const AUTH_COMPARISON: ReadonlyArray<readonly [feature: string, oauth: string, apiKey: string]> = [
	['Cost', 'Free tier', 'Paid usage'],
	['Setup', 'Browser login', 'Copy API key'],
	['Endpoint', PORTAL_HOST, API_KEY_HOSTS],
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
