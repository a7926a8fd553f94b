/**
 * The guide's Security practice 2: the key file is for its owner only
 * (chmod 600), and so is the directory holding it (0700, as OpenClaw creates it).
 * The same holds for our own folder and the saved conversations in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {shellQuote} from '../files/file-error.js';
import {formatMode, isPrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE} from '../files/modes.js';
import {ownCredentialsPath} from '../openclaw/key-store.js';
import {relativeToStateDir, type OpenClawPaths} from '../paths.js';
import {sessionStorePath} from '../sessions/session-store.js';
import {ok, problem, warning, type DoctorCheck} from './types.js';
import {command} from '../messages.js';

export type PermissionPaths = Pick<OpenClawPaths, 'stateDir' | 'agentDir' | 'authProfilesPath' | 'appDir'>;

/** A file a key is read from besides our own files and auth-profiles.json. */
export type KeyFile = {
	readonly file: string;
	/** The apiKey's file SecretRef, which OpenClaw refuses to read once group or others can. */
	readonly secretRef?: boolean;
	/** One of OpenClaw's databases: reported, but its mode and its folder's are OpenClaw's to set. */
	readonly ownedByOpenClaw?: boolean;
};

type Target = {
	id: string;
	path: string;
	kind: 'file' | 'directory';
	label: string;
	/** What others could get at, for the message. */
	holds: string;
	note?: string;
	/** OpenClaw's own file or folder, left to OpenClaw. */
	ownedByOpenClaw?: boolean;
};

const KEY = 'your API key';
const CONVERSATIONS = 'your saved conversations';
const SECRET_REF_NOTE = 'OpenClaw refuses to read a secret file that group or others can read.';

function fileTarget(paths: PermissionPaths, id: string, file: string, holds: string): Target {
	return {id, path: file, kind: 'file', label: relativeToStateDir(paths, file), holds};
}

function folderTarget(paths: PermissionPaths, id: string, dir: string, holds: string): Target {
	return {id, path: dir, kind: 'directory', label: `Folder ${relativeToStateDir(paths, dir) || dir}`, holds};
}

/** Folders in the state dir and the agent dir are OpenClaw's or ours; one elsewhere (a home directory, say) is the user's business. */
function isInside(dir: string, root: string): boolean {
	const relative = path.relative(root, dir);
	return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function targets(paths: PermissionPaths, keyFiles: readonly KeyFile[]): Target[] {
	const list: Target[] = [
		fileTarget(paths, 'permissions.auth-profiles', paths.authProfilesPath, KEY),
		folderTarget(paths, 'permissions.agent-dir', paths.agentDir, KEY),
		fileTarget(paths, 'permissions.credentials', ownCredentialsPath(paths), KEY),
		folderTarget(paths, 'permissions.app-dir', paths.appDir, `${KEY} and saved conversations`),
		fileTarget(paths, 'permissions.sessions', sessionStorePath(paths), CONVERSATIONS),
	];
	// A place already listed is checked once; it only gains the note.
	const add = (target: Target) => {
		const listed = list.find(entry => entry.path === target.path);
		if (!listed) list.push(target);
		else if (target.note) listed.note = target.note;
	};
	for (const {file, secretRef, ownedByOpenClaw} of keyFiles) {
		add({...fileTarget(paths, 'permissions.key-file', file, KEY), ...(secretRef ? {note: SECRET_REF_NOTE} : {}), ...(ownedByOpenClaw ? {ownedByOpenClaw} : {})});
		const dir = path.dirname(file);
		if (isInside(dir, paths.stateDir) || isInside(dir, paths.agentDir)) {
			add({...folderTarget(paths, 'permissions.key-dir', dir, KEY), ...(ownedByOpenClaw ? {ownedByOpenClaw} : {})});
		}
	}
	return list;
}

type Found = {mode: number; link: boolean};

function inspect(target: Target): Found | undefined {
	try {
		const stats = fs.statSync(target.path);
		if (target.kind === 'file' ? !stats.isFile() : !stats.isDirectory()) return undefined;
		return {mode: stats.mode & 0o777, link: fs.lstatSync(target.path).isSymbolicLink()};
	} catch {
		return undefined;
	}
}

function wantedMode(target: Target): number {
	return target.kind === 'file' ? PRIVATE_FILE_MODE : PRIVATE_DIR_MODE;
}

/**
 * What --fix may change: our files and folders, and a file a link leads to
 * (the key itself), but never a folder that is a link (the folder it leads
 * into is not ours) nor OpenClaw's own databases.
 */
function repairable(target: Target, found: Found): boolean {
	return !target.ownedByOpenClaw && !(target.kind === 'directory' && found.link);
}

/** The command that sets `mode` on `file`, quoted for a shell. */
function chmodCommand(file: string, mode: number): string {
	return `chmod ${mode.toString(8)} ${shellQuote(file)}`;
}

function checkTarget(target: Target): DoctorCheck {
	const found = inspect(target);
	if (found === undefined) {
		return ok(target.id, `${target.label}: not there yet, nothing to protect`, target.path);
	}

	// Only access by group and others matters; an owner-only 0400 file is still private.
	const {mode} = found;
	if (isPrivate(mode)) {
		return ok(target.id, `${target.label} is private (${formatMode(mode)})`, target.path);
	}

	const wanted = wantedMode(target);
	const readable = (mode & 0o044) !== 0;
	const who = target.kind === 'file'
		? (readable ? `Other users on this machine can read ${target.holds}` : `Other users have access to the file holding ${target.holds}`)
		: `Other users on this machine can list or enter the folder holding ${target.holds}`;
	const detail = [`${target.path} has mode ${formatMode(mode)}; it should be ${formatMode(wanted)}. ${who}.`, target.note].filter(Boolean).join(' ');
	const title = `${target.label} is not private (${formatMode(mode)})`;
	const fixable = repairable(target, found);
	const nextStep = fixable
		? `Run \`${command('doctor --fix')}\`, or: ${chmodCommand(target.path, wanted)}`
		: `Run: ${chmodCommand(target.path, wanted)} (\`${command('doctor --fix')}\` leaves ${target.ownedByOpenClaw ? "OpenClaw's database and its folder" : 'a folder that is a link'} alone)`;
	const result = target.kind === 'file' ? problem(target.id, title, detail, nextStep) : warning(target.id, title, detail, nextStep);
	return fixable ? {...result, fixable: true} : result;
}

/** `keyFiles`: where else a key is read from (the apiKey's file, the store holding the profile in use). */
export function checkPermissions(paths: PermissionPaths, keyFiles: readonly KeyFile[] = []): DoctorCheck[] {
	return targets(paths, keyFiles).map(target => checkTarget(target));
}

export type PermissionRepair = {path: string; from: string; to: string} | {path: string; error: string};

/** Tightens modes to 0600 / 0700 where group or others have access. Touches nothing else. */
export function repairPermissions(paths: PermissionPaths, keyFiles: readonly KeyFile[] = []): PermissionRepair[] {
	const repairs: PermissionRepair[] = [];
	for (const target of targets(paths, keyFiles)) {
		const found = inspect(target);
		if (found === undefined || isPrivate(found.mode) || !repairable(target, found)) continue;
		const wanted = wantedMode(target);
		try {
			fs.chmodSync(target.path, wanted);
			repairs.push({path: target.path, from: formatMode(found.mode), to: formatMode(wanted)});
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? 'error';
			repairs.push({path: target.path, error: `could not change the mode (${code}); run: ${chmodCommand(target.path, wanted)}`});
		}
	}

	return repairs;
}
