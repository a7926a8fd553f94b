/**
 * The cost and the context meter in a real pseudo-terminal: a conversation
 * on qwen3-coder-plus against a fake DashScope that counts each request's
 * tokens a thousand times over (so a few screens of text fill the window the
 * way a long conversation would). The cost per turn changes tier past 32K,
 * the meter climbs and warns, the pane compacts by itself and says so, and at
 * 40x12 the status line still fits.
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
	fake = await startFakeDashScope({promptTokenScale: 1000, cachedShare: 0.6});
	home = await mkdtemp(join(tmpdir(), 'openclaw-cost-e2e-'));
});
afterEach(async () => {
	session?.kill();
	session = undefined;
	await fake.close();
	await rm(home, {recursive: true, force: true});
});

/** The status line: the two rows above the footer. */
function statusRows(screen: string): string[] {
	const rows = screen.split('\n').map(row => row.trimEnd());
	const footer = rows.findLastIndex(row => row.startsWith('Enter send'));
	return rows.slice(footer - 2, footer);
}

const words = (count: number) => 'the quick brown fox jumps over the lazy dog '.repeat(count).trim();

/** Waits until the screen passes `check` (what the program wrote is drawn first). */
async function until(pane: PtySession, check: (screen: string) => boolean, timeoutMs = 30_000): Promise<string> {
	const started = Date.now();
	for (;;) {
		await pane.lines();
		const screen = pane.screen();
		if (check(screen)) return screen;
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out; screen:\n${screen}`);
		await new Promise(resolve => {
			setTimeout(resolve, 40);
		});
	}
}

test('the meter climbs, the cost changes tier past 32K, the pane warns and compacts visibly, and 40x12 still fits', async () => {
	session = spawnPty({
		command: process.execPath,
		args: [CLI_PATH, 'chat'],
		cols: 80,
		rows: 24,
		cwd: home,
		env: {PATH: process.env['PATH'] ?? '', HOME: home, TERM: 'xterm-256color', QWEN_API_KEY: TEST_KEYS.intl, ...fake.env},
	});
	const pane = session;
	let asked = 0;
	/** Sends a numbered message and waits until its answer is in and the status line shows its figures. */
	const ask = async (text: string) => {
		const question = `Q${++asked}: ${text}`;
		await pane.waitFor('Ask anything');
		pane.write(question);
		await pane.press(PTY_KEYS.enter);
		const echoed = `Echo: ${question.slice(0, 20)}`;
		await until(pane, screen => /tokens in \d+/.test(screen) && !/streaming \d|waiting \d|compacting \d/.test(screen) && pane.output().includes(echoed));
	};

	const transcript = async () => (await pane.lines()).join('\n').replace(/\s+/g, ' ');

	// About 17,000 tokens: the first tier, $1 per 1M in.
	await ask('Explain binary search on a sorted array, with an example in Python');
	expect(statusRows(pane.screen())).toEqual([
		expect.stringMatching(/^qwen3-coder-plus · International \(Singapore\) · ctx \d% · 1\dk\/1\.05M$/),
		expect.stringMatching(/^tokens in 1\d{4} · out \d+ · cache 60% · \$0\.00\d\d · input ≤32K/),
	]);

	// Past 32K every token costs 1.8 times as much.
	await ask('Now the same in Rust, and the off-by-one pitfalls people hit');
	expect(statusRows(pane.screen())[1]).toMatch(/^tokens in [3-9]\d{4} · out \d+ · cache 60% · \$0\.0\d\d · input 32K–128K · session \$0\.\d+/);

	// Longer messages fill the window: the warning comes as the meter passes 80%.
	while (!(await transcript()).includes("of qwen3-coder-plus's window")) await ask(words(4));
	expect(await transcript()).toMatch(/The conversation takes (8\d|9\d)% of qwen3-coder-plus's window/);
	expect(statusRows(pane.screen())[0]).toMatch(/ctx (8\d|9\d)% · \d+k\/1\.05M$/);

	// Past 85% a message goes once the older turns are summarised, and the pane says both.
	while (!(await transcript()).includes('Compacted')) await ask('What is its time complexity?');
	const compacted = await transcript();
	expect(compacted).toMatch(/With your message the conversation would take (8[5-9]|9\d)% of qwen3-coder-plus's window: compacting the older turns first/);
	expect(compacted).toMatch(/Compacted \d+ turns: \d+k → \d+ tokens\./);
	expect(statusRows(pane.screen())[0]).toMatch(/ctx \d{1,2}% · /);

	await pane.resize(40, 12);
	await until(pane, screen => statusRows(screen)[0]?.startsWith('qwen3-coder-plus · ctx') === true);
	const narrow = statusRows(pane.screen());
	for (const row of narrow) expect(row.length).toBeLessThanOrEqual(40);
	expect(narrow[1]).toMatch(/^\$0\.\d+ · session \$\d+\.\d\d$/);
	await pane.press(PTY_KEYS.ctrlC, PTY_KEYS.ctrlC);
	expect(await pane.exited()).toBe(0);
}, 120_000);
