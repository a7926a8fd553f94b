import {failure} from './failure.js';

const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/** All of piped stdin as UTF-8 (capped, so `cat /dev/zero |` fails cleanly). */
export async function readStdin(stdin: NodeJS.ReadableStream, maxBytes = MAX_STDIN_BYTES): Promise<string> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stdin) {
		const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk);
		total += buffer.length;
		if (total > maxBytes) throw failure(`stdin is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; pass a smaller input.`);
		chunks.push(buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
}
