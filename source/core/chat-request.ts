/**
 * The messages of a chat request, the same for the one-shot chat and the
 * pane: the OAuth portal's system message, earlier exchanges that got an
 * answer, then the question. A question with images is sent as its text part
 * followed by one image part per image, the order of DashScope's own vision
 * example. Reasoning is never sent back. A compacted conversation sends its
 * summary in place of the turns it covers.
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
	return [...historyMessages({provider, history, textOnly}), userMessage(question)];
}

/** What goes before the question: the portal's system message and the earlier exchanges that got an answer. */
export function historyMessages({provider, history = [], textOnly = false}: Omit<ChatRequestInput, 'question'>): ChatMessage[] {
	const messages: ChatMessage[] = provider === 'portal' ? [{role: 'system', content: PORTAL_SYSTEM_PROMPT}] : [];
	for (const exchange of history) {
		// An exchange without answer text (a failed request) is left out, so a retry does not send the question twice;
		// an interrupted one keeps what arrived.
		if (exchange.answer.trim() === '') continue;
		messages.push(userMessage(pastQuestion(exchange, textOnly)), {role: 'assistant', content: exchange.answer});
	}

	return messages;
}

/**
 * The summary that stands in for the first `turns` exchanges of a
 * conversation (/compact). The turns themselves stay saved; only what is
 * sent changes.
 */
export type ConversationSummary = {readonly text: string; readonly turns: number};

/** The question the summary answers, as it is sent with it. */
export const SUMMARY_QUESTION = 'Summarise our conversation so far; your summary will stand in for it from here on.';

/** The exchanges sent with the next question: the summary, as the model's own answer, then the turns after it. */
export function sentHistory<Exchange extends PastExchange>(exchanges: readonly Exchange[], summary: ConversationSummary | undefined): PastExchange[] {
	if (!summary) return [...exchanges];
	return [{text: SUMMARY_QUESTION, images: [], answer: summary.text}, ...exchanges.slice(summary.turns)];
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
