/**
 * Ctrl+C reaches a full-screen app as a key only once Ink has put the terminal
 * in raw mode. Until then (the first frame is already on screen) the terminal
 * turns it into SIGINT, which would kill the process mid-screen: still on the
 * alternate screen, bracketed paste still on. An InterruptSource catches the
 * signals from before the first render and hands them to the app's own Ctrl+C
 * handling; one that arrives before the app subscribes is kept for it.
 */
export type InterruptListener = (signal: NodeJS.Signals) => void;

export type InterruptSource = {
	/** Called on every interrupt from now on; returns the unsubscribe. */
	subscribe(listener: InterruptListener): () => void;
	/** Stops listening to the process's signals. */
	dispose(): void;
};

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function listenForInterrupts(target: Pick<NodeJS.Process, 'on' | 'off'> = process): InterruptSource {
	let listener: InterruptListener | undefined;
	let pending: NodeJS.Signals | undefined;
	const handlers = SIGNALS.map(signal => {
		const handler = () => {
			if (listener) listener(signal);
			else pending = signal;
		};

		target.on(signal, handler);
		return [signal, handler] as const;
	});

	return {
		subscribe(next) {
			listener = next;
			if (pending) {
				const signal = pending;
				pending = undefined;
				next(signal);
			}

			return () => {
				if (listener === next) listener = undefined;
			};
		},
		dispose() {
			for (const [signal, handler] of handlers) target.off(signal, handler);
		},
	};
}
