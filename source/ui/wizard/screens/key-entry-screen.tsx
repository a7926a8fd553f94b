import {Box, Text} from 'ink';
import {maskKey, validateApiKey} from '../../../core/api-key.js';
import type {Region} from '../../../core/regions.js';
import {fitBlocks} from '../../components/fit-blocks.js';
import {Link} from '../../components/link.js';
import {MaskedField} from '../../components/masked-field.js';
import {Paragraph, paragraphHeight, type Span} from '../../components/paragraph.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {fieldEditFor, type FieldEdit, type FieldState} from '../../components/text-field.js';
import {useTheme} from '../../components/theme.js';
import {useKeys, usePasted} from '../../components/use-keys.js';
import {eachKey} from '../../keys/each-key.js';
import type {EnvKeyOffer} from '../env-key.js';
import type {StepHeader} from './step-header.js';
import {BACK, QUIT} from './hints.js';

export type KeyEntryScreenProps = StepHeader & {
	readonly region: Region;
	/** The field's text and cursor, owned by the container so they survive going back. */
	readonly field: FieldState;
	/** False with --no-check: Enter goes on to the model without a check. */
	readonly checkKey?: boolean;
	readonly envKey?: EnvKeyOffer;
	/** One key's edit; called once per key, in order, however many arrive at once. */
	readonly onEdit: (edit: FieldEdit) => void;
	readonly onPaste: (text: string) => void;
	readonly onUseEnvKey: (key: string) => void;
	/** Enter: the container goes on only if the field holds a key. */
	readonly onSubmit: () => void;
	readonly onBack: () => void;
};

const LABEL = 'API key: ';

/** The key field: masked as you type, checked as you type, readline keys, pastes cleaned. */
export function KeyEntryScreen({region, field, checkKey = true, envKey, onEdit, onPaste, onUseEnvKey, onSubmit, onBack, ...header}: KeyEntryScreenProps) {
	const theme = useTheme();
	const validation = validateApiKey(field.text);
	const action = checkKey ? 'check key' : 'continue';
	const hints = [
		{keys: 'Enter', action: validation.ok ? action : `${action} (once valid)`},
		...(envKey ? [{keys: 'Tab', action: `use $${envKey.name}`}] : []),
		BACK,
		QUIT,
	];
	const layout = useScreenLayout(hints);
	const width = layout.bodyWidth;

	useKeys(
		(input, key) => {
			// Typed text stays in runs (a paste without bracketed paste lands whole, then is cleaned).
			for (const press of eachKey(input, key)) {
				if (press.key.escape) onBack();
				else if (press.key.return) onSubmit();
				else if (press.key.tab) {
					if (envKey) onUseEnvKey(envKey.key);
				} else {
					const edit = fieldEditFor(press);
					if (edit) onEdit(edit);
				}
			}
		},
		{isActive: layout.fits},
	);

	// A bracketed paste arrives whole here, never as keystrokes in the field.
	usePasted(onPaste, {isActive: layout.fits});

	const intro: Span[] = [{text: 'Paste your DashScope API key for '}, {text: region.label, bold: true}, {text: '.'}];
	const status = statusLine(field.text, validation, region.label, checkKey);
	const statusRows = paragraphHeight(status.text, width);
	const offer: Span[] = envKey
		? [{text: `$${envKey.name}`, bold: true}, {text: ` is set (${maskKey(envKey.key)}). Press `}, {text: 'Tab', bold: true}, {text: ' to use it.'}]
		: [];
	const [fieldShown, statusFirst, statusRest, introShown, link, source, fieldGap, statusGap, offerShown] = fitBlocks(layout.bodyHeight, [
		{rows: 1, priority: 10},
		{rows: 1, priority: 9},
		{rows: statusRows - 1, priority: 6},
		{rows: paragraphHeight(intro, width), priority: 5},
		{rows: 1, priority: 4},
		{rows: 1, priority: 2},
		{rows: 1, priority: 1},
		{rows: 1, priority: 1},
		{rows: envKey ? 1 + paragraphHeight(offer, width) : 0, priority: 3},
	]);

	return (
		<Screen {...header} hints={hints}>
			{introShown ? <Paragraph width={width}>{intro}</Paragraph> : undefined}
			{source ? <Text color={theme.muted}>Create or copy one at:</Text> : undefined}
			{link ? <Link url={region.keyUrl} label="Model Studio → API keys" width={width} /> : undefined}
			{fieldGap && (introShown || link) ? <Text> </Text> : undefined}
			{fieldShown ? (
				<Box flexShrink={0}>
					<Text bold>{LABEL}</Text>
					<MaskedField field={field} width={width - LABEL.length} />
				</Box>
			) : undefined}
			{statusGap ? <Text> </Text> : undefined}
			{statusFirst ? (
				<Paragraph width={width} color={status.tone === 'ok' ? theme.success : status.tone === 'bad' ? theme.danger : theme.muted} maxRows={statusRest ? statusRows : 1}>
					{status.text}
				</Paragraph>
			) : undefined}
			{envKey && offerShown ? (
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={width}>{offer}</Paragraph>
				</Box>
			) : undefined}
		</Screen>
	);
}

function statusLine(
	draft: string,
	validation: ReturnType<typeof validateApiKey>,
	regionLabel: string,
	checkKey: boolean,
): {text: string; tone: 'hint' | 'ok' | 'bad'} {
	if (draft === '') return {text: 'Keys start with “sk-”. The key is hidden as you type.', tone: 'hint'};
	if (!validation.ok) return {text: `✗ ${validation.message}`, tone: 'bad'};
	const next = checkKey ? `Enter checks it with ${regionLabel}` : 'Enter goes on without checking it (--no-check)';
	return {text: `✓ Looks like a key: ${maskKey(validation.key)} · ${next}`, tone: 'ok'};
}
