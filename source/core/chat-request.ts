/**
 * The messages of a chat request, the same for the one-shot chat and the
 * pane: the OAuth portal's system message, earlier exchanges that got an
 * answer, then the question. A question with images is sent as its text part
 * followed by one image part per image, the order of DashScope's own vision
 * example. Reasoning is never sent back.
 */
import {basename} from 'node:path';
import type {ChatContentPart, ChatMessage} from './dashscope-client.js';
import type {ImageAttachment} from './images.js';
import type {ModelProvider} from './models.js';
import {PORTAL_SYSTEM_PROMPT} from './oauth/constants.js';

export type ChatQuestion = {readonly text: string; readonly images: readonly ImageAttachment[]};

/** An image sent earlier: its bytes while this process has them, otherwise only its path (a resumed session). */
export type PastImage = {readonly path: string; readonly dataUrl?: string};

/** An earlier question and the answer text that came back (empty when none did). */
export type PastExchange = {readonly text: string; readonly images: readonly PastImage[]; readonly answer: string};

export type ChatRequestInput = {
	/** 'portal' (signed in with Qwen OAuth) puts the system message the portal expects first. */
	readonly provider: ModelProvider;
	readonly history?: readonly PastExchange[];
	readonly question: ChatQuestion;
	/** The model reads no images: earlier ones are named in the text instead of sent. */
	readonly textOnly?: boolean;
};

export function chatRequestMessages({provider, history = [], question, textOnly = false}: ChatRequestInput): ChatMessage[] {
	const messages: ChatMessage[] = provider === 'portal' ? [{role: 'system', content: PORTAL_SYSTEM_PROMPT}] : [];
	for (const exchange of history) {
		// An exchange without answer text (a failed request) is left out, so a retry does not send the question twice;
		// an interrupted one keeps what arrived.
		if (exchange.answer.trim() === '') continue;
		messages.push(userMessage(pastQuestion(exchange, textOnly)), {role: 'assistant', content: exchange.answer});
	}

	messages.push(userMessage(question));
	return messages;
}

function pastQuestion(exchange: PastExchange, textOnly: boolean): ChatQuestion {
	const images = exchange.images.filter((image): image is ImageAttachment => typeof image.dataUrl === 'string' && image.dataUrl !== '');
	// The service refuses a whole request with an image for a text-only model; an image known only by its path
	// (a resumed session keeps no image bytes) cannot be sent again. Either way the text says where it was.
	if (textOnly || images.length < exchange.images.length) return namingImages(exchange);
	return {text: exchange.text, images};
}

function namingImages(question: {readonly text: string; readonly images: readonly PastImage[]}): ChatQuestion {
	if (question.images.length === 0) return {text: question.text, images: []};
	const names = question.images.map(image => `[image ${basename(image.path)} was attached here]`).join(' ');
	return {text: question.text === '' ? names : `${names}\n${question.text}`, images: []};
}

function userMessage(question: ChatQuestion): ChatMessage {
	if (question.images.length === 0) return {role: 'user', content: question.text};
	const parts: ChatContentPart[] = question.text === '' ? [] : [{type: 'text', text: question.text}];
	for (const image of question.images) parts.push({type: 'image_url', image_url: {url: image.dataUrl}});
	return {role: 'user', content: parts};
}
