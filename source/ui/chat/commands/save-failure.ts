/** Why /save wrote nothing, and what to do instead. */
export function saveFailureMessage(path: string, error: unknown): string {
	if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
		return `${path} already exists; nothing was written. Save under another name: /save <other file>.`;
	}

	return `Could not write ${path}: ${(error as Error).message}. Check the folder exists and is writable.`;
}
