/**
 * The pane in a real pseudo-terminal, read back through a headless xterm with
 * scrollback: a 2,000-line answer streams at 80x24, the terminal is resized
 * mid-stream, and the scrollback must hold every line once, in order.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawn, type IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {startFakeDashScope, TEST_KEYS, type FakeDashScope} from '../support/fake-dashscope.js';
import {CLI_PATH} from '../support/run-cli.js';

const LINES = 2000;

/** Paragraph lines, with a 200-line code block in the middle (it cannot be split while it streams). */
function longAnswer(): string {
	const parts: string[] = [];
	for (let line = 1; line <= LINES; line++) {
		const marker = `L${String(line).padStart(4, '0')}`;
		if (line === 801) parts.push('```text\n');
		if (line >= 801 && line <= 1000) parts.push(`${marker} inside the code block\n`);
		else parts.push(`${marker} is line ${line} of the answer.\n\n`);
		if (line === 1000) parts.push('```\n\n');
	}

	return parts.join('');
}

let fake: FakeDashScope;
let home: string;
let pty: IPty | undefined;
beforeEach(async () => {
	fake = await startFakeDashScope();
	home = await mkdtemp(join(tmpdir(), 'openclaw-chat-e2e-'));
});
afterEach(async () => {
	pty?.kill();
	pty = undefined;
	await fake.close();
	await rm(home, {recursive: true, force: true});
});

const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

test('a 2,000-line answer with a resize mid-stream lands in scrollback once, in order', async () => {
	const answer = longAnswer();
	fake.enqueue({kind: 'stream', chunks: answer.match(/[\s\S]{1,48}/g) ?? [], delayMs: 1});

	const terminal = new xterm.Terminal({cols: 80, rows: 24, scrollback: 100_000, allowProposedApi: true});
	let output = '';
	const child = spawn(process.execPath, [CLI_PATH, 'chat'], {
		cols: 80,
		rows: 24,
		cwd: home,
		env: {
			PATH: process.env['PATH'] ?? '',
			HOME: home,
			TERM: 'xterm-256color',
			QWEN_API_KEY: TEST_KEYS.intl,
			...fake.env,
		},
	});
	pty = child;
	child.onData(data => {
		output += data;
		terminal.write(data);
	});
	const exited = new Promise<number>(resolve => child.onExit(({exitCode}) => resolve(exitCode)));

	const screenText = () => bufferLines(terminal).join('\n');
	const waitFor = async (check: () => boolean, what: string, timeoutMs = 60_000) => {
		const start = Date.now();
		while (!check()) {
			if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}; screen:\n${screenText().slice(-2000)}`);
			await sleep(20);
		}
	};

	await waitFor(() => output.includes('Ask anything'), 'the prompt');
	await sleep(300); // Ink enables raw mode just after its first frame.
	child.write('show me the long answer');
	await sleep(50);
	child.write('\r');

	await waitFor(() => output.includes('L0400'), 'the stream to be under way');
	child.resize(60, 20);
	terminal.resize(60, 20);
	await waitFor(() => output.includes('L1500'), 'more of the stream');
	child.resize(100, 30);
	terminal.resize(100, 30);
	await waitFor(() => /tokens in \d+/.test(screenText()), 'the end of the answer', 120_000);
	await sleep(200);

	const markers = screenText().match(/L\d{4}(?= )/g) ?? [];
	const expected = Array.from({length: LINES}, (_, index) => `L${String(index + 1).padStart(4, '0')}`);
	const duplicated = markers.filter((marker, index) => markers.indexOf(marker) !== index);
	const missing = expected.filter(marker => !markers.includes(marker));
	expect({duplicated: duplicated.slice(0, 10), missing: missing.slice(0, 10)}).toEqual({duplicated: [], missing: []});
	expect(markers).toEqual(expected);

	child.write('\u0003');
	await sleep(100);
	child.write('\u0003');
	expect(await exited).toBe(0);
}, 180_000);

/** The whole buffer, scrollback included, with soft-wrapped rows joined back into their lines. */
function bufferLines(terminal: xterm.Terminal): string[] {
	const buffer = terminal.buffer.normal;
	const lines: string[] = [];
	for (let index = 0; index < buffer.length; index++) {
		const line = buffer.getLine(index);
		if (!line) continue;
		const text = line.translateToString(true);
		if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
		else lines.push(text);
	}

	return lines;
}
