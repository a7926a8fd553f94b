/** The clocks a request runs against: a deadline, a watch for silence, and a wait that a signal ends. */
import {setTimeout as delay} from 'node:timers/promises';

/** Aborts after `ms`, or when `outer` aborts; `expired` tells the two apart. */
export class Deadline {
	readonly signal: AbortSignal;
	expired = false;
	private readonly controller = new AbortController();
	private readonly timer: ReturnType<typeof setTimeout>;
	private readonly outer: AbortSignal | undefined;
	private readonly onOuterAbort = () => this.controller.abort();

	constructor(ms: number, outer: AbortSignal | undefined) {
		this.signal = this.controller.signal;
		this.outer = outer;
		if (outer?.aborted) this.controller.abort();
		else outer?.addEventListener('abort', this.onOuterAbort, {once: true});
		this.timer = setTimeout(() => {
			this.expired = true;
			this.controller.abort();
		}, ms);
	}

	stop(): void {
		clearTimeout(this.timer);
		this.outer?.removeEventListener('abort', this.onOuterAbort);
	}
}

/**
 * Aborts a stream after `timeoutMs` without a chunk. One timer per stream; each
 * chunk only stamps `lastActivity`, and time the caller spends between pulls
 * (`suspended`) does not count as server silence.
 */
export class IdleWatch {
	lastActivity = 0;
	suspended = false;
	fired = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private readonly timeoutMs: number;

	constructor(timeoutMs: number) {
		this.timeoutMs = timeoutMs;
	}

	start(onIdle: () => void): void {
		this.lastActivity = Date.now();
		const check = () => {
			const silent = Date.now() - this.lastActivity;
			if (this.suspended) {
				this.lastActivity = Date.now();
				this.timer = setTimeout(check, this.timeoutMs);
			} else if (silent >= this.timeoutMs) {
				this.fired = true;
				this.timer = undefined;
				onIdle();
			} else {
				this.timer = setTimeout(check, this.timeoutMs - silent);
			}
		};
		this.timer = setTimeout(check, this.timeoutMs);
	}

	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
	}
}

/** Waits `ms`; when `signal` aborts first, throws what `abortError` makes of its reason. */
export async function sleep(ms: number, signal: AbortSignal | undefined, abortError: (reason: unknown) => Error): Promise<void> {
	try {
		await delay(ms, undefined, {signal});
	} catch (error) {
		if (signal?.aborted) throw abortError(signal.reason);
		throw error;
	}
}
