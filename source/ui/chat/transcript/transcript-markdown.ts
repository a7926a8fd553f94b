/**
 * The conversation as /save writes it: markdown, with image paths instead of
 * image data, and nothing key-like.
 */
import type {Exchange} from './transcript-state.js';
import {command} from '../../../core/messages.js';

export function transcriptMarkdown(exchanges: readonly Exchange[], options: {savedAt: Date; secrets?: readonly string[]}): string {
	const lines = [`# ${command('chat')}`, '', `Saved ${options.savedAt.toISOString()}.`, ''];
	for (const exchange of exchanges) {
		lines.push('## You', '');
		for (const image of exchange.images) lines.push(`![image](${image.path})`, '');
		if (exchange.text !== '') lines.push(exchange.text, '');
		lines.push(`## ${exchange.model}`, '');
		if (exchange.answer.trim() !== '') lines.push(exchange.answer.trimEnd(), '');
		if (exchange.outcome === 'interrupted') lines.push('*(interrupted)*', '');
		if (exchange.error) lines.push(`> **${exchange.error.title}:** ${exchange.error.message}`, '');
	}

	let text = lines.join('\n');
	for (const secret of options.secrets ?? []) {
		if (secret !== '') text = text.split(secret).join('sk-…');
	}

	return text.replace(/sk-[A-Za-z0-9._-]{16,}/g, 'sk-…');
}
