import {describe, expect, it} from 'vitest';
import {terminalReflows} from '../../../../source/ui/chat/terminal/terminal-reflow.js';
import {reflowedRows, trackWrittenRows} from '../../../../source/ui/chat/terminal/written-rows.js';

describe('trackWrittenRows', () => {
	it("follows Ink's frame redraws: erase upward, then the new frame", () => {
		const rows = trackWrittenRows();
		rows.write('done\r\n');
		rows.write('\u001B[1m' + 'x'.repeat(70) + '\u001B[22m\r\nshort\r\n');
		expect(rows.widths()).toEqual([4, 70, 5, 0]);
		// log-update's eraseLines(3): the frame's two lines and the cursor's.
		rows.write('\u001B[2K\u001B[1A\u001B[2K\u001B[1A\u001B[2K\u001B[G');
		expect(rows.cursor()).toBe(1);
		rows.write('你好 \u001B]8;;https://example.com\u0007link\u001B]8;;\u0007\r\n');
		expect(rows.widths().slice(0, 3)).toEqual([4, 9, 0]);
		expect(rows.cursor()).toBe(2);
	});

	it('counts the rows a line takes once rewrapped', () => {
		expect([reflowedRows(0, 60), reflowedRows(60, 60), reflowedRows(76, 60), reflowedRows(121, 60)]).toEqual([1, 1, 2, 3]);
	});
});

describe('terminalReflows', () => {
	it('knows the terminals that rewrap lines, and assumes nothing of others', () => {
		expect(terminalReflows({TMUX: '/tmp/tmux-0/default,1,0'})).toBe(true);
		expect(terminalReflows({TERM_PROGRAM: 'vscode'})).toBe(true);
		expect(terminalReflows({VTE_VERSION: '7600'})).toBe(true);
		expect(terminalReflows({TERM: 'xterm-256color', XTERM_VERSION: 'XTerm(390)'})).toBe(false);
		expect(terminalReflows({TERM: 'linux'})).toBe(false);
		expect(terminalReflows({TMUX: 'x', OPENCLAW_TERMINAL_REFLOW: '0'})).toBe(false);
	});
});
