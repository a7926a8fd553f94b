import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterEach, expect, it} from 'vitest';
import {OAUTH_PROFILE_ID, writeAuthProfile} from '../../../source/core/auth-profiles.js';
import {startFakeQwenOAuth, type FakeQwenOAuth} from '../../support/fake-qwen-oauth.js';
import {readJson, tempHome} from './helpers.js';

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);

let fake: FakeQwenOAuth | undefined;
let home: ReturnType<typeof tempHome> | undefined;

afterEach(async () => {
	await fake?.close();
	home?.cleanup();
});

it('two openclaw processes renewing an expiring token at once make one refresh request', async () => {
	fake = await startFakeQwenOAuth({refresh: ['success'], refreshDelayMs: 300});
	home = tempHome();
	await writeAuthProfile(home.paths, OAUTH_PROFILE_ID, {type: 'oauth', provider: 'qwen-portal', access: 'old-access', refresh: 'old-refresh', expires: Date.now() + 5000});
	const env = {...process.env, ...home.env, ...fake.env};
	const child = () =>
		run(process.execPath, ['--import', path.join(here, 'ts-resolve-hook.mjs'), path.join(here, 'refresh-child.ts')], {env, cwd: here});

	const answers = await Promise.all([child(), child()]);
	const tokens = answers.map(answer => JSON.parse(answer.stdout) as {access: string; refreshed: boolean});
	expect(fake.count('refresh')).toBe(1);
	expect(tokens.map(token => token.access)).toEqual([fake.issued.access, fake.issued.access]);
	expect(tokens.filter(token => token.refreshed)).toHaveLength(1);
	expect(readJson(home.paths.authProfilesPath).profiles[OAUTH_PROFILE_ID].refresh).toBe(fake.issued.refresh);
});
