/**
 * The setup lock across processes: a lock judged by age (its owner on another
 * host, or no owner note) is broken once it is old, but a holder keeps its
 * lock young for as long as it holds it, however long its task takes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {LOCK_TOUCH_INTERVAL_MS, tryStateLockSync, withStateLock} from '../../../source/core/files/state-lock.js';

let dir: string;
let file: string;
let lock: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-state-lock-'));
	file = path.join(dir, 'openclaw.json');
	lock = `${file}.lock`;
});
afterEach(() => {
	vi.useRealTimers();
	fs.rmSync(dir, {recursive: true, force: true});
});

/** Makes the lock look as a holder on another machine's does to this one, last touched a minute ago. */
function seenFromAnotherHostAMinuteOld(): void {
	fs.writeFileSync(path.join(lock, 'owner'), JSON.stringify({pid: 1, host: 'another-host.invalid'}));
	const minuteAgo = new Date(Date.now() - 60_000);
	fs.utimesSync(lock, minuteAgo, minuteAgo);
}

describe('a lock judged by age', () => {
	it('is broken once it is older than the staleness window', () => {
		fs.mkdirSync(lock);
		seenFromAnotherHostAMinuteOld();
		const notices: string[] = [];
		const release = tryStateLockSync(file, {notice: text => notices.push(text)});
		expect(release).toBeTypeOf('function');
		expect(notices).toEqual([expect.stringContaining(`Removed a stale lock (${lock})`)]);
		release!();
		expect(fs.existsSync(lock)).toBe(false);
	});

	it('is kept young while held, so a task longer than the window keeps it', async () => {
		vi.useFakeTimers({toFake: ['setInterval', 'clearInterval']});
		let finish!: () => void;
		let started!: () => void;
		const running = new Promise<void>(resolve => {
			started = resolve;
		});
		const held = withStateLock(file, () => {
			started();
			return new Promise<void>(resolve => {
				finish = resolve;
			});
		});
		await running;

		// The task has run past the window: as another host sees it, the lock is a minute old.
		seenFromAnotherHostAMinuteOld();
		vi.advanceTimersByTime(LOCK_TOUCH_INTERVAL_MS);
		expect(Date.now() - fs.statSync(lock).mtimeMs).toBeLessThan(LOCK_TOUCH_INTERVAL_MS * 2);

		const notices: string[] = [];
		expect(tryStateLockSync(file, {notice: text => notices.push(text)})).toBeUndefined();
		expect(notices).toEqual([]);
		expect(fs.existsSync(lock)).toBe(true);

		finish();
		await held;
		expect(fs.existsSync(lock)).toBe(false);
		// Released: nothing is touched any more.
		vi.advanceTimersByTime(LOCK_TOUCH_INTERVAL_MS * 3);
		expect(fs.existsSync(lock)).toBe(false);
	});
});
