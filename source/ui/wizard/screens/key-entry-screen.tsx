import {useState} from 'react';
import {Box, Text, useInput, usePaste} from 'ink';
import TextInput from 'ink-text-input';
import {maskKey, validateApiKey} from '../../../core/api-key.js';
import type {Region} from '../../../core/regions.js';
import {Link} from '../../components/link.js';
import {Screen} from '../../components/screen.js';
import {useTheme} from '../../components/theme.js';
import type {EnvKeyOffer} from '../env-key.js';
import type {StepHeader} from './step-header.js';
import {BACK, QUIT} from './hints.js';

export type KeyEntryScreenProps = StepHeader & {
	readonly region: Region;
	/** The field's text, owned by the container so it survives going back. */
	readonly draft: string;
	readonly onDraftChange: (draft: string) => void;
	readonly onSubmit: (key: string) => void;
	readonly onBack: () => void;
	readonly envKey?: EnvKeyOffer;
};

/**
 * Paste junk (quotes, a trailing newline, paste markers) is cleaned the moment
 * it lands, so the field holds only the key; anything else stays as typed.
 */
function cleanDraft(text: string): string {
	const validation = validateApiKey(text);
	return validation.ok ? validation.key : text;
}

export function KeyEntryScreen({region, draft, onDraftChange, onSubmit, onBack, envKey, ...header}: KeyEntryScreenProps) {
	const theme = useTheme();
	const validation = validateApiKey(draft);

	const submit = () => {
		if (validation.ok) onSubmit(validation.key);
	};

	// ink-text-input keeps its own cursor and does not follow a value set from
	// outside; a fresh instance puts the cursor at the end of the new value.
	const [generation, setGeneration] = useState(0);
	const replaceDraft = (text: string) => {
		onDraftChange(text);
		setGeneration(previous => previous + 1);
	};

	useInput((_input, key) => {
		if (key.escape) onBack();
		else if (key.tab && envKey) replaceDraft(envKey.key);
	});

	// A bracketed paste arrives whole here, never as keystrokes in the field. A
	// whole key replaces what is there; anything else is added to it.
	usePaste(text => {
		replaceDraft(validateApiKey(text).ok ? cleanDraft(text) : cleanDraft(draft + text));
	});

	return (
		<Screen
			{...header}
			hints={[
				{keys: 'Enter', action: validation.ok ? 'check key' : 'check key (once valid)'},
				...(envKey ? [{keys: 'Tab', action: `use $${envKey.name}`}] : []),
				BACK,
				QUIT,
			]}
		>
			<Text wrap="wrap">
				Paste your DashScope API key for <Text bold>{region.label}</Text>.
			</Text>
			<Text color={theme.muted}>Create or copy one at:</Text>
			<Link url={region.keyUrl} label="Model Studio → API keys" />
			<Box marginTop={1}>
				<Text bold>API key: </Text>
				<TextInput
					key={generation}
					value={draft}
					mask="•"
					onChange={text => onDraftChange(cleanDraft(text))}
					onSubmit={submit}
				/>
			</Box>
			<Box flexDirection="column" marginTop={1}>
				{draft === '' ? (
					<Text color={theme.muted}>Keys start with “sk-”. The key is hidden as you type.</Text>
				) : validation.ok ? (
					<Text color={theme.success}>✓ Looks like a key: {maskKey(validation.key)} · Enter checks it with {region.label}</Text>
				) : (
					<Text color={theme.danger} wrap="wrap">
						✗ {validation.message}
					</Text>
				)}
			</Box>
			{envKey ? (
				<Box marginTop={1}>
					<Text wrap="wrap">
						<Text bold>${envKey.name}</Text> is set ({maskKey(envKey.key)}). Press <Text bold>Tab</Text> to use it.
					</Text>
				</Box>
			) : undefined}
		</Screen>
	);
}
