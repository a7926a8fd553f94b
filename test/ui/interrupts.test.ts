import {EventEmitter} from 'node:events';
import {expect, it, vi} from 'vitest';
import {listenForInterrupts} from '../../source/ui/interrupts.js';

function fakeProcess() {
	const emitter = new EventEmitter();
	return emitter as unknown as Pick<NodeJS.Process, 'on' | 'off'> & EventEmitter;
}

it('keeps a signal that arrives before the app subscribes, and delivers it once', () => {
	const target = fakeProcess();
	const source = listenForInterrupts(target);
	target.emit('SIGINT');
	const listener = vi.fn();
	source.subscribe(listener);
	expect(listener).toHaveBeenCalledTimes(1);
	expect(listener).toHaveBeenCalledWith('SIGINT');
	source.subscribe(listener);
	expect(listener).toHaveBeenCalledTimes(1);
	source.dispose();
});

it('hands SIGINT, SIGTERM and SIGHUP to the subscriber, and lets go of the process on dispose', () => {
	const target = fakeProcess();
	const source = listenForInterrupts(target);
	const listener = vi.fn();
	source.subscribe(listener);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) target.emit(signal);
	expect(listener.mock.calls).toEqual([['SIGINT'], ['SIGTERM'], ['SIGHUP']]);
	source.dispose();
	expect(target.listenerCount('SIGINT') + target.listenerCount('SIGTERM') + target.listenerCount('SIGHUP')).toBe(0);
});
