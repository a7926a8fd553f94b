/**
 * Writes /save's markdown to a file that must not exist yet: a transcript
 * never replaces anything. Owner-only, since a conversation may hold private
 * text. The writing is core's (created, synced, nothing half-written left);
 * a failure is an AppError whose words name the file and the way forward.
 */
import {createFileSafely} from '../../../core/files/safe-file.js';
import {PRIVATE_FILE_MODE} from '../../../core/files/modes.js';

/** The other way to put a transcript somewhere, for the failure's way forward. */
const SAVE_ELSEWHERE = {instead: 'save it under another name: /save <other file>'} as const;

/** Settles once the file is written and synced; rejects with the AppError that says why not. */
export function saveTranscriptFile(path: string, markdown: string): Promise<void> {
	return new Promise(resolve => {
		createFileSafely(path, markdown, {mode: PRIVATE_FILE_MODE, setting: SAVE_ELSEWHERE});
		resolve();
	});
}
