/**
 * Keys typed before an Ink screen has drawn. Until a program puts the terminal
 * in raw mode, the terminal is in cooked mode: the kernel holds what is typed
 * as a line, echoes it, and turns Enter's CR into LF (ICRNL). Ink asks for raw
 * mode only in its first effect, after the first frame, and then reads that
 * backlog: an Enter typed early arrives as LF, which `useInput` reports as
 * Ctrl+J, so the prompt gets a new line instead of sending, and a select list
 * ignores it.
 *
 * `catchEarlyKeys` switches to raw mode at once, reads the cooked backlog (the
 * first read after the switch), turns its LFs back into Enter, and puts it
 * back on the stream for Ink, ahead of anything typed since. Keys typed after
 * the switch arrive raw and are left alone. Call it before `render()`.
 */

export type EarlyKeys = {
	/** Stops catching (if still at it) and gives the terminal back if no screen took it. */
	dispose(): void;
};

type RawStdin = NodeJS.ReadStream & {setRawMode(mode: boolean): unknown};

const idle: EarlyKeys = {dispose() {}};

export function catchEarlyKeys(stdin: NodeJS.ReadStream): EarlyKeys {
	if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return idle;
	const raw = stdin as RawStdin;
	raw.setRawMode(true);
	raw.setEncoding('utf8');

	let caught = '';
	let catching = true;
	const read = () => {
		let chunk: string | null;
		// Only the first read is the cooked backlog; what follows was typed in raw mode.
		while ((chunk = raw.read() as string | null) !== null) caught += caught === '' ? fromCookedMode(chunk) : chunk;
	};

	// The backlog is readable as soon as raw mode is on, so the first poll of the
	// event loop after the switch reads it: one check phase to reach that poll,
	// a second to know it has run.
	let timer: NodeJS.Immediate | undefined = setImmediate(() => {
		timer = setImmediate(handOver);
	});

	function handOver() {
		timer = undefined;
		if (!catching) return;
		catching = false;
		raw.off('readable', read);
		if (caught !== '') raw.unshift(caught);
	}

	raw.on('readable', read);
	return {
		dispose() {
			if (timer) clearImmediate(timer);
			timer = undefined;
			if (catching) {
				catching = false;
				raw.off('readable', read);
			}

			// Ink gives raw mode back when it unmounts; this covers a screen that never took it.
			if (raw.isRaw) raw.setRawMode(false);
			if (raw.listenerCount('readable') === 0 && raw.listenerCount('data') === 0) raw.unref();
		},
	};
}

/** What cooked mode made of the keys: every line ended with LF, from Enter. */
export function fromCookedMode(text: string): string {
	return text.replace(/\n/g, '\r');
}
