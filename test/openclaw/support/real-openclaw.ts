/**
 * The real OpenClaw CLI, for the interop suite (`npm run test:openclaw`).
 * It is installed once from the npm registry into a cache folder (it is
 * large), and always runs on the Node 24 this repository pins, which it
 * requires.
 */
import {execFile, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const OPENCLAW_VERSION = '2026.9.6';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The Node 24 the repository pins (the `node` devDependency). */
const nodeBin = path.join(repo, 'node_modules', '.bin');

/** Where the real OpenClaw is installed: OPENCLAW_INTEROP_CACHE, else a folder under node_modules/.cache. */
export function interopCacheDir(): string {
	return process.env.OPENCLAW_INTEROP_CACHE ?? path.join(repo, 'node_modules', '.cache', `openclaw-${OPENCLAW_VERSION}`);
}

export function realOpenClawBin(): string {
	return path.join(interopCacheDir(), 'node_modules', 'openclaw', 'openclaw.mjs');
}

/** PATH with the pinned Node first, so OpenClaw's own checks see Node 24. */
export function pathWithPinnedNode(env: Record<string, string | undefined> = process.env): string {
	return [nodeBin, env.PATH ?? ''].join(path.delimiter);
}

/** Installs openclaw@OPENCLAW_VERSION into the cache folder unless it is there already. */
export async function ensureRealOpenClaw(log: (line: string) => void = () => {}): Promise<string> {
	const bin = realOpenClawBin();
	const installed = path.join(interopCacheDir(), 'node_modules', 'openclaw', 'package.json');
	if (fs.existsSync(installed) && (JSON.parse(fs.readFileSync(installed, 'utf8')) as {version?: string}).version === OPENCLAW_VERSION) return bin;
	const dir = interopCacheDir();
	fs.mkdirSync(dir, {recursive: true});
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'openclaw-interop-cache', private: true}, null, 2)}\n`);
	log(`Installing openclaw@${OPENCLAW_VERSION} into ${dir} (once; about 650 MB)…`);
	await new Promise<void>((resolve, reject) => {
		execFile(
			'npm',
			['install', '--no-audit', '--no-fund', '--no-save', `openclaw@${OPENCLAW_VERSION}`],
			{cwd: dir, env: {...process.env, PATH: pathWithPinnedNode()}, maxBuffer: 64 * 1024 * 1024},
			(error, _stdout, stderr) => (error ? reject(new Error(`npm install openclaw@${OPENCLAW_VERSION} failed:\n${stderr}`)) : resolve()),
		);
	});
	return bin;
}

export type OpenClawResult = {code: number | null; stdout: string; stderr: string};

/** Runs the real OpenClaw with `args` in `env` (its own HOME and state), `input` on stdin. */
export async function runRealOpenClaw(
	args: readonly string[],
	options: {env: Record<string, string>; input?: string; timeoutMs?: number},
): Promise<OpenClawResult> {
	const env: Record<string, string> = {...options.env, PATH: pathWithPinnedNode(options.env), NO_COLOR: '1', CI: '1'};
	// OpenClaw keeps quiet under a test runner (it sees VITEST, NODE_ENV=test); it is a user's program here.
	for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_ENV' || name === 'TEST') delete env[name];
	const child = spawn(path.join(nodeBin, 'node'), [realOpenClawBin(), ...args], {env, stdio: ['pipe', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	child.stdin.end(options.input ?? '');
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	clearTimeout(timer);
	return {code, stdout, stderr};
}
