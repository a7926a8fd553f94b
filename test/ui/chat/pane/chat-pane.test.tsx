import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {createDashScopeClient} from '../../../../source/core/dashscope-client.js';
import {DashScopeError} from '../../../../source/core/errors.js';
import {explainRejectedKey} from '../../../../source/core/explain-rejected-key.js';
import {getRegion} from '../../../../source/core/regions.js';
import {findModel} from '../../../../source/core/models.js';
import {DEFAULT_MODEL_IDS, serviceError, startFakeDashScope, TEST_KEYS} from '../../../support/fake-dashscope.js';
import {KEYS, sleep, startChat, type ChatHarness} from './chat-harness.js';

let chat: ChatHarness | undefined;
afterEach(async () => {
	await chat?.close();
	chat = undefined;
});

const DOT_PNG = Buffer.from(
	'89504e470d0a1a0a0000000d4948445200000010000000100806000000' + '1ff3ff610000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
	'hex',
);

type Body = {model: string; messages: Array<{role: string; content: unknown}>; enable_thinking?: boolean};
const bodies = (harness: ChatHarness) => harness.fake.chatRequests().map(request => request.body as Body);

describe('streaming', () => {
	it('shows the answer as it arrives, then usage and speed in the status line', async () => {
		chat = await startChat();
		const chunks = ['First ', 'part ', 'of ', 'the ', 'answer', '\n\n', 'Second ', 'paragraph ', 'ends ', 'here.'];
		chat.fake.enqueue({kind: 'stream', chunks, delayMs: 60});
		await chat.submit('Tell me something');

		await chat.waitFor(frame => frame.includes('First part'));
		expect(chat.frame()).not.toContain('ends here.');
		expect(chat.frame()).toMatch(/streaming \d+\.\d s · ~\d+ tokens/);

		await chat.waitFor(frame => frame.includes('Second paragraph ends here.') && frame.includes('tokens in'));
		expect(chat.frame()).toMatch(/tokens in \d+ · out 10/);
		expect(chat.frame()).toMatch(/first token \d+\.\d\d s/);
		expect(chat.frame()).toMatch(/\d+ tok\/s/);
		expect(chat.frame()).toContain('› Tell me something');
	});

	it('renders markdown: headings, lists, tables and code, without escape codes under NO_COLOR', async () => {
		chat = await startChat();
		const answer = '## Plan\n\n- **one** item\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```\n\nDone.';
		chat.fake.enqueue({kind: 'stream', chunks: answer.match(/[\s\S]{1,7}/g) ?? []});
		await chat.submit('plan');
		await chat.waitFor(frame => frame.includes('Done.') && frame.includes('tokens in'));
		const frame = chat.frame();
		expect(frame).toContain('## Plan');
		expect(frame).toContain('* one item');
		expect(frame).toMatch(/│ a\s+│ b\s+│/);
		expect(frame).toContain('const x = 1;');
		expect(frame).not.toContain('**one**');
		expect(chat.app.lastFrame()).not.toMatch(/\u001B\[3\dm/);
	});

	it('stops the answer on Esc, keeps what arrived marked as interrupted, and carries on', async () => {
		chat = await startChat();
		chat.fake.enqueue({kind: 'stream', chunks: Array.from({length: 200}, (_, index) => `w${index} `), delayMs: 20});
		await chat.submit('long one');
		await chat.waitFor(frame => frame.includes('w3 '));
		await chat.press(KEYS.escape);

		await chat.waitFor(frame => frame.includes('Interrupted'));
		const frame = chat.frame();
		expect(frame).toContain('w0 w1 w2');
		expect(frame).not.toContain('w199');

		await chat.submit('next');
		await chat.waitFor(frame => frame.includes('Echo: next'));
		// The partial answer went back as history, the question after it too.
		const last = bodies(chat).at(-1)!;
		expect(last.messages.map(message => message.role)).toEqual(['user', 'assistant', 'user']);
		expect(String(last.messages[1]!.content)).toMatch(/^w0 w1 w2/);
	});

	it('writes the model’s text, answer and thinking alike, without escape sequences or their debris', async () => {
		chat = await startChat({model: 'qwen-plus', color: true});
		// Thoughts in full from the next answer, so their text is written out.
		await chat.press(KEYS.ctrlO);
		await chat.waitFor(frame => frame.includes('thoughts shown in full'));
		chat.fake.enqueue({
			kind: 'stream',
			reasoning: ['Pondering \u001B]0;a ti', 'tle\u0007quietly'],
			// An OSC 52 clipboard write and a screen clear, each split across two chunks.
			chunks: ['hello \u001B]52;c;aGk=', '\u0007 world \u001B[2', 'J done'],
		});
		await chat.submit('go');
		await chat.waitFor(frame => frame.includes('done') && frame.includes('tokens in'));
		const frame = chat.frame();
		expect(frame).toMatch(/hello\s+world\s+done/);
		expect(frame).toContain('Pondering quietly');
		for (const debris of [']52;', 'aGk=', '[2J', '2J done', ']0;', 'a title']) expect(frame).not.toContain(debris);
		const written = chat.app.frames.join('');
		expect(written).not.toContain('\u001B]52');
		expect(written).not.toContain('\u001B]0;');
		expect(written).not.toContain('\u001B[2J');
	});

	it('Ctrl+C stops a stream too', async () => {
		chat = await startChat();
		chat.fake.enqueue({kind: 'stream', chunks: Array.from({length: 200}, (_, index) => `c${index} `), delayMs: 20});
		await chat.submit('go');
		await chat.waitFor(frame => frame.includes('c2 '));
		await chat.press(KEYS.ctrlC);
		await chat.waitFor(frame => frame.includes('Interrupted'));
		expect(chat.frame()).toContain('Ctrl+C again to exit');
	});
});

describe('errors', () => {
	it('shows a classified error inline with the next step, and the next message still works', async () => {
		chat = await startChat();
		chat.fake.enqueue(serviceError('arrears'));
		await chat.submit('first try');
		await chat.waitFor(frame => frame.includes('✗'));
		const frame = chat.frame();
		expect(frame).toMatch(/good standing|arrears|overdue/i);
		expect(frame).toContain('→ ');
		expect(frame).not.toContain(TEST_KEYS.intl);

		await chat.submit('second try');
		await chat.waitFor(frame => frame.includes('Echo: second try'));
		// The failed question is not sent again.
		expect(bodies(chat).at(-1)!.messages).toHaveLength(1);
	});

	it('names a model the region does not have, with the pane’s way out rather than a shell command', async () => {
		chat = await startChat({model: 'qwen-coder-plus'});
		await chat.submit('hello');
		await chat.waitFor(frame => frame.includes('✗'));
		expect(chat.frame()).toContain('qwen-coder-plus');
		expect(chat.frame()).toMatch(/→ Pick a model your region serves with \/model/);
		expect(chat.frame()).not.toContain('openclaw models');
	});
	it('Esc stops the look at other regions after a rejected key, and the error shows at once', async () => {
		const fake = await startFakeDashScope();
		try {
			// A China key sent to Singapore: the 401 makes the pane ask the other regions, and China never answers.
			const key = TEST_KEYS.cn;
			fake.enqueueModels({kind: 'hang'});
			const region = getRegion('intl');
			chat = await startChat(
				{
					client: createDashScopeClient({apiKey: key, baseUrl: fake.baseUrls.intl, maxRetries: 0, timeoutMs: 5000, env: fake.env}),
					secrets: [key],
					explain: async (error, signal) =>
						explainRejectedKey(new DashScopeError(error), {key, region, env: fake.env, timeoutMs: 60_000, signal}),
				},
				fake,
			);
			await chat.submit('hello');
			await chat.waitFor(() => fake.requests.some(request => request.path.includes('/models') && request.authorized));
			await sleep(50);
			expect(chat.frame()).not.toContain('✗');
			await chat.press(KEYS.escape);
			await chat.waitFor(frame => frame.includes('✗'), 2000);
			expect(chat.frame()).not.toContain(key);
			await chat.submit('again');
			await chat.waitFor(() => fake.chatRequests().length === 2);
		} finally {
			await chat?.close();
			chat = undefined;
			await fake.close();
		}
	});
});

describe('thinking models', () => {
	it('shows reasoning apart from the answer and never sends it back', async () => {
		chat = await startChat({model: 'qwen-plus'});
		await chat.submit('/think on');
		await chat.waitFor(frame => frame.includes('thinking on'));
		await chat.submit('why is the sky blue');
		await chat.waitFor(frame => frame.includes('Echo: why is the sky blue') && frame.includes('tokens in'));
		expect(bodies(chat)[0]!.enable_thinking).toBe(true);

		const frame = chat.frame();
		expect(frame).toMatch(/▸ Thought: \d+ words/);
		expect(frame).not.toContain('Thinking about: why');
		expect(frame.indexOf('Thought:')).toBeLessThan(frame.indexOf('Echo: why'));

		await chat.submit('and at sunset');
		await chat.waitFor(frame => frame.includes('Echo: and at sunset'));
		const sent = JSON.stringify(bodies(chat).at(-1)!.messages);
		expect(sent).not.toContain('Thinking about');
		expect(sent).toContain('Echo: why is the sky blue');
	});

	it('Ctrl+O opens and closes the reasoning in place while the answer is live', async () => {
		chat = await startChat({model: 'qwen-plus'});
		// No blank line in the answer, so no block of it goes to scrollback and the reasoning stays live until Esc.
		chat.fake.enqueue({kind: 'stream', reasoning: ['step one, ', 'step two'], chunks: Array.from({length: 1000}, (_, index) => `w${index} `), delayMs: 20});
		await chat.submit('/think on');
		await chat.waitFor(frame => frame.includes('thinking on'));
		await chat.submit('go');
		await chat.waitFor(frame => frame.includes('w1 ') && frame.includes('▸ Thought:'));
		await chat.press(KEYS.ctrlO);
		await chat.waitFor(frame => frame.includes('▾ Thought:') && frame.includes('step one, step two'));
		await chat.press(KEYS.ctrlO);
		await chat.waitFor(frame => frame.includes('▸ Thought:') && !frame.includes('step one, step two'));
		await chat.press(KEYS.escape);
		await chat.waitFor(frame => frame.includes('Interrupted'));
		// Written to scrollback once, as one line.
		expect(chat.frame().match(/Thought:/g)).toHaveLength(1);
	});

	it('Ctrl+O after the answer writes nothing again: it applies from the next answer, and the status line says so', async () => {
		chat = await startChat({model: 'qwen-plus'});
		await chat.submit('/think on');
		await chat.submit('first');
		await chat.waitFor(frame => frame.includes('Echo: first') && frame.includes('tokens in'));
		for (let press = 0; press < 4; press++) await chat.press(KEYS.ctrlO);
		await chat.press(KEYS.ctrlO);
		await chat.waitFor(frame => frame.includes('Ctrl+O: thoughts shown in full from the next answer'));
		expect(chat.frame().match(/Thinking about: first/g)).toBeNull();
		expect(chat.frame().match(/Thought:/g)).toHaveLength(1);

		await chat.submit('second');
		await chat.waitFor(frame => frame.includes('Echo: second') && frame.includes('tokens in'));
		expect(chat.frame().match(/Thinking about: second/g)).toHaveLength(1);
		expect(chat.frame()).not.toContain('from the next answer');
	});
});

describe('slash commands', () => {
	it('/help lists the commands and keys', async () => {
		chat = await startChat();
		await chat.submit('/help');
		await chat.waitFor(frame => frame.includes('/save <file>'));
		for (const text of ['/model [id|alias]', '/image <file>', '/clear', '/exit', 'Ctrl+J', 'Esc']) {
			expect(chat.frame()).toContain(text);
		}
	});

	it('/model switches by id or alias, and refuses names that are not DashScope ids', async () => {
		chat = await startChat();
		await chat.submit('/model qwen');
		await chat.waitFor(frame => frame.includes('Now chatting with Qwen Plus (qwen-plus)'));
		await chat.submit('hi');
		await chat.waitFor(frame => frame.includes('Echo: hi'));
		expect(bodies(chat)[0]!.model).toBe('qwen-plus');

		await chat.submit('/model qwen.qwen-plus');
		await chat.waitFor(frame => frame.includes('Try /model qwen-plus.'));
		expect(chat.frame()).toContain('no "qwen." prefix');
		expect(chat.frame()).toContain('qwen-plus · International');
	});

	it('/model and /retry take the user’s own aliases from openclaw.json, which win over the registry’s', async () => {
		// `qwen` is the registry's alias for qwen-plus; this user points it elsewhere.
		chat = await startChat({modelAliases: {big: 'qwen-max', qwen: 'qwen3-coder-plus'}});
		await chat.submit('/model big');
		await chat.waitFor(frame => frame.includes('Now chatting with Qwen Max (qwen-max)'));
		await chat.submit('hi');
		await chat.waitFor(frame => frame.includes('Echo: hi') && frame.includes('tokens in'));
		await chat.submit('/retry qwen');
		await chat.waitFor(frame => frame.includes('Asking qwen3-coder-plus again') && frame.match(/Echo: hi/g)?.length === 2);
		expect(bodies(chat).map(body => body.model)).toEqual(['qwen-max', 'qwen3-coder-plus']);
	});

	it('/model without a name opens the picker; Enter picks', async () => {
		chat = await startChat();
		await chat.submit('/model');
		await chat.waitFor(frame => frame.includes('Filter:'));
		await chat.type('max');
		await chat.waitFor(frame => frame.includes('❯'));
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => frame.includes('Now chatting with'));
		expect(chat.frame()).toMatch(/Now chatting with Qwen3? Max/);
		expect(chat.frame()).not.toContain('Filter:');
	});

	it('/clear starts a fresh conversation', async () => {
		chat = await startChat();
		await chat.submit('one');
		await chat.waitFor(frame => frame.includes('Echo: one'));
		await chat.submit('/clear');
		await chat.waitFor(frame => frame.includes('New conversation: the model starts fresh.'));
		await chat.submit('two');
		await chat.waitFor(frame => frame.includes('Echo: two'));
		expect(bodies(chat).at(-1)!.messages).toEqual([{role: 'user', content: 'two'}]);
	});

	it('/clear while an answer streams is refused with a notice, and the attached image stays', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'openclaw-chat-'));
		try {
			await writeFile(join(dir, 'dot.png'), DOT_PNG);
			chat = await startChat({cwd: dir, model: 'qwen3-vl-plus'});
			// Long enough to still stream while the commands run, however busy the machine; Esc ends it.
			chat.fake.enqueue({kind: 'stream', chunks: Array.from({length: 1000}, (_, index) => `slow${index} `), delayMs: 20});
			await chat.submit('one');
			await chat.waitFor(frame => /streaming \d/.test(frame));
			await chat.submit('/image dot.png');
			await chat.waitFor(frame => frame.includes('1 image attached'));
			await chat.submit('/clear');
			await chat.waitFor(frame => frame.includes('Stop the answer first (Esc), then /new'));
			expect(chat.frame()).toContain('1 image attached');
			expect(chat.frame()).not.toContain('New conversation');

			await chat.press(KEYS.escape);
			await chat.waitFor(frame => frame.includes('Interrupted') && !/streaming \d/.test(frame));
			await chat.submit('two');
			await chat.waitFor(frame => frame.includes('Echo: two [1 image]'));
			// Nothing was cleared: the first exchange goes along, and so does the image.
			const sent = bodies(chat).at(-1)!.messages;
			expect(sent).toHaveLength(3);
			expect(JSON.stringify(sent.at(-1))).toContain('data:image/png;base64,');
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('/save writes the conversation as markdown, without the key', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'openclaw-chat-'));
		try {
			chat = await startChat({cwd: dir});
			await chat.submit(`my key is ${TEST_KEYS.intl}`);
			await chat.waitFor(frame => frame.includes('Echo: my key'));
			await chat.submit('/save notes/../chat.md');
			await chat.waitFor(frame => frame.includes('Saved 1 exchange'));
			const saved = await readFile(join(dir, 'chat.md'), 'utf8');
			expect(saved).toContain('## You');
			expect(saved).toContain('## qwen3-coder-plus');
			expect(saved).toContain('Echo: my key is');
			expect(saved).not.toContain(TEST_KEYS.intl);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('/save never overwrites a file: it says the file exists and how to save elsewhere', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'openclaw-chat-'));
		try {
			await writeFile(join(dir, 'notes.md'), 'my own notes\n');
			chat = await startChat({cwd: dir});
			await chat.submit('hello');
			await chat.waitFor(frame => frame.includes('Echo: hello'));
			await chat.submit('/save notes.md');
			await chat.waitFor(frame => frame.includes('already exists'));
			expect(chat.frame()).toContain('/save <other file>');
			expect(chat.frame()).not.toContain('Saved 1 exchange');
			expect(await readFile(join(dir, 'notes.md'), 'utf8')).toBe('my own notes\n');

			await chat.submit('/save chat.md');
			await chat.waitFor(frame => frame.includes('Saved 1 exchange'));
			expect((await stat(join(dir, 'chat.md'))).mode & 0o777).toBe(0o600);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('/image on a text-only model offers qwen3-vl-plus, then sends the image with the next message', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'openclaw-chat-'));
		try {
			await writeFile(join(dir, 'dot.png'), DOT_PNG);
			chat = await startChat({cwd: dir});
			await chat.submit('/image missing.png');
			await chat.waitFor(frame => frame.includes('missing.png'));

			await chat.submit('/image dot.png');
			await chat.waitFor(frame => frame.includes('Switch to qwen3-vl-plus'));
			await sleep(50); // The question takes keys once it has drawn.
			await chat.press('y');
			await chat.waitFor(frame => frame.includes('Now chatting with Qwen3 Vision Plus'));
			expect(chat.frame()).toContain('1 image attached');

			await chat.submit('what is this');
			await chat.waitFor(frame => frame.includes('Echo: what is this [1 image]'));
			const body = bodies(chat).at(-1)!;
			expect(body.model).toBe('qwen3-vl-plus');
			expect(JSON.stringify(body.messages)).toContain('data:image/png;base64,');
			expect(chat.frame()).not.toContain('image attached');

			// Back on a text-only model the conversation goes on: the earlier image is named, not sent.
			await chat.waitFor(frame => !/streaming \d/.test(frame));
			await chat.submit('/model qwen-plus');
			await chat.waitFor(frame => frame.includes('Now chatting with Qwen Plus'));
			await chat.submit('and now?');
			await chat.waitFor(frame => frame.includes('Echo: and now?'));
			const textOnly = bodies(chat).at(-1)!;
			expect(textOnly.model).toBe('qwen-plus');
			expect(JSON.stringify(textOnly.messages)).not.toContain('data:image');
			expect(textOnly.messages[0]!.content).toBe('[image dot.png was attached here]\nwhat is this');
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});

	it('unknown commands get a hint instead of being sent', async () => {
		chat = await startChat();
		await chat.submit('/hepl');
		await chat.waitFor(frame => frame.includes('Unknown command /hepl'));
		expect(chat.frame()).toContain('Did you mean /help?');
		expect(chat.fake.chatRequests()).toHaveLength(0);
	});
});

describe('prompt', () => {
	it('Ctrl+J inserts a newline, Enter sends both lines, ↑ brings the prompt back', async () => {
		chat = await startChat();
		await chat.type('line one');
		await chat.press(KEYS.ctrlJ);
		await chat.type('line two');
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => frame.includes('Echo: line one'));
		expect(bodies(chat)[0]!.messages[0]!.content).toBe('line one\nline two');

		await chat.press(KEYS.up);
		await chat.waitFor(frame => /› line one\n\s+line two/.test(frame.split('Echo:').at(-1) ?? ''));
	});

	it('sends when Enter arrives in the same input chunk as the text (tmux send-keys, SSH)', async () => {
		chat = await startChat();
		await chat.type('hello there\r');
		await chat.waitFor(frame => frame.includes('Echo: hello there'));
		expect(bodies(chat)[0]!.messages[0]!.content).toBe('hello there');
		// A bracketed paste keeps its line breaks and sends nothing by itself.
		await chat.type('\u001B[200~one\r\ntwo\rthree\u001B[201~');
		await chat.waitFor(frame => frame.includes('three'));
		expect(chat.fake.chatRequests()).toHaveLength(1);
		await chat.press(KEYS.enter);
		await chat.waitFor(() => chat!.fake.chatRequests().length === 2);
		expect(bodies(chat)[1]!.messages.at(-1)!.content).toBe('one\ntwo\nthree');
	});

	it('takes a pasted block of lines whole', async () => {
		chat = await startChat();
		await chat.type('\u001B[200~alpha\nbeta\ngamma\u001B[201~');
		await chat.waitFor(frame => frame.includes('gamma'));
		expect(chat.fake.chatRequests()).toHaveLength(0);
		await chat.press(KEYS.enter);
		await chat.waitFor(() => chat!.fake.chatRequests().length === 1);
		expect(bodies(chat)[0]!.messages[0]!.content).toBe('alpha\nbeta\ngamma');
	});

	it('Ctrl+C clears the prompt, and a second one within a second exits', async () => {
		chat = await startChat();
		await chat.type('draft');
		await chat.press(KEYS.ctrlC);
		await chat.waitFor(frame => !frame.includes('draft') && frame.includes('Ctrl+C again to exit'));
		await chat.press(KEYS.ctrlC);
		await sleep(50);
		// The app has exited: its frame no longer takes input.
		await chat.type('ignored');
		expect(chat.frame()).not.toContain('ignored');
	});
});

describe('keys that arrive together', () => {
	it('applies every key of one chunk: three Backspaces, three Lefts, text with Ctrl keys', async () => {
		chat = await startChat();
		await chat.type('abcdef');
		await chat.waitFor(frame => frame.includes('› abcdef'));
		await chat.type('\u007F\u007F\u007F');
		await chat.waitFor(frame => /^› abc\s*$/m.test(frame));
		await chat.type('\u001B[D\u001B[D\u001B[DX');
		await chat.waitFor(frame => /^› Xabc\s*$/m.test(frame));
		await chat.type('\u0005!\u0001>\r');
		await chat.waitFor(frame => frame.includes('Echo: >Xabc!'));
	});

	it('a command and a message in one chunk: the message goes to the model just chosen', async () => {
		chat = await startChat();
		await chat.type('/model qwen-max\rhello\r');
		await chat.waitFor(frame => frame.includes('Echo: hello'));
		expect(bodies(chat)[0]!.model).toBe('qwen-max');
	});
});

describe('type-ahead', () => {
	// Long enough to still stream while the test types, however busy the machine.
	const slowAnswer = (chunks = 1000) => ({kind: 'stream' as const, chunks: Array.from({length: chunks}, (_, index) => `s${index} `), delayMs: 20});

	it('a message sent while an answer streams waits, shown as queued, and goes when the answer ends', async () => {
		chat = await startChat();
		chat.fake.enqueue({kind: "stream", chunks: Array.from({length: 30}, (_, index) => `s${index} `), delayMs: 150});
		await chat.submit('first');
		await chat.waitFor(frame => frame.includes('s1 '));
		await chat.submit('second');
		await chat.waitFor(frame => frame.includes('Queued until the answer ends') && frame.includes('› second'));
		// The prompt itself is free again.
		expect(chat.frame()).toMatch(/^› {2}Esc stops the answer; you can type ahead$/m);
		// A second one stays in the prompt rather than being dropped.
		await chat.submit('third');
		await chat.waitFor(frame => /^› third\s*$/m.test(frame));

		await chat.waitFor(frame => frame.includes('Echo: second'), 30_000);
		expect(bodies(chat).map(body => body.messages.at(-1)!.content)).toEqual(['first', 'second']);
		expect(chat.frame()).not.toContain('Queued');
		expect(chat.frame()).toMatch(/^› third\s*$/m);
	});

	it('Esc stops the answer and hands the queued message back to the prompt, unsent', async () => {
		chat = await startChat();
		chat.fake.enqueue(slowAnswer());
		await chat.submit('first');
		await chat.waitFor(frame => frame.includes('s1 '));
		await chat.submit('second');
		await chat.waitFor(frame => frame.includes('Queued'));
		await chat.type('more');
		await chat.press(KEYS.escape);
		await chat.waitFor(frame => frame.includes('Interrupted') && frame.includes('back in the prompt'));
		expect(chat.frame()).toMatch(/^› second\s*\n\s+more/m);
		expect(chat.fake.chatRequests()).toHaveLength(1);
	});
});

describe('command completion', () => {
	it('"/" lists the commands under the prompt; typing filters, Tab completes, Esc closes', async () => {
		chat = await startChat();
		await chat.type('/');
		await chat.waitFor(frame => frame.includes('/model [id|alias]') && frame.includes('/image <file>'));
		expect(chat.frame()).toContain('Tab complete');
		await chat.type('he');
		await chat.waitFor(frame => frame.includes('/help') && !frame.includes('/save <file>'));
		await chat.press('\t');
		await chat.waitFor(frame => /^› \/help\s*$/m.test(frame) && !frame.includes('show this list'));
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => frame.includes('Ctrl+J / Alt+Enter'));

		// /help wrote the same lines above: look under the prompt only.
		const menu = (frame: string) => frame.slice(frame.lastIndexOf('› /'));
		await chat.type('/');
		await chat.waitFor(frame => menu(frame).includes('/image <file>'));
		await chat.press(KEYS.escape);
		await chat.waitFor(frame => !menu(frame).includes('/image <file>') && menu(frame).includes('Enter send'));
	});

	it('↓ highlights an entry and Enter takes it instead of sending', async () => {
		chat = await startChat();
		await chat.type('/');
		await chat.waitFor(frame => frame.includes('/model [id|alias]'));
		await chat.press(KEYS.down);
		await chat.press(KEYS.down);
		await chat.waitFor(frame => frame.includes('❯ /image <file>'));
		await chat.press(KEYS.enter);
		await chat.waitFor(frame => /^› \/image\s*$/m.test(frame));
		expect(chat.fake.chatRequests()).toHaveLength(0);
	});
});

describe('/model outside the registry', () => {
	it('asks the region: a typo is refused with the closest listed ids and the model stays', async () => {
		chat = await startChat();
		await chat.submit('/model qwen-pluss');
		await chat.waitFor(frame => frame.includes('not in the model list'));
		expect(chat.frame()).toContain('Try /model qwen-plus.');
		expect(chat.frame()).toContain('qwen3-coder-plus · International');
		expect(chat.frame()).not.toContain('Now chatting with qwen-pluss');
	});

	it('an id the region lists is taken, and one it cannot check is taken with a note', async () => {
		chat = await startChat();
		const outside = DEFAULT_MODEL_IDS.intl.find(id => findModel(id) === undefined)!;
		await chat.submit(`/model ${outside}`);
		await chat.waitFor(frame => frame.includes(`Now chatting with ${outside}`) && frame.includes('lists it'));

		chat.fake.enqueueModels({kind: 'error', status: 500, body: {error: {message: 'internal', code: 'InternalError'}}});
		await chat.submit('/model qwen-some-new-model');
		await chat.waitFor(frame => frame.includes('Now chatting with qwen-some-new-model'));
		expect(chat.frame()).toContain('Could not check qwen-some-new-model');
	});
});
