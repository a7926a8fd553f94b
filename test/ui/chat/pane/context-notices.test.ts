import {describe, expect, it} from 'vitest';
import {nearlyFullNotice} from '../../../../source/ui/chat/pane/context-notices.js';

const facts = {model: 'qwen-max', window: 32_768, bigger: {id: 'qwen-plus', window: 1_000_000}};

describe('nearlyFullNotice', () => {
	it('promises the automatic summary only while the conversation still fits the window', () => {
		expect(nearlyFullNotice(27_000, facts, false)).toContain('Past 85%, before your next message goes, the older turns are summarised');
		expect(nearlyFullNotice(29_000, facts, false)).toContain('Before your next message goes, the older turns are summarised');
	});

	it('says a conversation past the window will be refused, and names /compact, /new and a bigger model', () => {
		const notice = nearlyFullNotice(36_000, facts, false);
		expect(notice).toContain('It no longer fits, so the next message will be refused.');
		expect(notice).toContain('/compact');
		expect(notice).toContain('/new');
		expect(notice).toContain('/model qwen-plus');
		expect(notice).not.toContain('are summarised (');
	});
});
