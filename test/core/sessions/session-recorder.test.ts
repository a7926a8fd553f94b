import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {AppError} from '../../../source/core/app-error.js';
import {createSessionRecorder} from '../../../source/core/sessions/session-recorder.js';
import {openSessionStore, type SessionStore} from '../../../source/core/sessions/session-store.js';

let dir: string;
let store: SessionStore;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-recorder-'));
	store = openSessionStore(path.join(dir, 'sessions.sqlite'), {mode: 'write'})!;
});
afterEach(() => {
	vi.useRealTimers();
	store.close();
	fs.rmSync(dir, {recursive: true, force: true});
});

/** The store, with every write counted and any of them made to fail. */
function counting(failWith?: Error) {
	const calls: string[] = [];
	const wrapped: SessionStore = {
		...store,
		saveProgress(...args) {
			calls.push('progress');
			if (failWith) throw failWith;
			store.saveProgress(...args);
		},
		finishTurn(...args) {
			calls.push('finish');
			if (failWith) throw failWith;
			store.finishTurn(...args);
		},
	};
	return {store: wrapped, calls};
}

describe('the session recorder', () => {
	it('writes the streaming answer at most once a second, from the latest text, and the whole answer at the end', () => {
		vi.useFakeTimers();
		const {store: wrapped, calls} = counting();
		const recorder = createSessionRecorder({store: wrapped, secrets: [], onFailure() {}});
		const record = recorder.startTurn({text: 'count', images: [], model: 'qwen-plus'});
		let answer = '';
		for (let chunk = 0; chunk < 3000; chunk++) {
			answer += `w${chunk} `;
			record.progress(answer, '');
			// 3,000 deltas over 2.5 seconds.
			if (chunk % 100 === 99) vi.advanceTimersByTime(83);
		}

		expect(calls.filter(call => call === 'progress')).toHaveLength(2);
		const saved = store.conversation(recorder.sessionId!)[0]!;
		expect(saved.outcome).toBe('streaming');
		expect(answer.startsWith(saved.answer)).toBe(true);
		record.finish('done');
		expect(store.conversation(recorder.sessionId!)[0]).toMatchObject({answer, outcome: 'done'});
		vi.advanceTimersByTime(5000);
		expect(calls.at(-1)).toBe('finish');
		recorder.close();
	});

	it('names the session after the first prompt, or the title given before it', () => {
		const first = createSessionRecorder({store, secrets: [], onFailure() {}});
		first.startTurn({text: 'How do I sort a list of tuples by the second item in Python, stably?', images: [], model: 'm'}).finish('done');
		expect(store.sessionById(first.sessionId!)?.title).toBe('How do I sort a list of tuples by the second item in…');
		const second = createSessionRecorder({store, secrets: [], onFailure() {}});
		expect(second.rename('Sorting')).toBe(true);
		second.startTurn({text: 'q', images: [], model: 'm'}).finish('done');
		expect(store.sessionById(second.sessionId!)?.title).toBe('Sorting');
		first.close();
		second.close();
	});

	it('masks the key wherever it appears before anything is written', () => {
		const key = 'sk-test0000intl00000000000000000000';
		const recorder = createSessionRecorder({store, secrets: [key], onFailure() {}});
		const record = recorder.startTurn({text: `my key is ${key}`, images: [], model: 'm'});
		record.progress(`you said ${key}`, `thinking about ${key}`);
		record.finish('failed', {kind: 'x', title: `bad ${key}`, message: key, nextStep: ''});
		const [turn] = store.allTurns(recorder.sessionId!);
		expect(JSON.stringify(turn)).not.toContain('test0000intl');
		expect(turn!.prompt).toBe('my key is sk-…');
		recorder.close();
	});

	it('a write that fails stops saving, says so once, and writes nothing more', () => {
		vi.useFakeTimers();
		const full = Object.assign(new Error('database or disk is full'), {errcode: 13});
		const {store: wrapped, calls} = counting(full);
		const failures: AppError[] = [];
		const recorder = createSessionRecorder({store: wrapped, secrets: [], onFailure: error => failures.push(error)});
		const record = recorder.startTurn({text: 'q', images: [], model: 'm'});
		record.progress('a', '');
		vi.advanceTimersByTime(1000);
		record.progress('ab', '');
		vi.advanceTimersByTime(3000);
		record.finish('done');
		recorder.startTurn({text: 'next', images: [], model: 'm'}).finish('done');
		expect(failures.map(error => error.kind)).toEqual(['disk_full']);
		expect(calls).toEqual(['progress']);
		expect(recorder.saving).toBe(false);
		recorder.close();
	});

	it('a retry keeps the answer before as an alternative; an edit marks the turn replaced', () => {
		const recorder = createSessionRecorder({store, secrets: [], onFailure() {}});
		recorder.startTurn({text: 'one', images: [], model: 'a'}).finish('done');
		recorder.startTurn({text: 'one', images: [], model: 'b'}, 'retry').finish('done');
		recorder.startTurn({text: 'one, better', images: [], model: 'b'}, 'edit').finish('done');
		expect(store.allTurns(recorder.sessionId!).map(turn => [turn.prompt, turn.model, turn.status])).toEqual([
			['one', 'a', 'retried'],
			['one', 'b', 'replaced'],
			['one, better', 'b', 'current'],
		]);
		recorder.close();
	});

	it('images are kept as path, size and checksum, never their bytes', () => {
		const recorder = createSessionRecorder({store, secrets: [], onFailure() {}});
		const bytes = Buffer.from('89504e470d0a1a0a', 'hex');
		recorder.startTurn({text: 'look', images: [{path: '/tmp/dot.png', mime: 'image/png', bytes: bytes.length, dataUrl: `data:image/png;base64,${bytes.toString('base64')}`}], model: 'm'}).finish('done');
		const [turn] = store.allTurns(recorder.sessionId!);
		expect(turn!.images).toEqual([{path: '/tmp/dot.png', mime: 'image/png', bytes: 8, sha256: '4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6'}]);
		expect(fs.readFileSync(path.join(dir, 'sessions.sqlite')).includes(bytes.toString('base64'))).toBe(false);
		recorder.close();
	});
});
