import {useState} from 'react';
import {Box, Text} from 'ink';
import {PORTAL_DISCONTINUED} from '../../../core/messages.js';
import {fitBlocks} from '../../components/fit-blocks.js';
import type {KeyHint} from '../../components/key-hints.js';
import {Paragraph, paragraphHeight} from '../../components/paragraph.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {listHeight, SelectList, type SelectItem} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {useKeys} from '../../components/use-keys.js';
import {AUTH_COMPARISON_ROWS, AuthComparison, PORTAL_HOST} from '../auth-comparison.js';
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
		label: `Qwen OAuth — ${PORTAL_HOST}, free tier`,
		// The discontinued free tier is said once, in the note under the table.
		description: 'Browser sign-in with a Qwen account. See the note below.',
	},
];

const QUESTION = 'How do you want to sign in to Qwen?';
const NOTE = `Note: ${PORTAL_DISCONTINUED} OAuth sign-ins may be refused; an API key is the supported way.`;
const COMPARE: KeyHint = {keys: 't', action: 'compare'};

export type AuthMethodScreenProps = StepHeader & {
	readonly initialMethod: AuthMethod;
	readonly onChoose: (method: AuthMethod) => void;
};

export function AuthMethodScreen({initialMethod, onChoose, ...header}: AuthMethodScreenProps) {
	const theme = useTheme();
	const [tableAsked, setTableAsked] = useState(false);
	const baseHints = [MOVE, CHOOSE, QUIT];
	const fullLayout = useScreenLayout(baseHints);
	// The table comes with everything else, or (on a short terminal) on request.
	const tableFits = layoutFor(fullLayout.bodyWidth, fullLayout.bodyHeight, false).table;
	const hints = tableFits ? baseHints : [MOVE, CHOOSE, COMPARE, QUIT];
	const layout = useScreenLayout(hints);
	const shown = layoutFor(layout.bodyWidth, layout.bodyHeight, tableAsked && !tableFits);
	// Asked for where it cannot join the choices: the table alone until t is pressed again.
	const tableAlone = tableAsked && !tableFits && !shown.table;

	useKeys(
		input => {
			if (input === 't' && !tableFits) setTableAsked(asked => !asked);
		},
		{isActive: layout.fits},
	);

	return (
		<Screen {...header} hints={hints}>
			{tableAlone ? <AuthComparison width={layout.bodyWidth} /> : undefined}
			{shown.question && !tableAlone ? <Paragraph width={layout.bodyWidth}>{QUESTION}</Paragraph> : undefined}
			{shown.listGap && !tableAlone ? <Text> </Text> : undefined}
			<Box display={tableAlone ? 'none' : 'flex'} flexShrink={0}>
				<SelectList items={METHODS} initialValue={initialMethod} onSelect={onChoose} maxRows={shown.listRows} isActive={layout.fits} />
			</Box>
			{shown.table ? (
				<Box marginTop={1} flexShrink={0}>
					<AuthComparison width={layout.bodyWidth} />
				</Box>
			) : undefined}
			{shown.note && !tableAlone ? (
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={layout.bodyWidth} color={theme.warning}>
						{NOTE}
					</Paragraph>
				</Box>
			) : undefined}
		</Screen>
	);
}

/** What fits in the body, the choices first; `tableAsked` puts the table right after them. */
function layoutFor(width: number, height: number, tableAsked: boolean) {
	const titles = listHeight(METHODS, false);
	const descriptions = listHeight(METHODS, true) - titles;
	const [titlesShown, question, listGap, descriptionsShown, table, note] = fitBlocks(height, [
		{rows: titles, priority: 10},
		{rows: paragraphHeight(QUESTION, width), priority: 5},
		{rows: 1, priority: 1},
		{rows: descriptions, priority: 4},
		{rows: 1 + AUTH_COMPARISON_ROWS, priority: tableAsked ? 6 : 0},
		{rows: 1 + paragraphHeight(NOTE, width), priority: 3},
	]);
	const listRows = titlesShown ? titles + (descriptionsShown ? descriptions : 0) : height;
	return {question, listGap: listGap && question, listRows, table, note};
}
