/** The files a failed save reports having written (core's SetupWriteError); none otherwise. */
export function writtenBy(error: unknown): string[] {
	const written = error instanceof Error ? (error as {written?: unknown}).written : undefined;
	return Array.isArray(written) ? written.filter((file): file is string => typeof file === 'string') : [];
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
