import {failure} from './failure.js';

const MAX_STDIN_BYTES = 16 * 1024 * 1024;
/** How long stdin may stay silent before the user is told what the program is waiting for. */
const STDIN_QUIET_MS = 1000;

export type ReadStdinOptions = {
	maxBytes?: number;
	/**
	 * Called once if nothing (not even the end) has arrived after STDIN_QUIET_MS: a
	 * program that starts this one with a pipe it never closes would otherwise wait in silence.
	 */
	onQuiet?: () => void;
};

/** All of piped stdin as UTF-8 (capped, so `cat /dev/zero |` fails cleanly). */
export async function readStdin(stdin: NodeJS.ReadableStream, options: ReadStdinOptions = {}): Promise<string> {
	const maxBytes = options.maxBytes ?? MAX_STDIN_BYTES;
	const {onQuiet} = options;
	const quiet = onQuiet ? setTimeout(onQuiet, STDIN_QUIET_MS) : undefined;
	const chunks: Buffer[] = [];
	let total = 0;
	try {
		for await (const chunk of stdin) {
			clearTimeout(quiet);
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk);
			total += buffer.length;
			if (total > maxBytes) throw failure(`stdin is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; pass a smaller input.`);
			chunks.push(buffer);
		}
	} finally {
		clearTimeout(quiet);
	}

	return Buffer.concat(chunks).toString('utf8');
}
