/**
 * Runs the built CLI (dist/cli.js, so `npm run build` first) as a real
 * subprocess: stdin is a pipe (never a TTY), output is captured, and the
 * moment the first stdout bytes arrive is observable. Every finished run is
 * checked for leaked secrets (the fake server's keys and any registered).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TEST_KEYS} from './fake-dashscope.ts';

export const CLI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

export type CliResult = {
	stdout: string;
	stderr: string;
	/** Exit code, or null when killed by a signal. */
	code: number | null;
	signal: NodeJS.Signals | null;
};

export type CliRun = {
	child: ChildProcess;
	/** Resolves with the stdout text received so far when the first stdout bytes arrive. */
	firstStdout: Promise<string>;
	stdout(): string;
	stderr(): string;
	/** Resolves when stderr contains `text` (for waiting on progress lines). */
	waitForStderr(text: string): Promise<void>;
	result: Promise<CliResult>;
};

export type CliOptions = {
	env: Record<string, string>;
	/** Written to stdin, then stdin is closed. Undefined: stdin is closed at once (empty). */
	input?: string;
	/** Leave stdin open after `input`, as a program that never closes its pipe does; the test ends it through `child.stdin`. */
	holdStdin?: boolean;
	cwd?: string;
	/** Keep FORCE_COLOR from `env`; by default it is dropped so output is what a pipe gets. */
	keepForceColor?: boolean;
	/** Run the CLI through this path instead (a link named as a second bin, say). */
	cliPath?: string;
};

const secrets = new Set<string>(Object.values(TEST_KEYS));

/** A key a test feeds the CLI that no output may ever contain. */
export function registerSecret(secret: string): void {
	secrets.add(secret);
}

/** A secret leaks in part too: its tail (what a careless mask keeps) or its body without `sk-`. */
export function leakedSecrets(text: string): string[] {
	return [...secrets].filter(secret => secretPieces(secret).some(piece => text.includes(piece)));
}

function secretPieces(secret: string): string[] {
	const parts = [secret.slice(-12)];
	if (secret.startsWith('sk-')) parts.push(secret.slice(3));
	// A run of one character (the fake keys' zero padding) says nothing about the key.
	return [secret, ...parts.filter(part => part.length >= 12 && !/^(.)\1*$/.test(part))];
}

/** Every output of every run in this process, for a final leak check. */
export const allOutputs: string[] = [];

export function startCli(args: readonly string[], options: CliOptions): CliRun {
	if (!fs.existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first.`);
	const env = {...options.env};
	// The test runner may export FORCE_COLOR; a real pipe would not have it.
	if (!options.keepForceColor) delete env['FORCE_COLOR'];
	const child = spawn(process.execPath, [options.cliPath ?? CLI_PATH, ...args], {
		env,
		cwd: options.cwd ?? options.env['HOME'],
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	const stderrWaiters: Array<{text: string; resolve: () => void}> = [];
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	const firstStdout = new Promise<string>(resolve => {
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
			resolve(stdout);
		});
	});
	child.stderr.on('data', (chunk: string) => {
		stderr += chunk;
		for (const waiter of [...stderrWaiters]) {
			if (stderr.includes(waiter.text)) {
				stderrWaiters.splice(stderrWaiters.indexOf(waiter), 1);
				waiter.resolve();
			}
		}
	});
	// The CLI may exit before reading stdin; that is not a test failure.
	child.stdin.on('error', () => {});
	if (options.input !== undefined) child.stdin.write(options.input);
	if (!options.holdStdin) child.stdin.end();

	const result = new Promise<CliResult>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => {
			allOutputs.push(stdout, stderr);
			const leaked = leakedSecrets(stdout + stderr);
			if (leaked.length > 0) {
				reject(new Error(`openclaw ${args.join(' ')} printed a secret key (${leaked.length} found)`));
				return;
			}

			resolve({stdout, stderr, code, signal});
		});
	});
	return {
		child,
		firstStdout,
		stdout: () => stdout,
		stderr: () => stderr,
		waitForStderr: text =>
			stderr.includes(text) ? Promise.resolve() : new Promise<void>(resolve => stderrWaiters.push({text, resolve})),
		result,
	};
}

export async function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
	return startCli(args, options).result;
}
