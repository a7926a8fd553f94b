import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {API_KEY_PROFILE_ID} from '../../../core/auth-profiles.js';
import type {SaveResult} from '../../../core/setup.js';
import {Screen} from '../../components/screen.js';
import {useTheme} from '../../components/theme.js';
import {tildify} from '../tildify.js';
import {SavedScreen, type DoneChoice, type SavedRow} from './saved-screen.js';
import type {StepHeader} from './step-header.js';
import {QUIT} from './hints.js';

export type SaveState =
	| {readonly status: 'saving'}
	| {readonly status: 'saved'; readonly result: SaveResult}
	/** `written`: files the failed save had already written (usually none: a failed save is taken back). */
	| {readonly status: 'failed'; readonly message: string; readonly written: readonly string[]};

export type {DoneChoice} from './saved-screen.js';

export type DoneScreenProps = StepHeader & {
	readonly save: SaveState;
	readonly maskedKey: string;
	readonly modelId: string;
	/** For showing paths as ~/…; the container knows it, screens do not look. */
	readonly home?: string;
	readonly chatCommand: string;
	readonly onChoose: (choice: DoneChoice) => void;
	readonly onRetry: () => void;
};

export function DoneScreen({save, maskedKey, modelId, home, chatCommand, onChoose, onRetry, ...header}: DoneScreenProps) {
	const theme = useTheme();

	useInput((input, key) => {
		if (save.status === 'failed' && key.return) onRetry();
		else if (save.status !== 'saving' && (key.escape || input === 'q')) onChoose('exit');
	});

	if (save.status === 'saving') {
		return (
			<Screen {...header} hints={[QUIT]}>
				<Text>
					<Spinner /> Saving…
				</Text>
			</Screen>
		);
	}

	if (save.status === 'failed') {
		return (
			<Screen {...header} hints={[{keys: 'Enter', action: 'try again'}, {keys: 'Esc', action: 'exit'}]}>
				<Text bold color={theme.danger}>
					✗ Could not save the setup
				</Text>
				<Box marginTop={1}>
					<Text wrap="wrap">{save.message}</Text>
				</Box>
			</Screen>
		);
	}

	const {result} = save;
	const rows: SavedRow[] = [
		['Config', tildify(result.configPath, home)],
		['Auth profile', tildify(result.authProfilesPath, home)],
		['API key', `${maskedKey} (profile ${API_KEY_PROFILE_ID})`],
		['Region', `${result.region.label} · ${new URL(result.region.baseUrl).host}`],
		['Default model', `${modelId} (${result.modelRef})`],
		...(result.backupPath ? [['Backup', tildify(result.backupPath, home)] as const] : []),
	];

	return <SavedScreen {...header} headline="Qwen is set up. Both files were written." rows={rows} chatCommand={chatCommand} onChoose={onChoose} />;
}
