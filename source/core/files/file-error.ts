/**
 * What went wrong with a file, in words that name the file and say what to
 * do. Every read and write of the files we own ends in one of these.
 */
import path from 'node:path';
import {AppError, errorCode} from '../app-error.js';
import {AGENT_DIR_ENV_VAR, AUTH_PROFILES_FILE_NAME, CONFIG_FILE_NAME, CONFIG_PATH_ENV_VAR, STATE_DIR_ENV_VAR} from '../paths.js';
import {programName} from '../program-name.js';

/** `create`: a new file that must not replace one (nothing is left behind when it fails). */
export type FileOperation = 'read' | 'write' | 'create' | 'lock';

/**
 * How a file can be put elsewhere, for the way forward: the variable or
 * setting that moves it ("set OPENCLAW_STATE_DIR to …"), or for a file the
 * person named themselves, how to name another (`instead`).
 */
export type Elsewhere = string | {readonly instead: string};

/** "set <setting> to <target>", or the other way a file can be named. */
function elsewhere(setting: Elsewhere, target: string): string {
	return typeof setting === 'string' ? `set ${setting} to ${target}` : setting.instead;
}

function upperFirst(text: string): string {
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

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
	if (base === CONFIG_FILE_NAME || base.startsWith(`${CONFIG_FILE_NAME}.`)) return CONFIG_PATH_ENV_VAR;
	if (base.startsWith(AUTH_PROFILES_FILE_NAME) || base.endsWith('.sqlite')) return `${STATE_DIR_ENV_VAR} (or ${AGENT_DIR_ENV_VAR})`;
	return STATE_DIR_ENV_VAR;
}

/** A path that exists but is no regular file: refused by name, never opened. `setting` names what moves it. */
export function notRegularFile(file: string, kind: SpecialKind, setting: Elsewhere = relocateHint(file)): AppError {
	return new AppError({
		kind: 'not_regular_file',
		title: `${file} is a ${kind}, not a regular file`,
		message: `${programName()} reads and writes only regular files (or symlinks to them), so it left ${file} alone.`,
		nextStep: `Move it aside, or ${elsewhere(setting, 'point somewhere else')}.`,
	});
}

/** A file that was to be created is there already; it was left as it is. */
export function fileExists(file: string, setting: Elsewhere = relocateHint(file)): AppError {
	return new AppError({
		kind: 'file_exists',
		title: `${file} already exists`,
		message: 'It was left as it is: an existing file is never replaced, so nothing was written.',
		nextStep: `Move it aside, or ${elsewhere(setting, 'another path')}.`,
	});
}

/** Any failed read or write of `file`, by its errno code. Nothing else was changed. */
export function fileError(operation: FileOperation, file: string, cause: unknown, setting: Elsewhere = relocateHint(file)): AppError {
	if (cause instanceof AppError) return cause;
	const code = errorCode(cause) ?? 'EIO';
	const dir = path.dirname(file);
	const unchanged = operation === 'write' ? ` ${file} was not changed.` : operation === 'create' ? ' Nothing was written.' : '';
	const problem = (kind: string, title: string, message: string, nextStep: string) =>
		new AppError({kind, title, message: message + unchanged, nextStep}, {cause});
	switch (code) {
		case 'ENOSPC':
		case 'EDQUOT':
			return problem(
				'disk_full',
				code === 'ENOSPC' ? 'The disk is full' : 'Disk quota exceeded',
				`Could not ${operation} ${file}: no space left on the device holding ${dir} (${code}).`,
				`Free some space there (df -h ${shellQuote(dir)} shows how much is left), then run the command again.`,
			);
		case 'EACCES':
		case 'EPERM':
			return problem(
				'permission_denied',
				`Permission denied for ${file}`,
				`The system refused to ${operation} ${file} (${code}).`,
				`Make it and its folder yours and writable (chmod u+rw ${shellQuote(file)}; chmod u+rwx ${shellQuote(dir)}), or ${elsewhere(setting, 'a folder you can write')}.`,
			);
		case 'EROFS':
			return problem(
				'read_only',
				`${file} is on a read-only file system`,
				`Could not ${operation} ${file} (EROFS).`,
				`${upperFirst(elsewhere(setting, 'a writable location'))}.`,
			);
		case 'ENOENT':
			if (operation !== 'write' && operation !== 'create') break;
			return problem(
				'folder_missing',
				`The folder ${dir} does not exist`,
				`Could not ${operation} ${file} there (ENOENT).`,
				`Create it (mkdir -p ${shellQuote(dir)}), or ${elsewhere(setting, 'a folder that exists')}.`,
			);
		case 'EISDIR':
			return notRegularFile(file, 'directory', setting);
		case 'ENOTDIR':
			return problem(
				'not_a_directory',
				`Part of the path to ${file} is a file, not a folder`,
				`Could not ${operation} ${file} (ENOTDIR).`,
				`Move the file that stands where a folder should be, or ${elsewhere(setting, 'another path')}.`,
			);
		case 'ELOOP':
			return problem(
				'symlink_loop',
				`${file} is a symlink that leads back to itself`,
				`Following the links at ${file} never reaches a file (ELOOP).`,
				`Fix or remove the symlink (ls -l ${shellQuote(file)} shows where it points).`,
			);
		case 'ENAMETOOLONG':
			return problem('path_too_long', `The path ${file} is too long`, `Could not ${operation} it (ENAMETOOLONG).`, `${upperFirst(elsewhere(setting, 'a shorter path'))}.`);
	}
	return problem(
		'file_io',
		`Could not ${operation} ${file}`,
		`The system reported ${code}${cause instanceof Error && !cause.message.includes(code) ? ` (${cause.message})` : ''}.`,
		'Check the disk and the file, then run the command again.',
	);
}

/** `value` as one shell word: as it is when it holds nothing a shell would read, else in single quotes. */
export function shellQuote(value: string): string {
	return /^[\w./~:@%+=-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
