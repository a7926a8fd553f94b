/**
 * The conversation in the two shapes it leaves the pane in: messages for the
 * next request (answers only, never reasoning) and markdown for /save.
 */
import {basename} from 'node:path';
import type {ChatContentPart, ChatMessage} from '../../core/dashscope-client.js';
import type {ImageAttachment} from '../../core/images.js';
import type {Exchange} from './transcript.js';

export type Question = {readonly text: string; readonly images: readonly ImageAttachment[]};

/**
 * What the model sees: earlier exchanges that got an answer (an interrupted one
 * keeps what arrived), then the new question. Failed exchanges are left out so a
 * retry does not send the question twice. After a switch to a text-only model,
 * earlier images are named instead of sent: the service refuses the whole
 * request otherwise.
 */
export function messagesForRequest(exchanges: readonly Exchange[], question: Question, options: {textOnly?: boolean} = {}): ChatMessage[] {
	const messages: ChatMessage[] = [];
	for (const exchange of exchanges) {
		if (exchange.answer.trim() === '') continue;
		const asked = options.textOnly && exchange.images.length > 0 ? withoutImages(exchange) : exchange;
		messages.push(userMessage(asked), {role: 'assistant', content: exchange.answer});
	}

	messages.push(userMessage(question));
	return messages;
}

function withoutImages(question: Question): Question {
	const names = question.images.map(image => `[image ${basename(image.path)} was attached here]`).join(' ');
	return {text: question.text === '' ? names : `${names}\n${question.text}`, images: []};
}

function userMessage(question: Question): ChatMessage {
	if (question.images.length === 0) return {role: 'user', content: question.text};
	const parts: ChatContentPart[] = question.images.map(image => ({type: 'image_url', image_url: {url: image.dataUrl}}));
	if (question.text !== '') parts.push({type: 'text', text: question.text});
	return {role: 'user', content: parts};
}

/** The transcript as markdown. Image data and anything key-like stay out. */
export function transcriptMarkdown(exchanges: readonly Exchange[], options: {savedAt: Date; secrets?: readonly string[]}): string {
	const lines = [`# openclaw chat`, '', `Saved ${options.savedAt.toISOString()}.`, ''];
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
