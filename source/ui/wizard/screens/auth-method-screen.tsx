import {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import {PORTAL_DISCONTINUED} from '../../../core/messages.js';
import {Screen, useBodyHeight} from '../../components/screen.js';
import {SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {AuthComparison} from '../auth-comparison.js';
import type {AuthMethod} from '../machine.js';
import type {StepHeader} from './step-header.js';
import {CHOOSE, MOVE, QUIT} from './hints.js';

const METHODS: ReadonlyArray<SelectItem<AuthMethod>> = [
	{
		value: 'api-key',
		label: 'Qwen API Key — DashScope, paid',
		description: 'A key from Alibaba Cloud Model Studio. Recommended.',
	},
	{
		value: 'oauth',
		label: 'Qwen OAuth — portal.qwen.ai, free tier',
		// The discontinued free tier is said once, in the note under the table.
		description: 'Browser sign-in with a Qwen account. See the note below.',
	},
];

/** Rows the list, the table and the note need together. */
const ROWS_WITH_TABLE = 17;

export type AuthMethodScreenProps = StepHeader & {
	readonly initialMethod: AuthMethod;
	readonly onChoose: (method: AuthMethod) => void;
};

export function AuthMethodScreen({initialMethod, onChoose, ...header}: AuthMethodScreenProps) {
	const theme = useTheme();
	const fits = useBodyHeight() >= ROWS_WITH_TABLE;
	const [showTable, setShowTable] = useState(false);
	const tableVisible = fits || showTable;

	useInput((input) => {
		if (input === 't' && !fits) setShowTable(shown => !shown);
	});

	return (
		<Screen {...header} hints={[MOVE, CHOOSE, ...(fits ? [] : [{keys: 't', action: 'compare'}]), QUIT]}>
			<Text>How do you want to sign in to Qwen?</Text>
			<Box marginTop={1}>
				<SelectList items={METHODS} initialValue={initialMethod} onSelect={onChoose} />
			</Box>
			{tableVisible ? (
				<Box marginTop={1}>
					<AuthComparison />
				</Box>
			) : undefined}
			<Box marginTop={1}>
				<Text color={theme.warning} wrap="wrap">
					Note: {PORTAL_DISCONTINUED} OAuth sign-ins may be refused; an API key is the supported way.
				</Text>
			</Box>
		</Screen>
	);
}
