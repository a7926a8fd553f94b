/**
 * The bad-key corpus, through both doors a key comes in: pasted into
 * `models auth login` on stdin, and exported as QWEN_API_KEY. Each one gets its
 * own message and a non-zero exit, and no file changes.
 */
import {describe, expect, it} from 'vitest';
import {TEST_KEYS} from '../support/fake-dashscope.js';
import {freshCliWorld} from '../support/cli-world.js';
import {registerSecret} from '../support/run-cli.js';
import {expectNoCrash, snapshotTree} from '../support/file-tree.js';

const world = freshCliWorld();

type BadKey = {name: string; key: string; message: RegExp};

const LOGIN = ['models', 'auth', 'login', '--provider', 'qwen-portal', '--region', 'intl'];

// The message each paste must get; none may contain the key itself.
const CORPUS: BadKey[] = [
	{name: 'newline inside', key: 'sk-test0000\nintl00000000000000000000', message: /space or line break inside it/},
	{name: 'space inside', key: 'sk-test0000 intl00000000000000000000', message: /space or line break inside it/},
	{name: '10 KB paste', key: `sk-${'a'.repeat(10 * 1024)}`, message: /10243 characters; a DashScope key is far shorter/},
	{name: 'Cyrillic look-alike', key: 'ѕk-test0000intl00000000000000000000', message: /Cyrillic letter that looks like a Latin one/},
	{name: 'fullwidth dash', key: 'sk－test0000intl00000000000000000000', message: /fullwidth character/},
	{name: 'zero-width space', key: 'sk-test0000\u200Bintl00000000000000000000', message: /invisible zero-width character/},
	{name: 'a shortened key with an ellipsis', key: 'sk-…a1b2', message: /ellipsis/},
	{name: 'Coding Plan key', key: 'sk-sp-test0000intl0000000000000000', message: /Coding Plan/},
	{name: 'no sk- prefix', key: 'test0000intl00000000000000000000000', message: /start with "sk-"/},
	{name: 'control character', key: 'sk-test0000\u0007intl00000000000000000', message: /invisible control character/},
];

describe('bad keys pasted into `models auth login` (stdin)', () => {
	for (const {name, key, message} of [
		{name: 'empty', key: '', message: /No API key on stdin/},
		{name: 'only spaces', key: '   \n', message: /No API key on stdin/},
		...CORPUS,
		// Cleaned of its quotes it is well formed, but no region knows it.
		{name: 'quoted unknown key', key: '"sk-test0000nope0000000000000000000"', message: /Invalid API key\. Nothing was saved/},
	]) {
		it(`refuses ${name} and changes no file`, async () => {
			world.saveLogin();
			const before = snapshotTree(world.home.home);
			const result = await world.run(LOGIN, {input: key});
			expect(result.code).not.toBe(0);
			expect(result.stderr).toMatch(message);
			expect(expectNoCrash(result.stdout + result.stderr)).toEqual([]);
			if (key.trim().length >= 8) expect(result.stdout + result.stderr).not.toContain(key.trim());
			expect(snapshotTree(world.home.home)).toEqual(before);
		});
	}

	it('accepts a real key wrapped in quotes and a trailing newline, saying what it cleaned', async () => {
		const result = await world.run(LOGIN, {input: `"${TEST_KEYS.intl}"\n`});
		expect(result.code).toBe(0);
		expect(result.stderr).toContain('Removed quotes around the key.');
		expect(world.home.readCredentials()).toMatchObject({profiles: {'qwen-portal:default': {key: TEST_KEYS.intl}}});
	});
});

describe('bad keys exported as QWEN_API_KEY (`openclaw chat`)', () => {
	// The empty variable is the cause, so it is named.
	it('an empty QWEN_API_KEY with nothing saved is named, then how to set a key', async () => {
		const result = await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: ''}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('QWEN_API_KEY is set but empty');
		expect(result.stderr).toContain('No DashScope API key found');
	});

	it('a well-formed key no region accepts names QWEN_API_KEY as its source, not a login that would not replace it', async () => {
		world.saveLogin();
		const key = 'sk-test0000nowhere0000000000000000';
		registerSecret(key);
		const result = await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: key}});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('Invalid API key');
		expect(result.stderr).toContain('The key comes from $QWEN_API_KEY, which wins over a saved key');
		expect(result.stderr).not.toContain('models auth login');
		expect(result.stdout + result.stderr).not.toContain(key);
	});

	// A malformed key is named before anything is sent: inside fetch a line break or non-ASCII
	// character became "Unexpected error" / "Network error", with part of the key in the message.
	for (const {name, key, message} of CORPUS) {
		it(`names ${name}, exits non-zero, and never sends or shows it`, async () => {
			world.saveLogin();
			const before = snapshotTree(world.home.home);
			const result = await world.run(['chat', 'hello'], {extraEnv: {QWEN_API_KEY: key}});
			expect(result.code).toBe(1);
			expect(result.stderr).toMatch(message);
			// The key is the problem, not the network or something unknown.
			expect(result.stderr).not.toMatch(/Unexpected error|Network error/);
			// No fragment of the key either (the part after a line break is a fragment).
			for (const part of key.split(/[\s\u200B]/).filter(piece => piece.length >= 8)) {
				expect(result.stdout + result.stderr).not.toContain(part);
			}

			expect(world.server.chatRequests()).toEqual([]);
			expect(expectNoCrash(result.stderr)).toEqual([]);
			expect(snapshotTree(world.home.home)).toEqual(before);
		});
	}
});
