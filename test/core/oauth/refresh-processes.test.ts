import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {expect, it} from 'vitest';
import {OAUTH_PROFILE_ID} from '../../../source/core/auth-profiles.js';
import {writeGuideProfile as writeAuthProfile} from '../../support/change-config.js';
import {readJson} from '../../support/temp-home.js';
import {freshFakeQwenOAuthHome} from '../../support/fresh-fake-qwen-oauth-home.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

const {fake, home, startFake, makeHome} = freshFakeQwenOAuthHome();

it('two openclaw processes renewing an expiring token at once make one refresh request', async () => {
	await startFake({refresh: ['success'], refreshDelayMs: 300});
	makeHome();
	await writeAuthProfile(home.paths, OAUTH_PROFILE_ID, {type: 'oauth', provider: 'qwen-portal', access: 'old-access', refresh: 'old-refresh', expires: Date.now() + 5000});
	const env = {...process.env, ...home.env, ...fake.env};
	const child = () =>
		run(process.execPath, ['--import', './test/support/ts-resolve-hooks.ts', 'test/support/oauth-refresh-child.ts'], {env, cwd: root});

	const answers = await Promise.all([child(), child()]);
	const tokens = answers.map(answer => JSON.parse(answer.stdout) as {access: string; refreshed: boolean});
	expect(fake.count('refresh')).toBe(1);
	expect(tokens.map(token => token.access)).toEqual([fake.issued.access, fake.issued.access]);
	expect(tokens.filter(token => token.refreshed)).toHaveLength(1);
	expect(readJson(home.paths.authProfilesPath).profiles[OAUTH_PROFILE_ID].refresh).toBe(fake.issued.refresh);
});
