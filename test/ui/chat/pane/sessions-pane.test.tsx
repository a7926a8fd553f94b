/**
 * The pane with a real session store in a temp folder: what it saves, and the
 * commands that work on saved conversations (/retry, /edit and Esc twice,
 * /copy, /new, /rename, /resume), against the fake DashScope server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openSessionStore, type SessionStore} from '../../../../source/core/sessions/session-store.js';
import {readConversation} from '../../../../source/core/sessions/stored-conversation.js';
import {SUMMARY_QUESTION} from '../../../../source/core/chat-request.js';
import type {PaneSessions} from '../../../../source/ui/chat/pane/pane-sessions.js';
import {KEYS, startChat, type ChatHarness} from './chat-harness.js';

let dir: string;
let store: SessionStore;
let chat: ChatHarness | undefined;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-pane-sessions-'));
	store = openSessionStore(path.join(dir, 'sessions.sqlite'), {mode: 'write'})!;
});
afterEach(async () => {
	await chat?.close();
	chat = undefined;
	store.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

type Body = {model: string; messages: Array<{role: string; content: unknown}>; enable_thinking?: boolean};
const bodies = (harness: ChatHarness) => harness.fake.chatRequests().map(request => request.body as Body);

function sessions(extra: Partial<PaneSessions> = {}): PaneSessions {
	return {store, save: true, history: [], ...extra};
}

async function ask(harness: ChatHarness, text: string) {
	await harness.submit(text);
	await harness.waitFor(frame => frame.includes(`Echo: ${text}`) && frame.includes('tokens in'));
}

const onlySession = () => {
	const [session] = store.listSessions();
	return {session: session!, turns: store.allTurns(session!.id)};
};

describe('the pane saves as it goes', () => {
	it('each prompt and answer, in one session', async () => {
		chat = await startChat({sessions: sessions()});
		await ask(chat, 'first');
		await ask(chat, 'second');
		const {session, turns} = onlySession();
		expect(session).toMatchObject({title: 'first', turns: 2});
		expect(turns.map(turn => [turn.prompt, turn.answer, turn.outcome])).toEqual([
			['first', 'Echo: first', 'done'],
			['second', 'Echo: second', 'done'],
		]);
	});

	it('a resumed conversation is shown as it was and sent with the next message, in the same session', async () => {
		const id = store.createSession({title: 'earlier', model: 'qwen3-coder-plus', now: 1});
		const turn = store.addTurn({sessionId: id, prompt: 'what is 2+2?', images: [], model: 'qwen3-coder-plus', now: 2});
		store.finishTurn(turn.id, {answer: 'It is **4**.', reasoning: '', outcome: 'interrupted', now: 3});
		chat = await startChat({sessions: sessions({resumed: readConversation(store, store.sessionById(id)!)})});
		// The title follows the first prompt until the session is renamed.
		await chat.waitFor(frame => frame.includes('Resumed "what is 2+2?"') && frame.includes('It is 4.') && frame.includes('Interrupted'));
		await ask(chat, 'and 3+3?');
		expect(bodies(chat).at(-1)!.messages).toEqual([
			{role: 'user', content: 'what is 2+2?'},
			{role: 'assistant', content: 'It is **4**.'},
			{role: 'user', content: 'and 3+3?'},
		]);
		expect(store.listSessions()).toHaveLength(1);
		expect(store.conversation(id).map(saved => saved.prompt)).toEqual(['what is 2+2?', 'and 3+3?']);
	});

	it('a full disk mid-answer says so once; the conversation goes on unsaved', async () => {
		const full = Object.assign(new Error('database or disk is full'), {errcode: 13});
		const failing: SessionStore = {
			...store,
			finishTurn() {
				throw full;
			},
		};
		chat = await startChat({sessions: sessions({store: failing})});
		await chat.submit('one');
		await chat.waitFor(frame => frame.includes('Saving stopped: The disk is full'));
		await ask(chat, 'two');
		expect(chat.frame().match(/Saving stopped/g)).toHaveLength(1);
		expect(store.allTurns(store.listSessions()[0]!.id).map(turn => turn.prompt)).toEqual(['one']);
	});
});

describe('a command that needs saving says why saving is off', () => {
	it('after a failed write, /rename names that failure, not --no-save', async () => {
		const full = Object.assign(new Error('database or disk is full'), {errcode: 13});
		chat = await startChat({sessions: sessions({store: {...store, finishTurn() { throw full; }}})});
		await chat.submit('one');
		await chat.waitFor(frame => frame.includes('Saving stopped: The disk is full'));
		await chat.submit('/rename Later');
		await chat.waitFor(frame => frame.includes('Nothing to rename. Saving stopped: The disk is full.'));
		expect(chat.frame()).not.toContain('--no-save');
	});

	it('a store that could not be opened: /rename and /resume repeat what the pane said when it opened', async () => {
		const notice = 'Not saved: The session store is locked.';
		chat = await startChat({sessions: {save: false, history: [], notice}});
		await chat.submit('/rename Later');
		await chat.waitFor(frame => frame.includes(`Nothing to rename. ${notice}`));
		await chat.submit('/resume');
		await chat.waitFor(frame => frame.includes(`There are no saved conversations to resume. ${notice}`));
	});

	it('with saving turned off, they say so and name both ways it is turned off', async () => {
		chat = await startChat({sessions: {save: false, history: []}});
		await chat.submit('/rename Later');
		await chat.waitFor(frame => frame.includes('Nothing to rename. Not saved: saving is off (--no-save or OPENCLAW_NO_SAVE).'));
	});
});

describe('usage and compaction are saved', () => {
	it('each turn with its usage, region, thinking and finish_reason; a compaction as a row of its own', async () => {
		chat = await startChat({sessions: sessions(), model: 'qwen-plus'});
		const one = 'tell me about one '.repeat(100).trim();
		chat.fake.enqueue({kind: 'stream', chunks: ['Some', ' of it'], usage: {promptTokens: 5000, cachedTokens: 1024}, finishReason: 'length'});
		await chat.submit(one);
		await chat.waitFor(frame => frame.includes('stopped at the output limit'));
		await chat.submit('/think on');
		await ask(chat, 'two');
		chat.fake.enqueue({kind: 'stream', chunks: ['They asked one.']});
		await chat.submit('/compact');
		await chat.waitFor(frame => frame.includes('Compacted 1 turn'));

		const {session, turns} = onlySession();
		expect(turns.map(turn => turn.metered)).toEqual([
			{model: 'qwen-plus', region: 'intl', thinking: false, finishReason: 'length', usage: {promptTokens: 5000, completionTokens: 2, totalTokens: 5002, cachedTokens: 1024}},
			{model: 'qwen-plus', region: 'intl', thinking: true, finishReason: 'stop', usage: expect.objectContaining({reasoningTokens: expect.any(Number)})},
		]);
		const [compaction] = store.compactions(session.id);
		expect(compaction).toMatchObject({turns: 1, summary: 'They asked one.', metered: {model: 'qwen-plus', region: 'intl', thinking: false, finishReason: 'stop'}});
		expect(compaction!.tokensAfter).toBeLessThan(compaction!.tokensBefore);
		// Summarising asks for no reasoning (hybrid models default to none), which would be paid for.
		expect(bodies(chat).map(body => body.enable_thinking)).toEqual([undefined, true, undefined]);
	});

	it('a compacted conversation goes on with its summary in place of the turns it covers, and its cost so far', async () => {
		const id = store.createSession({title: 'earlier', model: 'qwen3-coder-plus', now: 1});
		for (const prompt of ['one', 'two', 'three']) {
			const turn = store.addTurn({sessionId: id, prompt, images: [], model: 'qwen3-coder-plus', now: 2});
			const usage = {promptTokens: 1_000_000, completionTokens: 0, totalTokens: 1_000_000};
			store.finishTurn(turn.id, {answer: `answer ${prompt}`, reasoning: '', outcome: 'done', metered: {region: 'intl', thinking: false, usage}, now: 3});
		}

		const metered = {model: 'qwen3-coder-plus', region: 'intl' as const, thinking: false, finishReason: 'stop', usage: {promptTokens: 10, completionTokens: 5, totalTokens: 15}};
		store.addCompaction({sessionId: id, turns: 2, summary: 'One and two, summed up.', tokensBefore: 30, tokensAfter: 8, metered, now: 4});
		chat = await startChat({sessions: sessions({resumed: readConversation(store, store.sessionById(id)!)})});
		await chat.waitFor(frame => frame.includes('answer three') && frame.replace(/\s+/g, ' ').includes('The 2 turns above were compacted: a summary goes in their place.'));
		await ask(chat, 'four');
		expect(bodies(chat).at(-1)!.messages.map(message => message.content)).toEqual([SUMMARY_QUESTION, 'One and two, summed up.', 'three', 'answer three', 'four']);
		// Three turns of 1M input tokens at $6 per 1M (above 256K), the summary, and this turn: $18.00 and a little.
		await chat.waitFor(frame => /session \$18\.0\d/.test(frame));
	});
});

describe('working on the last answer', () => {
	it('/retry with another model keeps both answers; the history is not sent twice', async () => {
		chat = await startChat({sessions: sessions()});
		await ask(chat, 'intro');
		await ask(chat, 'question');
		await chat.submit('/retry qwen-max');
		await chat.waitFor(frame => frame.includes('Asking qwen-max again') && frame.match(/Echo: question/g)?.length === 2 && frame.includes('tokens in'));
		const last = bodies(chat).at(-1)!;
		expect(last.model).toBe('qwen-max');
		expect(last.messages.map(message => message.content)).toEqual(['intro', 'Echo: intro', 'question']);
		expect(onlySession().turns.map(turn => [turn.prompt, turn.model, turn.status])).toEqual([
			['intro', 'qwen3-coder-plus', 'current'],
			['question', 'qwen3-coder-plus', 'retried'],
			['question', 'qwen-max', 'current'],
		]);
	});

	it('Esc twice puts the last prompt back; sending replaces that turn, kept in the store as replaced', async () => {
		chat = await startChat({sessions: sessions()});
		await ask(chat, 'first');
		await ask(chat, 'secnd');
		await chat.press(KEYS.escape);
		await chat.press(KEYS.escape);
		await chat.waitFor(frame => /^› secnd/m.test(frame) && frame.includes('back in the prompt'));
		await chat.press(KEYS.backspace);
		await chat.press(KEYS.backspace);
		await chat.type('ond');
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => frame.includes('Echo: second') && frame.includes('Sent in place of your earlier message'));
		expect(bodies(chat).at(-1)!.messages.map(message => message.content)).toEqual(['first', 'Echo: first', 'second']);
		expect(onlySession().turns.map(turn => [turn.prompt, turn.status])).toEqual([
			['first', 'current'],
			['secnd', 'replaced'],
			['second', 'current'],
		]);
	});

	it('/copy sends the last answer as markdown, /copy code n the block labelled [n]', async () => {
		const copied: string[] = [];
		chat = await startChat({sessions: sessions(), copyToClipboard: text => copied.push(text)});
		const answer = 'Two ways:\n\n```js\nconst a = 1;\n```\n\nor\n\n```py\nprint("b")\n```\n';
		chat.fake.enqueue({kind: 'stream', chunks: answer.match(/[\s\S]{1,9}/g) ?? []});
		await chat.submit('code please');
		await chat.waitFor(frame => frame.includes('[2]') && frame.includes('tokens in'));
		await chat.submit('/copy code 2');
		await chat.waitFor(frame => frame.includes('Copied code block [2]'));
		await chat.submit('/copy');
		await chat.waitFor(frame => frame.includes('Copied the last answer'));
		await chat.submit('/copy code 9');
		await chat.waitFor(frame => frame.includes('There is no code block [9]; the ones on screen are [1] to [2].'));
		expect(copied).toEqual(['print("b")', answer]);
		expect(chat.frame().replace(/\s+/g, ' ')).toContain("sent to the terminal's clipboard (OSC 52); your terminal may not confirm it");
	});
});

describe('moving between conversations', () => {
	it('/rename names it; /new starts another session; /resume picks one back by what it holds', async () => {
		chat = await startChat({sessions: sessions()});
		await ask(chat, 'rust lifetimes');
		await chat.submit('/rename Borrowing');
		await chat.waitFor(frame => frame.includes('Renamed this conversation to "Borrowing"'));
		await chat.submit('/new');
		await chat.waitFor(frame => frame.includes('The last one stays saved'));
		await ask(chat, 'python dicts');
		expect(store.listSessions().map(session => session.title)).toEqual(['python dicts', 'Borrowing']);

		await chat.submit('/resume');
		await chat.waitFor(frame => frame.includes('Resume a conversation') && frame.includes('Borrowing'));
		await chat.type('lifet');
		await chat.waitFor(frame => frame.includes('Search: lifet') && !frame.includes('python dicts   '));
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => frame.includes('Resumed "Borrowing"'));
		await ask(chat, 'go on');
		expect(bodies(chat).at(-1)!.messages.map(message => message.content)).toEqual(['rust lifetimes', 'Echo: rust lifetimes', 'go on']);
		expect(store.listSessions().map(session => [session.title, session.turns])).toEqual([
			['Borrowing', 2],
			['python dicts', 1],
		]);
	});

	it('↑ walks prompts from earlier sessions', async () => {
		chat = await startChat({sessions: sessions({history: ['from yesterday', 'from this morning']})});
		await chat.press(KEYS.up);
		await chat.waitFor(frame => /^› from this morning/m.test(frame));
		await chat.press(KEYS.up);
		await chat.waitFor(frame => /^› from yesterday/m.test(frame));
	});
});
