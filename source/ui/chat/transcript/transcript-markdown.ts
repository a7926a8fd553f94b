/**
 * The conversation on screen as /save writes it, through the one exporter
 * (core/sessions/session-export.ts): image paths instead of image data, and
 * nothing key-like. Compacted turns are all there, followed by the summary
 * that was sent in their place.
 */
import type {ConversationSummary} from '../../../core/chat-request.js';
import {command} from '../../../core/messages.js';
import {conversationMarkdown} from '../../../core/sessions/session-export.js';
import type {Exchange} from './transcript-state.js';

export function transcriptMarkdown(
	exchanges: readonly Exchange[],
	options: {savedAt: Date; secrets?: readonly string[]; summary?: ConversationSummary},
): string {
	const heading = [`# ${command('chat')}`, '', `Saved ${options.savedAt.toISOString()}.`, ''];
	const turns = exchanges.map(exchange => ({...exchange, prompt: exchange.text}));
	return conversationMarkdown(heading, turns, {
		...(options.secrets ? {secrets: options.secrets} : {}),
		...(options.summary ? {summary: options.summary} : {}),
	});
}
