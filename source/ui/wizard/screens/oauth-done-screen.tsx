import {formatDuration, formatExpiryTime} from '../../../core/oauth/expiry.js';
import type {OAuthSaveResult} from '../../../core/oauth/save-oauth-setup.js';
import {tildify} from '../tildify.js';
import {SavedScreen, type DoneChoice, type SavedRow} from './saved-screen.js';
import type {StepHeader} from './step-header.js';

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
	const rows: SavedRow[] = [
		['Config', tildify(save.configPath, home)],
		['Auth profile', tildify(save.authProfilesPath, home)],
		['Sign-in', `Qwen OAuth (profile ${save.profileId})`],
		['Portal', save.baseUrl],
		['Default model', `${save.modelId} (${save.modelRef})`],
		['Token expires', tokenExpiry(save.expires, now)],
		...(save.backupPath ? [['Backup', tildify(save.backupPath, home)] as const] : []),
	];

	return <SavedScreen {...header} headline="Signed in with Qwen OAuth. Both files were written." rows={rows} chatCommand={chatCommand} onChoose={onChoose} />;
}

/** "2026-05-01 12:00 UTC (in 1 h 0 min), auto-renewed": short enough for 80 columns. */
function tokenExpiry(expires: number, now: number): string {
	return `${formatExpiryTime(expires)} (in ${formatDuration(Math.max(0, expires - now))}), auto-renewed`;
}
