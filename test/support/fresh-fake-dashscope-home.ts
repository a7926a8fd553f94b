/**
 * Per test: a fake DashScope on 127.0.0.1 and a temp HOME whose env points the
 * regions at it; both gone after the test. The handles returned stand for the
 * current test's server and home, so they can be taken apart at the top of a file.
 */
import {afterEach, beforeEach} from 'vitest';
import {startFakeDashScope, type FakeDashScope, type FakeDashScopeOptions} from './fake-dashscope.ts';
import {liveHandle} from './live-handle.ts';
import {makeTempHome, type TempHome} from './temp-home.ts';

export function freshFakeDashScopeHome(serverOptions: FakeDashScopeOptions = {}): {fake: FakeDashScope; home: TempHome} {
	let fake: FakeDashScope | undefined;
	let home: TempHome | undefined;
	beforeEach(async () => {
		fake = await startFakeDashScope(serverOptions);
		home = makeTempHome(fake.env);
	});
	afterEach(async () => {
		await fake?.close();
		home?.cleanup();
		fake = undefined;
		home = undefined;
	});
	return {fake: liveHandle('fake server', () => fake), home: liveHandle('temp home', () => home)};
}
