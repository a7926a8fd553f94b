import fs from 'node:fs';
import {describe, expect, test} from 'vitest';
import {closedPort} from '../support/closed-port.js';
import {freshCliWorld} from '../support/cli-world.js';
import {registerSecret} from '../support/run-cli.js';

const LOGIN = ['models', 'auth', 'login', '--provider', 'qwen-portal'];

describe('models auth login (stdin): a key refused by its region while another is unreachable', () => {
	const world = freshCliWorld();

	test('names the unreachable region instead of calling the key plainly invalid everywhere', async () => {
		const badKey = 'sk-test0000gone1a2b3c4d5e6f7a8b9c0d';
		registerSecret(badKey);
		const port = await closedPort();
		const result = await world.run([...LOGIN, '--region', 'intl'], {
			input: badKey,
			extraEnv: {QWEN_HK_BASE_URL: `http://127.0.0.1:${port}/compatible-mode/v1`},
		});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('China (Hong Kong) could not be reached, so the key may belong there');
		expect(result.stderr).toContain('--no-check');
		expect(fs.existsSync(world.home.paths.authProfilesPath)).toBe(false);
	});
});
