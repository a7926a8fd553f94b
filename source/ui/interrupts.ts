/**
 * Ctrl+C reaches a full-screen app as a key only once Ink has put the terminal
 * in raw mode. Until then (the first frame is already on screen) the terminal
 * turns it into SIGINT, which would kill the process mid-screen: still on the
 * alternate screen, bracketed paste still on. An InterruptSource catches the
 * signals from before the first render and hands them to the app's own Ctrl+C
 * handling; one that arrives before the app subscribes is kept for it.
 */
export type InterruptSource = {
	/** Called on every interrupt from now on; returns the unsubscribe. */
	subscribe(listener: () => void): () => void;
	/** Stops listening to the process's signals. */
	dispose(): void;
};

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function listenForInterrupts(target: Pick<NodeJS.Process, 'on' | 'off'> = process): InterruptSource {
	let listener: (() => void) | undefined;
	let pending = false;
	const onSignal = () => {
		if (listener) listener();
		else pending = true;
	};

	for (const signal of SIGNALS) target.on(signal, onSignal);
	return {
		subscribe(next) {
			listener = next;
			if (pending) {
				pending = false;
				next();
			}

			return () => {
				if (listener === next) listener = undefined;
			};
		},
		dispose() {
			for (const signal of SIGNALS) target.off(signal, onSignal);
		},
	};
}
