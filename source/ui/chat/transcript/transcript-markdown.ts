/**
 * The conversation as /save writes it: markdown, with image paths instead of
 * image data, and nothing key-like. Compacted turns are all there, followed
 * by the summary that was sent in their place.
 */
import type {ConversationSummary} from '../../../core/chat-request.js';
import {wasCutOff} from '../../../core/usage/metered-request.js';
import type {Exchange} from './transcript-state.js';
import {command, outputLimitNote} from '../../../core/messages.js';

export function transcriptMarkdown(
	exchanges: readonly Exchange[],
	options: {savedAt: Date; secrets?: readonly string[]; summary?: ConversationSummary},
): string {
	const lines = [`# ${command('chat')}`, '', `Saved ${options.savedAt.toISOString()}.`, ''];
	const {summary} = options;
	for (const [index, exchange] of exchanges.entries()) {
		lines.push('## You', '');
		for (const image of exchange.images) lines.push(`![image](${image.path})`, '');
		if (exchange.text !== '') lines.push(exchange.text, '');
		lines.push(`## ${exchange.model}`, '');
		if (exchange.answer.trim() !== '') lines.push(exchange.answer.trimEnd(), '');
		if (exchange.outcome === 'interrupted') lines.push('*(interrupted)*', '');
		if (exchange.metered && wasCutOff(exchange.metered)) lines.push(`*(${outputLimitNote(exchange.metered.usage?.completionTokens)})*`, '');
		if (exchange.error) lines.push(`> **${exchange.error.title}:** ${exchange.error.message}`, '');
		if (summary && index === summary.turns - 1) {
			lines.push(`## Summary of the ${summary.turns === 1 ? 'turn' : `${summary.turns} turns`} above (compacted; sent in their place)`, '', summary.text.trimEnd(), '');
		}
	}

	let text = lines.join('\n');
	for (const secret of options.secrets ?? []) {
		if (secret !== '') text = text.split(secret).join('sk-…');
	}

	return text.replace(/sk-[A-Za-z0-9._-]{16,}/g, 'sk-…');
}
