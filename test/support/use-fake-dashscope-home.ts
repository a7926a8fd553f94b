/**
 * Per test: a fake DashScope on 127.0.0.1 and a temp HOME whose env points the
 * regions at it; both gone after the test. The handles returned stand for the
 * current test's server and home, so they can be taken apart at the top of a file.
 */
import {afterEach, beforeEach} from 'vitest';
import {startFakeDashScope, type FakeDashScope, type FakeDashScopeOptions} from './fake-dashscope.ts';
import {makeTempHome, type TempHome} from './temp-home.ts';

/** An object that forwards every property to what `current()` returns at the time. */
function live<T extends object>(name: string, current: () => T | undefined): T {
	return new Proxy({} as T, {
		get(_target, key) {
			const value = current();
			if (!value) throw new Error(`no ${name} outside a test`);
			return Reflect.get(value, key);
		},
	});
}

export function useFakeDashScopeHome(serverOptions: FakeDashScopeOptions = {}): {fake: FakeDashScope; home: TempHome} {
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
	return {fake: live('fake server', () => fake), home: live('temp home', () => home)};
}
