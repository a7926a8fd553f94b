import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {checkPermissions, repairPermissions} from '../../../source/core/doctor/permissions.js';

let root: string;
let paths: {agentDir: string; authProfilesPath: string};

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-doctor-perm-'));
	const agentDir = path.join(root, 'agents', 'main', 'agent');
	fs.mkdirSync(agentDir, {recursive: true, mode: 0o700});
	fs.chmodSync(agentDir, 0o700);
	paths = {agentDir, authProfilesPath: path.join(agentDir, 'auth-profiles.json')};
});

afterEach(() => {
	fs.rmSync(root, {recursive: true, force: true});
});

function writeProfiles(mode: number): string {
	const text = '{"version":1,"profiles":{}}\n';
	fs.writeFileSync(paths.authProfilesPath, text);
	fs.chmodSync(paths.authProfilesPath, mode);
	return text;
}

function byId(id: string) {
	const check = checkPermissions(paths).find(candidate => candidate.id === id);
	if (!check) throw new Error(`no check ${id}`);
	return check;
}

describe('permissions check (Security practice 2)', () => {
	it('is ok for a 0600 file in a 0700 directory', () => {
		writeProfiles(0o600);
		expect(checkPermissions(paths).map(check => check.status)).toEqual(['ok', 'ok']);
	});

	it('is ok when there is no auth-profiles.json yet', () => {
		expect(byId('permissions.auth-profiles').status).toBe('ok');
	});

	it('reports a world-readable key file as a problem with the chmod command', () => {
		writeProfiles(0o644);
		const check = byId('permissions.auth-profiles');
		expect(check.status).toBe('problem');
		expect(check.fixable).toBe(true);
		expect(check.title).toContain('0644');
		expect(check.detail).toContain('can read your API key');
		expect(check.nextStep).toContain(`chmod 600 ${paths.authProfilesPath}`);
		expect(check.nextStep).toContain('openclaw doctor --fix');
	});

	it('reports a group-accessible agent directory as a warning', () => {
		fs.chmodSync(paths.agentDir, 0o755);
		const check = byId('permissions.agent-dir');
		expect(check.status).toBe('warning');
		expect(check.nextStep).toContain(`chmod 700 ${paths.agentDir}`);
	});

	it('repairs the file and directory modes and leaves the contents alone', () => {
		const text = writeProfiles(0o664);
		fs.chmodSync(paths.agentDir, 0o775);
		const repairs = repairPermissions(paths);
		expect(repairs).toEqual([
			{path: paths.authProfilesPath, from: '0664', to: '0600'},
			{path: paths.agentDir, from: '0775', to: '0700'},
		]);
		expect(fs.statSync(paths.authProfilesPath).mode & 0o777).toBe(0o600);
		expect(fs.statSync(paths.agentDir).mode & 0o777).toBe(0o700);
		expect(fs.readFileSync(paths.authProfilesPath, 'utf8')).toBe(text);
		expect(checkPermissions(paths).map(check => check.status)).toEqual(['ok', 'ok']);
	});

	it('repairs nothing when the modes are already private', () => {
		writeProfiles(0o400);
		expect(repairPermissions(paths)).toEqual([]);
		expect(fs.statSync(paths.authProfilesPath).mode & 0o777).toBe(0o400);
	});
});
