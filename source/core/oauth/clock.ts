/** Time, injectable so tests drive the poller without waiting on the wall clock. */
import {aborted} from './oauth-error.js';

export type Clock = {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: (ms, signal) =>
		new Promise((resolve, reject) => {
			if (signal?.aborted) {
				reject(aborted());
				return;
			}

			const timer = setTimeout(() => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			}, ms);
			const onAbort = () => {
				clearTimeout(timer);
				reject(aborted());
			};

			signal?.addEventListener('abort', onAbort, {once: true});
		}),
};
