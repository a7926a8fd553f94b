/**
 * The pane in a real pseudo-terminal, read back through a headless xterm with
 * scrollback (test/support/pty-driver.ts): long answers stream at 80x24, the
 * terminal is resized mid-stream, and the scrollback must hold every line of
 * the answer once, in order. xterm.js rewraps lines on a resize, as VS Code's
 * terminal, tmux, VTE and iTerm2 do.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {startFakeDashScope, TEST_KEYS, type FakeDashScope} from '../support/fake-dashscope.js';
import {PTY_KEYS, spawnPty, type PtySession} from '../support/pty-driver.js';
import {CLI_PATH} from '../support/run-cli.js';

let fake: FakeDashScope;
let home: string;
let session: PtySession | undefined;
beforeEach(async () => {
	fake = await startFakeDashScope();
	home = await mkdtemp(join(tmpdir(), 'openclaw-chat-e2e-'));
});
afterEach(async () => {
	session?.kill();
	session = undefined;
	await fake.close();
	await rm(home, {recursive: true, force: true});
});

function openPane(extraEnv: Record<string, string> = {}): PtySession {
	session = spawnPty({
		command: process.execPath,
		args: [CLI_PATH, 'chat'],
		cols: 80,
		rows: 24,
		scrollback: 100_000,
		cwd: home,
		env: {
			PATH: process.env['PATH'] ?? '',
			HOME: home,
			TERM: 'xterm-256color',
			// xterm.js is VS Code's terminal; the pane knows it rewraps lines.
			TERM_PROGRAM: 'vscode',
			QWEN_API_KEY: TEST_KEYS.intl,
			...fake.env,
			...extraEnv,
		},
	});
	return session;
}

const chunked = (text: string) => text.match(/[\s\S]{1,48}/g) ?? [];

/** Waits until the program has written `text` (it may already have scrolled off the screen). */
async function waitForOutput(pane: PtySession, text: string | RegExp, timeoutMs = 60_000): Promise<void> {
	const started = Date.now();
	while (typeof text === 'string' ? !pane.output().includes(text) : !text.test(pane.output())) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${String(text)}; screen:\n${pane.screen()}`);
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
}

async function ask(pane: PtySession, question: string): Promise<void> {
	await pane.waitFor('Ask anything');
	pane.write(question);
	await pane.press(PTY_KEYS.enter);
}

/** Markers in the scrollback must be exactly `expected`: none lost, none twice, in order. */
async function expectOnceInOrder(pane: PtySession, marker: RegExp, expected: string[]): Promise<void> {
	const markers: string[] = (await pane.lines()).join('\n').match(marker) ?? [];
	const duplicated = markers.filter((found, index) => markers.indexOf(found) !== index);
	const missing = expected.filter(found => !markers.includes(found));
	expect({duplicated: duplicated.slice(0, 10), missing: missing.slice(0, 10)}).toEqual({duplicated: [], missing: []});
	expect(markers).toEqual(expected);
}

/** Once the output has the text, the terminal becomes cols x rows. */
type Resize = [after: string, cols: number, rows: number];

type ResizedStream = {
	delayMs: number;
	resizes: Resize[];
	/** The answer's lines start with this letter and a 4-digit number: L0001 … */
	marker: string;
	lines: number;
};

/** Streams `answer` into a fresh pane, resizing it on the way; every numbered line must land once, in order. */
async function streamThroughResizes(question: string, answer: string, run: ResizedStream): Promise<PtySession> {
	fake.enqueue({kind: 'stream', chunks: chunked(answer), delayMs: run.delayMs});
	const pane = openPane();
	await ask(pane, question);
	for (const [after, cols, rows] of run.resizes) {
		await waitForOutput(pane, after);
		// Between two writes of the pane: bytes still in flight at a resize are drawn at the new width
		// by any terminal, whatever the program meant; that race is the terminal's, not the pane's.
		await pane.resizeBetweenWrites(cols, rows);
	}

	await pane.waitFor(/tokens in \d+/, 120_000);
	const expected = Array.from({length: run.lines}, (_, index) => `${run.marker}${String(index + 1).padStart(4, '0')}`);
	await expectOnceInOrder(pane, new RegExp(`${run.marker}\\d{4}(?= )`, 'g'), expected);
	return pane;
}

async function leave(pane: PtySession): Promise<number> {
	await pane.press(PTY_KEYS.ctrlC, PTY_KEYS.ctrlC);
	return pane.exited();
}

test('a 2,000-line answer with a resize mid-stream lands in scrollback once, in order', async () => {
	const lines = 2000;
	// Paragraph lines, with a 200-line code block in the middle (it cannot be split while it streams).
	const parts: string[] = [];
	for (let line = 1; line <= lines; line++) {
		const marker = `L${String(line).padStart(4, '0')}`;
		if (line === 801) parts.push('```text\n');
		if (line >= 801 && line <= 1000) parts.push(`${marker} inside the code block\n`);
		else parts.push(`${marker} is line ${line} of the answer.\n\n`);
		if (line === 1000) parts.push('```\n\n');
	}

	const resizes: Resize[] = [
		['L0400', 60, 20],
		['L1500', 100, 30],
	];
	const pane = await streamThroughResizes('show me the long answer', parts.join(''), {delayMs: 1, resizes, marker: 'L', lines});
	expect(await leave(pane)).toBe(0);
}, 180_000);

test('a code block of lines nearly as wide as the terminal survives shrinking mid-stream', async () => {
	const lines = 400;
	// Every line is 76 columns: after a shrink each takes two rows in the rewrapped live area.
	const code = Array.from({length: lines}, (_, index) => `C${String(index + 1).padStart(4, '0')} `.padEnd(76, '=')).join('\n');
	const answer = `Here is the file:\n\n\`\`\`text\n${code}\n\`\`\`\n\nThat is all.`;
	const resizes: Resize[] = [
		['C0120', 60, 24],
		['C0260', 44, 24],
	];
	const pane = await streamThroughResizes('a wide file', answer, {delayMs: 2, resizes, marker: 'C', lines});
	// The text before and after the block is there once too.
	const all = (await pane.lines()).join('\n');
	expect(all.split('Here is the file:')).toHaveLength(2);
	expect(all.split('That is all.')).toHaveLength(2);
	expect(await leave(pane)).toBe(0);
}, 180_000);

test('bracketed paste is on while the pane runs and off after it exits; Enter typed with the text sends it', async () => {
	const pane = openPane();
	await pane.waitFor('Ask anything');
	expect(pane.output()).toContain('\u001B[?2004h');
	// tmux send-keys 'hello' Enter: the text and the CR arrive in one read.
	pane.write('hello from tmux\r');
	await pane.waitFor('Echo: hello from tmux');
	expect(await leave(pane)).toBe(0);
	const output = pane.output();
	expect(output.lastIndexOf('\u001B[?2004l')).toBeGreaterThan(output.lastIndexOf('\u001B[?2004h'));
}, 60_000);

test('with CI set in the shell, the pane still draws its prompt and answers in a terminal', async () => {
	// Ink alone would go non-interactive under CI: the header, then an empty screen until exit.
	const pane = openPane({CI: 'true'});
	await pane.waitFor('Ask anything');
	pane.write('hello with CI set\r');
	await pane.waitFor('Echo: hello with CI set');
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('signals leave the terminal sane: SIGINT counts as Ctrl+C, SIGTERM ends the pane', async () => {
	const pane = openPane();
	await pane.waitFor('Ask anything');
	pane.signal('SIGINT');
	await pane.waitFor('Ctrl+C again to exit');
	pane.signal('SIGTERM');
	expect(await pane.exited()).toBe(143);
	const output = pane.output();
	// Bracketed paste is switched off again, so the shell does not get ESC[200~ around pastes.
	expect(output.lastIndexOf('\u001B[?2004l')).toBeGreaterThan(output.lastIndexOf('\u001B[?2004h'));
}, 60_000);

/** The prompt's row as the screen shows it: "› " and the text, then the cursor's cell (a space drawn inverse). */
const promptRow = (text: string) => new RegExp(`^› ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ?$`, 'm');

test('keys that arrive in one write all count: three Backspaces, three Lefts', async () => {
	const pane = openPane();
	await pane.waitFor('Ask anything');
	pane.write('abcdef');
	await pane.waitFor(promptRow('abcdef'));
	// Key repeat or tmux: the three bytes come in one read.
	pane.write('\u007F\u007F\u007F');
	await pane.waitFor(promptRow('abc'));
	pane.write(`${PTY_KEYS.left}${PTY_KEYS.left}${PTY_KEYS.left}X`);
	await pane.waitFor(promptRow('Xabc'));
	pane.write('\r');
	await pane.waitFor('Echo: Xabc');
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('30 Backspaces 10 ms apart while an answer streams: each deletes one character', async () => {
	fake.enqueue({kind: 'stream', chunks: Array.from({length: 600}, (_, index) => `t${index} `), delayMs: 25});
	const pane = openPane();
	await ask(pane, 'stream for a while');
	await pane.waitFor(/streaming \d+\.\d s/);
	const kept = 'keep these words';
	pane.write(`${kept}${'x'.repeat(30)}`);
	await pane.waitFor(promptRow(`${kept}${'x'.repeat(30)}`));
	for (let press = 0; press < 30; press++) {
		pane.write(PTY_KEYS.backspace);
		// The pace of a held key.
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}

	await pane.waitFor(promptRow(kept));
	expect(pane.screen()).toMatch(/streaming \d+\.\d s/);
	await pane.press(PTY_KEYS.escape);
	await pane.waitFor('Interrupted');
	expect(pane.screen()).toMatch(promptRow(kept));
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('a prompt and Enter typed before the first frame are sent once the pane is up', async () => {
	const pane = openPane();
	// Straight after the start: the terminal is still in cooked mode, which turns the Enter into a line feed.
	pane.write('typed before the screen\r');
	await pane.waitFor('Echo: typed before the screen');
	await pane.waitFor(/^› {2}Ask anything/m);
	expect(fake.chatRequests()).toHaveLength(1);
	expect(fake.chatRequests()[0]!.body).toMatchObject({messages: [{role: 'user', content: 'typed before the screen'}]});
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('an answer of single lines shows one line per row, on screen and in scrollback', async () => {
	const answer = Array.from({length: 40}, (_, index) => `line ${index + 1}: status ok`).join('\n');
	fake.enqueue({kind: 'stream', chunks: chunked(answer), delayMs: 1});
	const pane = openPane();
	await ask(pane, 'show the log');
	await pane.waitFor(/tokens in \d+/);
	expect(pane.screen()).toMatch(/^line 38: status ok\nline 39: status ok\nline 40: status ok$/m);
	const lines = await pane.lines();
	const first = lines.indexOf('line 1: status ok');
	expect(first).toBeGreaterThan(-1);
	expect(lines.slice(first, first + 40)).toEqual(answer.split('\n'));
	expect(await leave(pane)).toBe(0);
}, 60_000);

test('a long prompt is echoed with "› " and a hanging indent of two, words whole', async () => {
	const pane = openPane();
	await pane.waitFor('Ask anything');
	const words = Array.from({length: 30}, (_, index) => `word${index}`);
	pane.write(`${words.join(' ')}\r`);
	await pane.waitFor(/tokens in \d+/);
	const lines = await pane.lines();
	const start = lines.findIndex(line => line.startsWith('› word0 '));
	const echo = lines.slice(start, lines.findIndex((line, index) => index > start && !line.startsWith('  ')));
	expect(echo.length).toBeGreaterThan(1);
	for (const row of echo.slice(1)) expect(row).toMatch(/^ {2}word\d+/);
	expect(echo.join(' ').replace(/^› /, '').split(/\s+/)).toEqual(words);
	// One blank row between the echo and the answer.
	expect(lines[start + echo.length]).toBe('');
	expect(lines[start + echo.length + 1]).toMatch(/^Echo: word0/);
	expect(await leave(pane)).toBe(0);
}, 60_000);
