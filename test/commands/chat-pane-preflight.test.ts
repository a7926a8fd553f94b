/**
 * `openclaw chat` on a terminal opens the pane only after the checks the
 * one-shot chat makes: the same words for a missing or unusable key, exit 1,
 * and nothing sent. Signed in with Qwen OAuth, the pane names the portal and
 * its /model table offers the portal's models.
 */
import {afterEach, describe, expect, test} from 'vitest';
import {PTY_KEYS, spawnPty, type PtySession} from '../support/pty-driver.js';
import {CLI_PATH, leakedSecrets, registerSecret} from '../support/run-cli.js';
import {freshCliWorld} from '../support/cli-world.js';

describe('the chat pane on a terminal', () => {
	const world = freshCliWorld();
	const access = 'fake-access-token-0000000000000000000000';
	registerSecret(access);
	let pane: PtySession | undefined;
	afterEach(() => {
		pane?.kill();
		pane = undefined;
	});

	const openPane = (extra: Record<string, string>) => {
		pane = spawnPty({
			command: process.execPath,
			args: [CLI_PATH, 'chat'],
			cols: 100,
			rows: 30,
			cwd: world.home.home,
			env: {...world.env(extra), TERM: 'xterm-256color'},
		});
		return pane;
	};

	/** The pane's terminal shows every line the one-shot chat printed for the same setup. */
	const expectSameWordsAsOneShot = async (extra: Record<string, string>) => {
		const oneShot = await world.run(['chat', 'hello'], {extraEnv: extra});
		expect(oneShot.code).toBe(1);
		const terminal = openPane(extra);
		const code = await terminal.exited();
		const shown = (await terminal.lines()).join('\n');
		const expected = oneShot.stderr.split('\n').filter(line => line.trim() !== '');
		expect(expected.length).toBeGreaterThan(0);
		for (const line of expected) expect(shown).toContain(line);
		expect(shown).not.toContain('Ask anything');
		expect(leakedSecrets(shown)).toEqual([]);
		expect(world.server.requests).toHaveLength(0);
		return {code, shown};
	};

	test('QWEN_API_KEY="" and no saved key: the one-shot message naming the empty variable, exit 1', async () => {
		const {code, shown} = await expectSameWordsAsOneShot({QWEN_API_KEY: ''});
		expect(code).toBe(1);
		expect(shown).toContain('QWEN_API_KEY is set but empty');
		expect(shown).toContain('No DashScope API key found');
		expect(shown).toContain('openclaw models auth login --provider qwen-portal');
	});

	test('a malformed QWEN_API_KEY is refused before the pane opens', async () => {
		const broken = 'sk-test0000 intl00000000000000000000';
		registerSecret(broken);
		registerSecret('intl00000000000000000000');
		world.saveLogin();
		const {code, shown} = await expectSameWordsAsOneShot({QWEN_API_KEY: broken});
		expect(code).toBe(1);
		expect(shown).toContain('The key from env QWEN_API_KEY cannot be used');
		expect(shown).toContain('Nothing was sent');
	});

	test('signed in with Qwen OAuth the pane names the portal, and /model offers the portal\'s models', async () => {
		world.saveOAuthLogin({access, expires: Date.now() + 3_600_000});
		const terminal = openPane({});
		await terminal.waitFor('Ask anything');
		expect(terminal.screen()).toContain('Qwen OAuth · portal.qwen.ai');
		expect(terminal.screen()).not.toContain('custom endpoint');
		terminal.write('/model');
		await terminal.press(PTY_KEYS.enter);
		await terminal.waitFor('Filter:');
		const picker = terminal.screen();
		expect(picker).toContain('vision-model');
		expect(picker).not.toContain('qwen3-coder-plus');
		expect(leakedSecrets(picker)).toEqual([]);
	});
});
