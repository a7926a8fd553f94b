/** What a failed save says, for the screen and the summary: its message, or the value it threw as text. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
