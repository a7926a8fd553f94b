/** Time, injectable so tests drive the poller without waiting on the wall clock. */
import {sleep} from '../request-timers.js';
import {aborted} from './oauth-error.js';

export type Clock = {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: (ms, signal) => sleep(ms, signal, () => aborted()),
};
