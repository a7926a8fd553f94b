/**
 * How fast an answer came: completion tokens per second over the time it
 * streamed, from its first token to its end (the wait before the first token
 * is reported apart). Undefined when no time passed.
 */
export function tokensPerSecond(completionTokens: number, streamingMs: number): number | undefined {
	return streamingMs > 0 ? (completionTokens * 1000) / streamingMs : undefined;
}
