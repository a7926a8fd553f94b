/**
 * The one write path, with a disk that writes less than asked (short writes)
 * or fills up halfway: every byte lands or the old file stays as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {AppError} from '../../../source/core/app-error.js';
import {createFileSafely, readRegularFile, writeFileSafely, type WriteCalls} from '../../../source/core/files/safe-file.js';

let dir: string;
let file: string;
beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openclaw-safe-file-'));
	file = path.join(dir, 'openclaw.json');
	fs.writeFileSync(file, 'the old bytes\n', {mode: 0o600});
});
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

/** Write calls whose writeSync behaves as `write` says, given how many bytes were asked for and how often. */
function disk(write: (asked: number, call: number) => number): WriteCalls {
	let calls = 0;
	return {
		...fs,
		writeSync: ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
			const start = offset ?? 0;
			const asked = length ?? buffer.length - start;
			const allowed = write(asked, calls++);
			if (allowed < 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
			return fs.writeSync(fd, buffer, start, Math.min(allowed, asked));
		}) as typeof fs.writeSync,
	};
}

const temporaries = () => fs.readdirSync(dir).filter(name => name.endsWith('.tmp'));

describe('writeFileSafely', () => {
	it('finishes a file the disk takes a few bytes at a time', () => {
		const text = 'x'.repeat(10_000);
		writeFileSafely(file, text, {mode: 0o600, calls: disk(() => 7)});
		expect(fs.readFileSync(file, 'utf8')).toBe(text);
		expect(temporaries()).toEqual([]);
	});

	it('a disk that fills up after a short write: an error naming the file, the old bytes kept', () => {
		const error = (() => {
			try {
				writeFileSafely(file, 'y'.repeat(8192), {mode: 0o600, calls: disk((asked, call) => (call === 0 ? 4096 : -1))});
			} catch (caught) {
				return caught;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).problem).toMatchObject({kind: 'disk_full'});
		expect((error as AppError).message).toContain(file);
		expect((error as AppError).message).toContain('was not changed');
		expect(fs.readFileSync(file, 'utf8')).toBe('the old bytes\n');
		expect(temporaries()).toEqual([]);
	});

	it('a write that moves nothing ends instead of spinning, and the old file stays', () => {
		expect(() => writeFileSafely(file, 'z', {mode: 0o600, calls: disk(() => 0)})).toThrow(/disk is full/i);
		expect(fs.readFileSync(file, 'utf8')).toBe('the old bytes\n');
	});

	it('sets the mode exactly, whatever the umask', () => {
		const umask = process.umask(0o077);
		try {
			writeFileSafely(file, 'new', {mode: 0o640});
		} finally {
			process.umask(umask);
		}
		expect(fs.statSync(file).mode & 0o777).toBe(0o640);
	});
});

describe('readRegularFile', () => {
	it('reads a file through a symlink and says undefined for none', () => {
		const link = path.join(dir, 'link.json');
		fs.symlinkSync(file, link);
		expect(readRegularFile(link)).toBe('the old bytes\n');
		expect(readRegularFile(path.join(dir, 'missing.json'))).toBeUndefined();
	});

	it('refuses a directory by name, with the variable that moves it', () => {
		expect(() => readRegularFile(dir, {setting: 'OPENCLAW_CONFIG_PATH'})).toThrow(`${dir} is a directory, not a regular file`);
	});
});

describe('createFileSafely', () => {
	const thrown = (write: () => void): AppError => {
		try {
			write();
		} catch (error) {
			if (error instanceof AppError) return error;
			throw error;
		}
		throw new Error('nothing was thrown');
	};
	const elsewhere = {instead: 'name another file'};

	it('creates the file, owner-only', () => {
		const created = path.join(dir, 'chat.md');
		createFileSafely(created, '# chat\n', {mode: 0o600});
		expect(fs.readFileSync(created, 'utf8')).toBe('# chat\n');
		expect(fs.statSync(created).mode & 0o777).toBe(0o600);
	});

	it('never replaces a file, nor follows a symlink: "already exists", naming it, with the way forward', () => {
		const error = thrown(() => createFileSafely(file, 'new bytes', {mode: 0o600, setting: elsewhere}));
		expect(error.problem).toMatchObject({kind: 'file_exists', title: `${file} already exists`, nextStep: 'Move it aside, or name another file.'});
		expect(fs.readFileSync(file, 'utf8')).toBe('the old bytes\n');

		const link = path.join(dir, 'link.md');
		fs.symlinkSync(path.join(dir, 'nowhere.md'), link);
		expect(thrown(() => createFileSafely(link, 'x', {mode: 0o600})).problem.kind).toBe('file_exists');
		expect(fs.existsSync(path.join(dir, 'nowhere.md'))).toBe(false);
	});

	it('in a folder that does not exist: names the folder and how to make it, not the system\'s words', () => {
		const missing = path.join(dir, 'no such folder', 'chat.md');
		const error = thrown(() => createFileSafely(missing, 'x', {mode: 0o600, setting: elsewhere}));
		expect(error.problem).toMatchObject({kind: 'folder_missing', title: `The folder ${path.dirname(missing)} does not exist`});
		expect(error.problem.nextStep).toBe(`Create it (mkdir -p '${path.dirname(missing)}'), or name another file.`);
		expect(error.message).not.toContain('no such file or directory');
	});

	it('a disk that fills up halfway: disk full, and no half-written file is left', () => {
		const created = path.join(dir, 'chat.md');
		const error = thrown(() => createFileSafely(created, 'y'.repeat(8192), {mode: 0o600, calls: disk((asked, call) => (call === 0 ? 4096 : -1))}));
		expect(error.problem).toMatchObject({kind: 'disk_full', title: 'The disk is full'});
		expect(error.problem.message).toContain('Nothing was written.');
		expect(fs.existsSync(created)).toBe(false);
	});
});
