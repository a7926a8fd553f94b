/**
 * A disk that really fills up: a small tmpfs mounted over a folder (root only),
 * and a file that takes every byte left on it. Standalone-safe.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Mounts a tmpfs of `size` (say '64k') at `dir`; `unmountAll` takes every mount made here away again. */
export function tmpfsMounts() {
	const mounts: string[] = [];
	return {
		mount(dir: string, size: string, mode?: number): void {
			fs.mkdirSync(dir, {recursive: true, ...(mode === undefined ? {} : {mode})});
			const options = `size=${size}${mode === undefined ? '' : `,mode=${mode.toString(8).padStart(4, '0')}`}`;
			execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
			mounts.push(dir);
		},
		unmountAll(): void {
			for (const dir of mounts.splice(0)) execFileSync('umount', [dir]);
		},
	};
}

/** Fills the disk holding `dir` to the last byte, with a file named `filler`. */
export function fillDisk(dir: string): void {
	const fd = fs.openSync(path.join(dir, 'filler'), 'w');
	const block = Buffer.alloc(4096, 1);
	try {
		for (;;) fs.writeSync(fd, block);
	} catch {
		// ENOSPC: full, as intended. Top up the last partial block byte by byte.
		try {
			for (;;) fs.writeSync(fd, block, 0, 1);
		} catch {
			// Now not a byte is left.
		}
	} finally {
		fs.closeSync(fd);
	}
}
