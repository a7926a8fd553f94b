/**
 * What went wrong with a file, in words that name the file and say what to
 * do. Every read and write of the files we own ends in one of these.
 */
import path from 'node:path';
import {AppError, errorCode} from '../app-error.js';

export type FileOperation = 'read' | 'write' | 'lock';

/** The kinds a path can be that are not a regular file, as a person would say them. */
export type SpecialKind = 'directory' | 'FIFO (named pipe)' | 'socket' | 'character device' | 'block device' | 'special file';

export function specialKindOf(stats: {isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean}): SpecialKind {
	if (stats.isDirectory()) return 'directory';
	if (stats.isFIFO()) return 'FIFO (named pipe)';
	if (stats.isSocket()) return 'socket';
	if (stats.isCharacterDevice()) return 'character device';
	if (stats.isBlockDevice()) return 'block device';
	return 'special file';
}

/** Which setting moves a file elsewhere, for the way forward. */
function relocateHint(file: string): string {
	const base = path.basename(file);
	if (base === 'openclaw.json' || base.startsWith('openclaw.json.')) return 'OPENCLAW_CONFIG_PATH';
	if (base.startsWith('auth-profiles.json') || base.endsWith('.sqlite')) return 'OPENCLAW_STATE_DIR (or OPENCLAW_AGENT_DIR)';
	return 'OPENCLAW_STATE_DIR';
}

/** A path that exists but is no regular file: refused by name, never opened. `setting` names what moves it. */
export function notRegularFile(file: string, kind: SpecialKind, setting = relocateHint(file)): AppError {
	return new AppError({
		kind: 'not_regular_file',
		title: `${file} is a ${kind}, not a regular file`,
		message: `openclaw reads and writes only regular files (or symlinks to them), so it left ${file} alone.`,
		nextStep: `Move it aside, or set ${setting} to point somewhere else.`,
	});
}

/** Any failed read or write of `file`, by its errno code. Nothing else was changed. */
export function fileError(operation: FileOperation, file: string, cause: unknown, setting = relocateHint(file)): AppError {
	if (cause instanceof AppError) return cause;
	const code = errorCode(cause) ?? 'EIO';
	const dir = path.dirname(file);
	const unchanged = operation === 'write' ? ` ${file} was not changed.` : '';
	const problem = (kind: string, title: string, message: string, nextStep: string) =>
		new AppError({kind, title, message: message + unchanged, nextStep}, {cause});
	switch (code) {
		case 'ENOSPC':
		case 'EDQUOT':
			return problem(
				'disk_full',
				code === 'ENOSPC' ? 'The disk is full' : 'Disk quota exceeded',
				`Could not write ${file}: no space left on the device holding ${dir} (${code}).`,
				`Free some space there (df -h ${shellQuote(dir)} shows how much is left), then run the command again.`,
			);
		case 'EACCES':
		case 'EPERM':
			return problem(
				'permission_denied',
				`Permission denied for ${file}`,
				`The system refused to ${operation} ${file} (${code}).`,
				`Make it and its folder yours and writable (chmod u+rw ${shellQuote(file)}; chmod u+rwx ${shellQuote(dir)}), or set ${setting} to a folder you can write.`,
			);
		case 'EROFS':
			return problem(
				'read_only',
				`${file} is on a read-only file system`,
				`Could not ${operation} ${file} (EROFS).`,
				`Set ${setting} to a writable location.`,
			);
		case 'EISDIR':
			return notRegularFile(file, 'directory', setting);
		case 'ENOTDIR':
			return problem(
				'not_a_directory',
				`Part of the path to ${file} is a file, not a folder`,
				`Could not ${operation} ${file} (ENOTDIR).`,
				`Move the file that stands where a folder should be, or set ${setting}.`,
			);
		case 'ELOOP':
			return problem(
				'symlink_loop',
				`${file} is a symlink that leads back to itself`,
				`Following the links at ${file} never reaches a file (ELOOP).`,
				`Fix or remove the symlink (ls -l ${shellQuote(file)} shows where it points).`,
			);
		case 'ENAMETOOLONG':
			return problem('path_too_long', `The path ${file} is too long`, `Could not ${operation} it (ENAMETOOLONG).`, `Set ${setting} to a shorter path.`);
		default:
			return problem(
				'file_io',
				`Could not ${operation} ${file}`,
				`The system reported ${code}${cause instanceof Error && !cause.message.includes(code) ? ` (${cause.message})` : ''}.`,
				'Check the disk and the file, then run the command again.',
			);
	}
}

/** `value` as one shell word: as it is when it holds nothing a shell would read, else in single quotes. */
export function shellQuote(value: string): string {
	return /^[\w./~:@%+=-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
