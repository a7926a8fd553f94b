import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {checkPermissions, repairPermissions} from '../../../source/core/doctor/permissions.js';
import {resolvePaths, type OpenClawPaths} from '../../../source/core/paths.js';

let root: string;
let paths: OpenClawPaths;

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-doctor-perm-'));
	paths = resolvePaths({HOME: root});
	fs.mkdirSync(paths.agentDir, {recursive: true, mode: 0o700});
	fs.chmodSync(paths.agentDir, 0o700);
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
		expect(checkPermissions(paths).every(check => check.status === 'ok')).toBe(true);
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
		expect(checkPermissions(paths).every(check => check.status === 'ok')).toBe(true);
	});

	it('repairs nothing when the modes are already private', () => {
		writeProfiles(0o400);
		expect(repairPermissions(paths)).toEqual([]);
		expect(fs.statSync(paths.authProfilesPath).mode & 0o777).toBe(0o400);
	});
});

describe('our own folder, the key file in it and the saved conversations', () => {
	const credentials = () => path.join(paths.appDir, 'credentials.json');
	const sessions = () => path.join(paths.appDir, 'sessions.sqlite');

	function writeAppFiles(folderMode: number, fileMode: number) {
		fs.mkdirSync(paths.appDir, {recursive: true});
		fs.chmodSync(paths.appDir, folderMode);
		for (const file of [credentials(), sessions()]) {
			fs.writeFileSync(file, 'x');
			fs.chmodSync(file, fileMode);
		}
	}

	it('are listed and reported when others can get in, each saying what it holds', () => {
		writeAppFiles(0o755, 0o644);
		const folder = byId('permissions.app-dir');
		expect(folder).toMatchObject({status: 'warning', fixable: true, title: 'Folder openclaw-qwen is not private (0755)'});
		expect(folder.detail).toContain('folder holding your API key and saved conversations');
		expect(byId('permissions.credentials')).toMatchObject({status: 'problem', title: 'openclaw-qwen/credentials.json is not private (0644)'});
		const store = byId('permissions.sessions');
		expect(store).toMatchObject({status: 'problem', title: 'openclaw-qwen/sessions.sqlite is not private (0644)'});
		expect(store.detail).toContain('can read your saved conversations');
	});

	it('are made private by the repair: files 0600, the folder 0700', () => {
		writeAppFiles(0o755, 0o644);
		expect(repairPermissions(paths)).toEqual([
			{path: credentials(), from: '0644', to: '0600'},
			{path: paths.appDir, from: '0755', to: '0700'},
			{path: sessions(), from: '0644', to: '0600'},
		]);
		expect(fs.statSync(paths.appDir).mode & 0o777).toBe(0o700);
		expect(checkPermissions(paths).every(check => check.status === 'ok')).toBe(true);
	});

	it('a folder that is a link is reported with the chmod, but the repair leaves the folder it leads to alone', () => {
		const elsewhere = path.join(root, 'dotfiles', 'openclaw-qwen');
		fs.mkdirSync(elsewhere, {recursive: true});
		fs.chmodSync(elsewhere, 0o755);
		fs.symlinkSync(elsewhere, paths.appDir);
		const folder = byId('permissions.app-dir');
		expect(folder.status).toBe('warning');
		expect(folder.fixable).toBeUndefined();
		expect(folder.nextStep).toContain(`chmod 700 ${paths.appDir}`);
		expect(repairPermissions(paths)).toEqual([]);
		expect(fs.statSync(elsewhere).mode & 0o777).toBe(0o755);
	});
});

describe('a key read from elsewhere', () => {
	it("OpenClaw's database and its folder are reported, and left to OpenClaw", () => {
		const database = path.join(paths.stateDir, 'state', 'openclaw.sqlite');
		fs.mkdirSync(path.dirname(database), {recursive: true});
		fs.chmodSync(path.dirname(database), 0o755);
		fs.writeFileSync(database, 'x');
		fs.chmodSync(database, 0o644);
		const keyFiles = [{file: database, ownedByOpenClaw: true}];
		const checks = checkPermissions(paths, keyFiles);
		expect(checks.find(check => check.id === 'permissions.key-file')).toMatchObject({status: 'problem', title: 'state/openclaw.sqlite is not private (0644)'});
		expect(checks.find(check => check.id === 'permissions.key-dir')).toMatchObject({status: 'warning', title: 'Folder state is not private (0755)'});
		expect(checks.filter(check => check.fixable)).toEqual([]);
		expect(repairPermissions(paths, keyFiles)).toEqual([]);
		expect(fs.statSync(database).mode & 0o777).toBe(0o644);
	});

	it('a file the apiKey reads outside the state dir is made private, but not the folder it is in', () => {
		const file = path.join(root, 'keys', 'dashscope.txt');
		fs.mkdirSync(path.dirname(file));
		fs.chmodSync(path.dirname(file), 0o755);
		fs.writeFileSync(file, 'sk-x');
		fs.chmodSync(file, 0o644);
		const keyFiles = [{file, secretRef: true}];
		const key = checkPermissions(paths, keyFiles).find(check => check.id === 'permissions.key-file');
		expect(key).toMatchObject({status: 'problem', fixable: true});
		expect(key?.detail).toContain('OpenClaw refuses to read a secret file');
		expect(checkPermissions(paths, keyFiles).some(check => check.id === 'permissions.key-dir')).toBe(false);
		expect(repairPermissions(paths, keyFiles)).toEqual([{path: file, from: '0644', to: '0600'}]);
		expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o755);
	});
});
