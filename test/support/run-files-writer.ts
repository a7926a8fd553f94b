/**
 * Runs test/support/files-writer.ts as a separate Node process (source/ run
 * directly through the .ts resolve hooks), for the cross-process locking tests.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export async function runFilesWriter(
	args: string[],
	options: {env: Record<string, string>; uid?: number; gid?: number},
): Promise<{stdout: string; stderr: string}> {
	return run(process.execPath, ['--import', './test/support/ts-resolve-hooks.ts', 'test/support/files-writer.ts', ...args], {
		cwd: root,
		...options,
	});
}
