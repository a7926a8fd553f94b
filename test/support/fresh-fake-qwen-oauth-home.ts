/**
 * Per test, on demand: a fake Qwen OAuth server started with the test's own
 * options and a temp HOME; whichever the test made is gone after it. `fake` and
 * `home` stand for the current test's.
 */
import {afterEach} from 'vitest';
import {startFakeQwenOAuth, type FakeQwenOAuth, type FakeQwenOAuthOptions} from './fake-qwen-oauth.ts';
import {liveHandle} from './live-handle.ts';
import {makeTempHome, type TempHome} from './temp-home.ts';

export function freshFakeQwenOAuthHome() {
	let fake: FakeQwenOAuth | undefined;
	let home: TempHome | undefined;
	afterEach(async () => {
		await fake?.close();
		home?.cleanup();
		fake = undefined;
		home = undefined;
	});
	return {
		fake: liveHandle('fake Qwen OAuth server', () => fake),
		home: liveHandle('temp home', () => home),
		startFake: async (options: FakeQwenOAuthOptions = {}): Promise<FakeQwenOAuth> => {
			fake = await startFakeQwenOAuth(options);
			return fake;
		},
		makeHome: (): TempHome => {
			home = makeTempHome();
			return home;
		},
	};
}
