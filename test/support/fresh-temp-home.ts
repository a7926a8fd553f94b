/**
 * A fresh temp HOME for every test in the file: registers the vitest hooks and
 * returns one handle whose fields are the current test's home.
 */
import {afterEach, beforeEach} from 'vitest';
import {makeTempHome, type TempHome} from './temp-home.ts';

export function freshTempHome(extraEnv: Record<string, string> = {}): TempHome {
	const current = {} as TempHome;
	beforeEach(() => {
		Object.assign(current, makeTempHome(extraEnv));
	});
	afterEach(() => {
		current.cleanup();
	});
	return current;
}
