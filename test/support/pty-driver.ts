/**
 * Runs a command in a real pseudo-terminal and reads the screen through a
 * headless xterm, the way a person would see it. Standalone-safe (erasable TS,
 * `.ts` imports) so it also runs under Node's type stripping.
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {bracketedPaste, KEYS} from './keys.ts';

const {Terminal} = xterm;

export type PtyOptions = {
	command: string;
	args?: string[];
	cwd?: string;
	env?: Record<string, string>;
	cols?: number;
	rows?: number;
	/** Lines the terminal keeps above the screen (xterm's default is 1,000). */
	scrollback?: number;
};

/** Key sequences for `press` (the same bytes the Ink driver sends). */
export const PTY_KEYS = KEYS;

export type PtySession = {
	/** The visible screen, one string per row, trailing spaces trimmed. */
	screen(): string;
	/** Everything the program wrote, escape codes included. */
	output(): string;
	/** Scrollback and screen, one string per line, rows the terminal wrapped joined back (reads after a flush). */
	lines(): Promise<string[]>;
	write(data: string): void;
	/** Writes keys one by one with a pause after each (Esc waits out the escape timer). */
	press(...keys: string[]): Promise<void>;
	/** Writes text the way a paste arrives with bracketed paste on. */
	paste(text: string): Promise<void>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	resize(cols: number, rows: number): Promise<void>;
	/**
	 * Resizes between two of the program's writes: the program is stopped
	 * (SIGSTOP) until everything it wrote has reached the terminal and been
	 * drawn at the old size, then the terminal resizes and the program goes on
	 * (SIGCONT). Without the stop, bytes still on their way when the terminal
	 * resizes are drawn at the new size, however they were meant.
	 */
	resizeBetweenWrites(cols: number, rows: number): Promise<void>;
	/** Resolves with the exit code once the program ends. */
	exited(timeoutMs?: number): Promise<number>;
	/** Sends a signal to the program, as `kill -INT` or a closing terminal would. */
	signal(name: NodeJS.Signals): void;
	kill(): void;
};

const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

export function spawnPty(options: PtyOptions): PtySession {
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const terminal = new Terminal({cols, rows, allowProposedApi: true, ...(options.scrollback === undefined ? {} : {scrollback: options.scrollback})});
	const child = pty.spawn(options.command, options.args ?? [], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: options.env ?? (process.env),
	});

	let output = '';
	let exitCode: number | undefined;
	const exitWaiters: Array<(code: number) => void> = [];
	child.onData(data => {
		output += data;
		terminal.write(data);
	});
	child.onExit(({exitCode: code}) => {
		exitCode = code;
		for (const resolve of exitWaiters) resolve(code);
	});

	const screen = () => {
		// Writes to xterm are parsed asynchronously; the buffer lags output by a tick at most.
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	};

	const flush = async () =>
		new Promise<void>(resolve => {
			terminal.write('', resolve);
		});

	const session: PtySession = {
		screen,
		output: () => output,
		async lines() {
			await flush();
			const buffer = terminal.buffer.normal;
			const lines: string[] = [];
			for (let index = 0; index < buffer.length; index++) {
				const line = buffer.getLine(index);
				if (!line) continue;
				const text = line.translateToString(true);
				if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
				else lines.push(text);
			}

			return lines;
		},
		write: data => {
			child.write(data);
		},
		async press(...keys) {
			for (const key of keys) {
				child.write(key);
				await sleep(key === PTY_KEYS.escape ? 120 : 60);
			}
		},
		async paste(text) {
			child.write(bracketedPaste(text));
			await sleep(60);
		},
		async waitFor(text, timeoutMs = 10_000) {
			const started = Date.now();
			for (;;) {
				await flush();
				const current = screen();
				if (typeof text === 'string' ? current.includes(text) : text.test(current)) {
					// The program subscribes to input just after it draws.
					await sleep(60);
					return current;
				}

				if (exitCode !== undefined || Date.now() - started > timeoutMs) {
					throw new Error(
						`Waited for ${String(text)} ${exitCode === undefined ? `for ${timeoutMs} ms` : `but the program exited (${exitCode})`}; screen:\n${current}`,
					);
				}

				await sleep(40);
			}
		},
		async resize(newCols, newRows) {
			// A terminal resizes after drawing what it has received; xterm parses writes later.
			await flush();
			child.resize(newCols, newRows);
			terminal.resize(newCols, newRows);
			await sleep(150);
		},
		async resizeBetweenWrites(newCols, newRows) {
			child.kill('SIGSTOP');
			try {
				// Stopped, the program writes nothing more: wait for what it wrote to arrive.
				for (let seen = -1; seen !== output.length; ) {
					seen = output.length;
					await sleep(100);
				}

				await flush();
				child.resize(newCols, newRows);
				terminal.resize(newCols, newRows);
			} finally {
				child.kill('SIGCONT');
			}

			await sleep(150);
		},
		async exited(timeoutMs = 10_000) {
			const code =
				exitCode ??
				(await new Promise<number>((resolve, reject) => {
					const timer = setTimeout(() => {
						reject(new Error(`Program still running after ${timeoutMs} ms; screen:\n${screen()}`));
					}, timeoutMs);
					exitWaiters.push(code => {
						clearTimeout(timer);
						resolve(code);
					});
				}));
			// node-pty can report the exit before the last output arrives, and xterm
			// parses what it has later still: wait for the output to settle, then for
			// the terminal, so the screen shows what the program left behind.
			for (let seen = -1, waited = 0; seen !== output.length && waited < 1000; waited += 50) {
				seen = output.length;
				await sleep(50);
			}

			await flush();
			return code;
		},
		signal(name) {
			child.kill(name);
		},
		kill() {
			if (exitCode === undefined) child.kill();
			terminal.dispose();
		},
	};
	return session;
}
