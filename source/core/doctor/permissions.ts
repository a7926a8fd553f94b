/**
 * The guide's Security practice 2: the key file is for its owner only
 * (chmod 600), and so is the directory holding it (0700, as OpenClaw creates it).
 */
import fs from 'node:fs';
import {shellQuote} from '../files/file-error.js';
import {formatMode, isPrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE} from '../files/modes.js';
import type {OpenClawPaths} from '../paths.js';
import {ok, problem, warning, type DoctorCheck} from './types.js';
import {command} from '../messages.js';

type Target = {id: string; path: string; kind: 'file' | 'directory'; wanted: number; label: string};

function targets(paths: Pick<OpenClawPaths, 'agentDir' | 'authProfilesPath'>, secretFile?: string): Target[] {
	return [
		{id: 'permissions.auth-profiles', path: paths.authProfilesPath, kind: 'file', wanted: PRIVATE_FILE_MODE, label: 'auth-profiles.json'},
		{id: 'permissions.agent-dir', path: paths.agentDir, kind: 'directory', wanted: PRIVATE_DIR_MODE, label: 'Agent directory'},
		...(secretFile ? [{id: 'permissions.secret-file', path: secretFile, kind: 'file' as const, wanted: PRIVATE_FILE_MODE, label: 'The key file the apiKey reads'}] : []),
	];
}

function currentMode(target: Target): number | undefined {
	try {
		const stats = fs.statSync(target.path);
		if (target.kind === 'file' ? !stats.isFile() : !stats.isDirectory()) return undefined;
		return stats.mode & 0o777;
	} catch {
		return undefined;
	}
}

/** The command that sets `mode` on `file`, quoted for a shell. */
export function chmodCommand(file: string, mode: number): string {
	return `chmod ${mode.toString(8)} ${shellQuote(file)}`;
}

function checkTarget(target: Target): DoctorCheck {
	const mode = currentMode(target);
	if (mode === undefined) {
		return ok(target.id, `${target.label}: not there yet, nothing to protect`, target.path);
	}

	// Only access by group and others matters; an owner-only 0400 file is still private.
	if (isPrivate(mode)) {
		return ok(target.id, `${target.label} is private (${formatMode(mode)})`, target.path);
	}

	const readable = (mode & 0o044) !== 0;
	const who = target.kind === 'file'
		? (readable ? 'Other users on this machine can read your API key' : 'Other users have access to your API key file')
		: 'Other users on this machine can list or enter the directory holding your API key';
	const detail = `${target.path} has mode ${formatMode(mode)}; it should be ${formatMode(target.wanted)}. ${who}.`;
	const nextStep = `Run \`${command('doctor --fix')}\`, or: ${chmodCommand(target.path, target.wanted)}`;
	const result = target.kind === 'file'
		? problem(target.id, `${target.label} is not private (${formatMode(mode)})`, detail, nextStep)
		: warning(target.id, `${target.label} is not private (${formatMode(mode)})`, detail, nextStep);
	return {...result, fixable: true};
}

export function checkPermissions(paths: Pick<OpenClawPaths, 'agentDir' | 'authProfilesPath'>): DoctorCheck[] {
	return targets(paths).map(target => checkTarget(target));
}

export type PermissionRepair = {path: string; from: string; to: string} | {path: string; error: string};

/** Tightens modes to 0600 / 0700 where group or others have access. Touches nothing else. */
export function repairPermissions(paths: Pick<OpenClawPaths, 'agentDir' | 'authProfilesPath'>, secretFile?: string): PermissionRepair[] {
	const repairs: PermissionRepair[] = [];
	for (const target of targets(paths, secretFile)) {
		const mode = currentMode(target);
		if (mode === undefined || isPrivate(mode)) continue;
		try {
			fs.chmodSync(target.path, target.wanted);
			repairs.push({path: target.path, from: formatMode(mode), to: formatMode(target.wanted)});
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? 'error';
			repairs.push({path: target.path, error: `could not change the mode (${code}); run: ${chmodCommand(target.path, target.wanted)}`});
		}
	}

	return repairs;
}
