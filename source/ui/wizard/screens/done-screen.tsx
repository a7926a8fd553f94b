import path from 'node:path';
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {API_KEY_PROFILE_ID} from '../../../core/auth-profiles.js';
import {command, keyVariableWins, NOTHING_WRITTEN, writtenFilesNote} from '../../../core/messages.js';
import type {SaveResult} from '../../../core/setup.js';
import {Paragraph} from '../../components/paragraph.js';
import {Screen, useScreenLayout} from '../../components/screen.js';
import {useTheme} from '../../components/theme.js';
import {useKeys} from '../../components/use-keys.js';
import type {SaveState} from '../machine.js';
import {tildify} from '../tildify.js';
import {SavedScreen, type DoneChoice, type SavedRow} from './saved-screen.js';
import type {StepHeader} from './step-header.js';
import {QUIT} from './hints.js';

export type {DoneChoice} from './saved-screen.js';

export type DoneScreenProps = StepHeader & {
	readonly save: SaveState;
	readonly maskedKey: string;
	/** False when the key was saved without a check (--no-check, or no answer from the region). */
	readonly keyChecked?: boolean;
	readonly modelId: string;
	/** For showing paths as ~/…; the container knows it, screens do not look. */
	readonly home?: string;
	readonly chatCommand: string;
	readonly onChoose: (choice: DoneChoice) => void;
	readonly onRetry: () => void;
};

const SAVING_HINTS = [QUIT];
const FAILED_HINTS = [{keys: 'Enter', action: 'try again'}, {keys: 'Esc', action: 'exit'}];
const NOT_CHECKED = `! The key was not checked. Check it with: ${command('models status --probe')}`;

/** After a file's row when the save found it as it should be and left it alone. */
const UNCHANGED = ' (unchanged)';

/** Says which files the save wrote, or that it had nothing to write. */
function savedHeadline(result: SaveResult): string {
	if (!result.keyWritten && !result.configWritten) return NOTHING_WRITTEN;
	return `Qwen is set up. ${writtenFilesNote(result, path.basename(result.configPath))}`;
}

/** What the save left as it was, or still needs: aliases other models have, OpenClaw's pending migration. */
function savedNotes(result: SaveResult): string[] {
	return [
		...(result.skippedAliases ?? []).map(({alias, takenBy}) => `The alias "${alias}" already belongs to ${takenBy}, so it was left there.`),
		...(result.notes ?? []),
	];
}

export function DoneScreen({save, maskedKey, keyChecked = true, modelId, home, chatCommand, onChoose, onRetry, ...header}: DoneScreenProps) {
	const theme = useTheme();
	const layout = useScreenLayout(save.status === 'failed' ? FAILED_HINTS : SAVING_HINTS);

	useKeys(
		(input, key) => {
			if (key.return) onRetry();
			else if (key.escape || input === 'q') onChoose('exit');
		},
		// The saved screen has its own keys.
		{isActive: layout.fits && save.status === 'failed'},
	);

	if (save.status === 'saving') {
		return (
			<Screen {...header} hints={SAVING_HINTS}>
				<Text>
					<Spinner /> Saving…
				</Text>
			</Screen>
		);
	}

	if (save.status === 'failed') {
		return (
			<Screen {...header} hints={FAILED_HINTS}>
				<Text bold color={theme.danger} wrap="truncate-end">
					✗ Could not save the setup
				</Text>
				<Box marginTop={1} flexShrink={0}>
					<Paragraph width={layout.bodyWidth} maxRows={Math.max(1, layout.bodyHeight - 2)}>
						{save.message}
					</Paragraph>
				</Box>
			</Screen>
		);
	}

	const {result} = save;
	const rows: SavedRow[] = [
		['Config', `${tildify(result.configPath, home)}${result.configWritten ? '' : UNCHANGED}`],
		['Key saved in', `${tildify(result.authProfilesPath, home)}${result.keyWritten ? '' : UNCHANGED}`],
		['API key', `${maskedKey} (profile ${API_KEY_PROFILE_ID})`],
		['Region', `${result.region.label} · ${result.keptBaseUrl ? `${result.keptBaseUrl} (yours, kept)` : new URL(result.region.baseUrl).host}`],
		['Default model', `${modelId} (${result.modelRef})`],
		...(result.replacedDefault ? [['Was', `${result.replacedDefault} (another provider's)`] as const] : []),
		...(result.backupPath ? [['Backup', tildify(result.backupPath, home)] as const] : []),
	];
	const warnings = [...(result.overriddenBy ? [keyVariableWins(result.overriddenBy)] : []), ...(keyChecked ? [] : [NOT_CHECKED]), ...savedNotes(result)];

	return (
		<SavedScreen
			{...header}
			headline={savedHeadline(result)}
			rows={rows}
			{...(warnings.length > 0 ? {warning: warnings.join(' ')} : {})}
			chatCommand={chatCommand}
			onChoose={onChoose}
		/>
	);
}
