/**
 * Answer text for stdout, with the deltas that arrive in the same turn of the
 * event loop sent in one write. One network read carries many SSE chunks, so
 * this turns thousands of small writes (each a system call on a pipe) into a
 * few, while the first bytes still leave as soon as the current read is done.
 */
export type CoalescedOutput = {
	write(text: string): void;
	/** Sends what is pending now; call it before anything else is written to the terminal. */
	flush(): void;
};

/** Past this many pending characters a write goes out at once rather than waiting for the turn to end. */
const MAX_PENDING = 64 * 1024;

export function coalescedOutput(stream: NodeJS.WritableStream): CoalescedOutput {
	let pending = '';
	let scheduled = false;

	const flush = () => {
		if (pending === '') return;
		const text = pending;
		pending = '';
		stream.write(text);
	};

	const flushScheduled = () => {
		scheduled = false;
		flush();
	};

	return {
		write(text) {
			pending += text;
			if (pending.length >= MAX_PENDING) {
				flush();
			} else if (!scheduled) {
				scheduled = true;
				setImmediate(flushScheduled);
			}
		},
		flush,
	};
}
