/**
 * What every command gets instead of reaching for process globals, so the
 * environment and streams are explicit (and styling follows each stream).
 */
import {createStyle, type Style} from '../core/style.js';
import type {Env} from '../core/env.js';

export type CommandContext = {
	readonly env: Env;
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
	/** Styling for stdout and stderr respectively; each follows its own stream. */
	readonly out: Style;
	readonly err: Style;
	print(line?: string): void;
	warn(line?: string): void;
};

export function createContext(
	env: Env = process.env,
	streams: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream} = process,
): CommandContext {
	return {
		env,
		stdin: streams.stdin,
		stdout: streams.stdout,
		stderr: streams.stderr,
		out: createStyle(streams.stdout, env),
		err: createStyle(streams.stderr, env),
		print(line = '') {
			streams.stdout.write(line + '\n');
		},
		warn(line = '') {
			streams.stderr.write(line + '\n');
		},
	};
}

/** Both stdin and stdout are terminals: the interactive screens may run. */
export function isInteractive(context: CommandContext): boolean {
	return context.stdin.isTTY === true && context.stdout.isTTY === true;
}
