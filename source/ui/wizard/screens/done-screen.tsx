import React from 'react';
import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import type {SaveResult} from '../../../core/setup.js';
import {Screen} from '../../components/screen.js';
import {SelectList} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {tildify} from '../tildify.js';
import {SavedRows, type SavedRow} from './saved-rows.js';
import type {StepHeader} from './step-header.js';
import {CHOOSE, MOVE, QUIT} from './hints.js';

export type SaveState =
	| {readonly status: 'saving'}
	| {readonly status: 'saved'; readonly result: SaveResult}
	/** `written`: files the failed save had already written (usually none: a failed save is taken back). */
	| {readonly status: 'failed'; readonly message: string; readonly written: readonly string[]};

export type DoneChoice = 'chat' | 'exit';

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
		['API key', `${maskedKey} (profile qwen-portal:default)`],
		['Region', `${result.region.label} · ${new URL(result.region.baseUrl).host}`],
		['Default model', `${modelId} (${result.modelRef})`],
		...(result.backupPath ? [['Backup', tildify(result.backupPath, home)] as const] : []),
	];

	return (
		<Screen {...header} hints={[MOVE, CHOOSE, {keys: 'Esc', action: 'exit'}]}>
			<Text bold color={theme.success}>
				✓ Qwen is set up. Both files were written.
			</Text>
			<Box marginTop={1}>
				<SavedRows rows={rows} />
			</Box>
			<Box marginTop={1}>
				<Text>
					Chat any time with: <Text bold>{chatCommand}</Text>
				</Text>
			</Box>
			<Box marginTop={1}>
				<SelectList
					items={[
						{value: 'chat', label: 'Start chatting now'},
						{value: 'exit', label: 'Exit'},
					]}
					onSelect={onChoose}
				/>
			</Box>
		</Screen>
	);
}
