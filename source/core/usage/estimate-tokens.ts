/**
 * Rough token counts, for what the service has not counted yet: the answer
 * while it streams, a message before it is sent, a conversation resumed or
 * compacted. Qwen's tokenizer gives about four characters of English per
 * token, and about one token per CJK character. The next request's real
 * prompt_tokens replaces the estimate.
 */
import type {ChatMessage} from '../dashscope-client.js';

/**
 * An image's share of a request. DashScope counts an image by its pixels,
 * which are not read here: this is a rough allowance, corrected by the real
 * count once the request has gone.
 */
const IMAGE_TOKENS_ESTIMATE = 1024;

/** Not rounded, so the estimates of the pieces of a stream add up. */
export function estimateTokens(text: string): number {
	let wide = 0;
	for (const character of text) if (character.codePointAt(0)! >= 0x2e_80) wide++;
	return (text.length - wide) / 4 + wide;
}

/** A message's text and images. */
export function estimateQuestionTokens(text: string, images: number): number {
	return estimateTokens(text) + images * IMAGE_TOKENS_ESTIMATE;
}

/** The input tokens of a request with these messages. */
export function estimateMessagesTokens(messages: readonly ChatMessage[]): number {
	let tokens = 0;
	for (const message of messages) {
		if (typeof message.content === 'string') {
			tokens += estimateTokens(message.content);
			continue;
		}

		for (const part of message.content) tokens += part.type === 'text' ? estimateTokens(part.text) : IMAGE_TOKENS_ESTIMATE;
	}

	return tokens;
}
