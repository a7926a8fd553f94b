import {describe, expect, it} from 'vitest';
import {canQueue, initialPaneState, paneReducer, queuedMessageAfter} from '../../../../source/ui/chat/pane/pane-state.js';

const start = initialPaneState('qwen-plus', [], 'qwen3-vl-plus');

describe('type-ahead queue', () => {
	it('holds one message typed while an answer streams', () => {
		const queued = paneReducer(start, {type: 'message-queued', text: 'next question'});
		expect(queued.queued).toBe('next question');
		expect(canQueue(queued)).toBe(false);
		// A second one is not put over it (the pane keeps it in the prompt).
		expect(paneReducer(queued, {type: 'message-queued', text: 'another'})).toBe(queued);
		expect(paneReducer(queued, {type: 'queue-taken'}).queued).toBeUndefined();
	});

	it('sends it after a whole answer, and hands it back after a stop or a failure', () => {
		expect(queuedMessageAfter('done')).toBe('send');
		expect(queuedMessageAfter(undefined)).toBe('send');
		expect(queuedMessageAfter('interrupted')).toBe('stopped');
		expect(queuedMessageAfter('failed')).toBe('failed');
	});
});
