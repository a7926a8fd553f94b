import {writeFile} from 'node:fs/promises';

/**
 * Writes /save's markdown to a file that must not exist yet: a transcript
 * never overwrites anything (a rejection with code 'EEXIST' says it was there).
 * Owner-only, since a conversation may hold private text.
 */
export async function saveTranscriptFile(path: string, markdown: string): Promise<void> {
	await writeFile(path, markdown, {flag: 'wx', mode: 0o600});
}
