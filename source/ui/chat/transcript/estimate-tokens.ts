/**
 * Roughly the tokens in `text`, for the count shown while an answer streams:
 * Qwen's tokenizer gives about four characters of English per token, and
 * about one token per CJK character. Not rounded, so the estimates of the
 * pieces of a stream add up.
 */
export function estimateTokens(text: string): number {
	let wide = 0;
	for (const character of text) if (character.codePointAt(0)! >= 0x2e_80) wide++;
	return (text.length - wide) / 4 + wide;
}
