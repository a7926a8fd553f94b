import {describe, expect, it} from 'vitest';
import {chatRequestMessages, type PastExchange} from '../../source/core/chat-request.js';
import type {ImageAttachment} from '../../source/core/images.js';
import {PORTAL_SYSTEM_PROMPT} from '../../source/core/oauth/constants.js';

const image = (path: string): ImageAttachment => ({path, mime: 'image/png', bytes: 10, dataUrl: `data:image/png;base64,${path}`});

describe('chatRequestMessages', () => {
	it('sends a question with images as its text, then one part per image', () => {
		expect(chatRequestMessages({provider: 'dashscope', question: {text: 'What is this?', images: [image('a.png'), image('b.png')]}})).toEqual([
			{
				role: 'user',
				content: [
					{type: 'text', text: 'What is this?'},
					{type: 'image_url', image_url: {url: 'data:image/png;base64,a.png'}},
					{type: 'image_url', image_url: {url: 'data:image/png;base64,b.png'}},
				],
			},
		]);
		expect(chatRequestMessages({provider: 'dashscope', question: {text: '', images: [image('a.png')]}})[0]?.content).toEqual([
			{type: 'image_url', image_url: {url: 'data:image/png;base64,a.png'}},
		]);
	});

	it("starts with the portal's system message under Qwen OAuth, and only then", () => {
		const question = {text: 'hi', images: []};
		expect(chatRequestMessages({provider: 'portal', question})).toEqual([
			{role: 'system', content: PORTAL_SYSTEM_PROMPT},
			{role: 'user', content: 'hi'},
		]);
		expect(chatRequestMessages({provider: 'dashscope', question})).toEqual([{role: 'user', content: 'hi'}]);
	});

	it('leaves out exchanges without an answer, and names earlier images for a text-only model', () => {
		const history: PastExchange[] = [
			{text: 'failed', images: [], answer: ''},
			{text: 'look', images: [image('/tmp/cat.png')], answer: 'A cat.'},
		];
		const messages = chatRequestMessages({provider: 'dashscope', history, question: {text: 'and now?', images: []}, textOnly: true});
		expect(messages).toEqual([
			{role: 'user', content: '[image cat.png was attached here]\nlook'},
			{role: 'assistant', content: 'A cat.'},
			{role: 'user', content: 'and now?'},
		]);
	});
});
