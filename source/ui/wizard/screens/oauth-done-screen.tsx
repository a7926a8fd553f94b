import React from 'react';
import {Box, Text, useInput} from 'ink';
import {formatDuration, formatExpiryTime} from '../../../core/oauth/expiry.js';
import type {OAuthSaveResult} from '../../../core/oauth/save-oauth-setup.js';
import {Screen} from '../../components/screen.js';
import {SelectList} from '../../components/select-list.js';
import {useTheme} from '../../components/theme.js';
import {tildify} from '../tildify.js';
import type {DoneChoice} from './done-screen.js';
import {SavedRows, type SavedRow} from './saved-rows.js';
import type {StepHeader} from './step-header.js';
import {CHOOSE, MOVE} from './hints.js';

export type OAuthDoneScreenProps = StepHeader & {
	readonly save: OAuthSaveResult;
	/** For the token's "expires in …"; passed in so the screen stays pure. */
	readonly now: number;
	readonly home?: string;
	readonly chatCommand: string;
	readonly onChoose: (choice: DoneChoice) => void;
};

/** After an approved Qwen OAuth sign-in (already saved): what was written, then chat or exit. */
export function OAuthDoneScreen({save, now, home, chatCommand, onChoose, ...header}: OAuthDoneScreenProps) {
	const theme = useTheme();

	useInput((input, key) => {
		if (key.escape || input === 'q') onChoose('exit');
	});

	const rows: SavedRow[] = [
		['Config', tildify(save.configPath, home)],
		['Auth profile', tildify(save.authProfilesPath, home)],
		['Sign-in', `Qwen OAuth (profile ${save.profileId})`],
		['Portal', save.baseUrl],
		['Default model', `${save.modelId} (${save.modelRef})`],
		['Token expires', tokenExpiry(save.expires, now)],
		...(save.backupPath ? [['Backup', tildify(save.backupPath, home)] as const] : []),
	];

	return (
		<Screen {...header} hints={[MOVE, CHOOSE, {keys: 'Esc', action: 'exit'}]}>
			<Text bold color={theme.success}>
				✓ Signed in with Qwen OAuth. Both files were written.
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

/** "2026-05-01 12:00 UTC (in 1 h 0 min), auto-renewed": short enough for 80 columns. */
function tokenExpiry(expires: number, now: number): string {
	return `${formatExpiryTime(expires)} (in ${formatDuration(Math.max(0, expires - now))}), auto-renewed`;
}
