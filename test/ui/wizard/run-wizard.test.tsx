/**
 * runWizard as the CLI calls it, on fake TTY streams: the alternate screen
 * while it runs, the summary in the normal scrollback after, colour only
 * without NO_COLOR.
 */
import fs from 'node:fs';
import {expect, test, vi} from 'vitest';
import {TEST_KEYS} from '../../support/fake-dashscope.js';
import {startFakeQwenOAuth} from '../../support/fake-qwen-oauth.js';
import {bracketedPaste, FakeStdin, FakeStdout, KEYS} from '../../support/ink-terminal.js';
import {freshFakeDashScopeHome} from '../../support/fresh-fake-dashscope-home.js';

// chalk decides its colour level on import; force colour so NO_COLOR has something to switch off.
vi.hoisted(() => {
	process.env['FORCE_COLOR'] = '1';
});

const {runWizard} = await import('../../../source/ui/wizard/run-wizard.js');

const ENTER_ALT = '\u001B[?1049h';
const LEAVE_ALT = '\u001B[?1049l';
const COLOR = /\u001B\[(?:3\d|9\d|4\d)(?:;\d+)*m/;

const {home} = freshFakeDashScopeHome();

const tick = async (ms = 30) => new Promise(resolve => setTimeout(resolve, ms));

async function start(env: Record<string, string | undefined> = {}, columns = 80) {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout(columns, 24);
	const done = runWizard({
		env: {...home.env, ...env},
		paths: home.paths,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
	});
	await tick(50);
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			stdin.write(key);
			await tick(key === KEYS.escape ? 60 : 40);
		}
	};

	const output = () => stdout.frames.join('');
	const waitFor = async (text: string) => {
		for (let waited = 0; !output().includes(text); waited += 50) {
			if (waited > 5000) throw new Error(`no ${text}`);
			await tick(50);
		}

		// Input hooks subscribe just after the frame is written.
		await tick(30);
	};

	return {done, press, output, waitFor};
}

const SHOW_CURSOR = '\u001B[?25h';
/** What is left in the normal scrollback, after Ink's closing cursor restore. */
const summaryAfter = (output: string) =>
	output.slice(output.lastIndexOf(LEAVE_ALT) + LEAVE_ALT.length).replaceAll(SHOW_CURSOR, '');

test('runs on the alternate screen and leaves a one-paragraph summary in the scrollback', async () => {
	const {done, press, output, waitFor} = await start();

	expect(output().startsWith(ENTER_ALT)).toBe(true);
	await press(KEYS.enter, KEYS.enter, bracketedPaste(TEST_KEYS.intl), KEYS.enter);
	await waitFor('Filter');
	await press(KEYS.enter);
	await waitFor('Qwen is set up');
	await press(KEYS.down, KEYS.enter);
	const outcome = await done;
	expect(outcome).toMatchObject({kind: 'saved', modelId: 'qwen3-coder-plus', startChat: false});

	const afterScreen = summaryAfter(output());
	// Broken between words to the terminal's width, never by the terminal mid-word.
	const lines = afterScreen.trim().split('\n');
	for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
	const paragraph = lines.join(' ');
	expect(paragraph).toContain('openclaw: Qwen is set up. Saved the API key (sk-…0000) for International (Singapore)');
	expect(paragraph).toContain('~/.openclaw/openclaw-qwen/credentials.json');
	expect(paragraph).toContain('Start chatting with `openclaw chat`.');
	expect(afterScreen.endsWith('\n')).toBe(true);
	expect(output()).not.toContain(TEST_KEYS.intl);
	expect(COLOR.test(output())).toBe(true);
});

test('Ctrl+C restores the screen, writes nothing and says so; NO_COLOR leaves out colour', async () => {
	const {done, press, output} = await start({NO_COLOR: '1'});
	await press(KEYS.enter);
	await press(KEYS.ctrlC);
	expect(await done).toEqual({kind: 'cancelled'});
	const afterScreen = output().slice(output().lastIndexOf(LEAVE_ALT));
	expect(afterScreen).toContain('setup cancelled; nothing was written');
	expect(COLOR.test(output())).toBe(false);
	expect(fs.existsSync(home.paths.stateDir)).toBe(false);
});

test.each([
	['FORCE_COLOR=0', {FORCE_COLOR: '0'}],
	// This process forces colour for chalk (above); a dumb terminal is only asked about when nothing forces it.
	['TERM=dumb', {TERM: 'dumb', FORCE_COLOR: undefined}],
])('%s leaves out colour, as NO_COLOR does (the same rule as every command)', async (_name, env) => {
	const {done, press, output, waitFor} = await start(env);
	await waitFor('How do you want to sign in');
	await press(KEYS.ctrlC);
	expect(await done).toEqual({kind: 'cancelled'});
	expect(COLOR.test(output())).toBe(false);
});

test('a narrow terminal gets the summary broken between words, still plain text under NO_COLOR', async () => {
	const {done, press, output} = await start({NO_COLOR: '1'}, 40);
	await press(KEYS.ctrlC);
	await done;
	const lines = summaryAfter(output()).trim().split('\n');
	expect(lines.length).toBeGreaterThan(2);
	for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
	// Every line ends at a whole word: joining with spaces gives back the sentence.
	expect(lines.join(' ')).toBe(
		'openclaw: setup cancelled; nothing was written. Run `openclaw models auth login --provider qwen-portal` to start again.',
	);
	expect(summaryAfter(output())).not.toContain('\u001B');
	expect(lines.every(line => line === line.trim())).toBe(true);
});

test('Qwen OAuth: the sign-in ends on a Done screen; "Start chatting now" reaches the outcome and the summary', async () => {
	const oauth = await startFakeQwenOAuth({interval: 0.02});
	try {
		const {done, press, output, waitFor} = await start({...oauth.env, OPENCLAW_NO_BROWSER: '1'});
		await press(KEYS.down, KEYS.enter);
		await waitFor('Signed in with Qwen OAuth');
		const screen = output().slice(output().lastIndexOf('Signed in with Qwen OAuth'));
		expect(screen).toContain('qwen-portal:oauth');
		expect(screen).toContain(`${oauth.url}/v1`);
		expect(screen).toContain('coder-model (qwen-portal/coder-model)');
		expect(screen).toContain('Token expires');
		expect(screen).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 1 h 0 min\)/);
		expect(screen).toContain('Start chatting now');
		await press(KEYS.enter);
		const outcome = await done;
		expect(outcome).toMatchObject({kind: 'oauth-saved', modelId: 'coder-model', startChat: true});
		const paragraph = summaryAfter(output()).trim().split('\n').join(' ');
		expect(paragraph).toContain('signed in with Qwen OAuth');
		expect(paragraph).toContain('Opening the chat now.');
		expect(output()).not.toContain(oauth.issued.access!);
	} finally {
		await oauth.close();
	}
});
