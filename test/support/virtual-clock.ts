/** Time that only moves when the code under test sleeps; every sleep is recorded. */
import type {Clock} from '../../source/core/oauth/clock.ts';

export function virtualClock(start = Date.UTC(2026, 3, 1, 12)): {clock: Clock; sleeps: number[]; advance(ms: number): void} {
	let now = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		advance(ms) {
			now += ms;
		},
		clock: {
			now: () => now,
			async sleep(ms, signal) {
				if (signal?.aborted) throw signal.reason;
				sleeps.push(ms);
				now += ms;
			},
		},
	};
}
