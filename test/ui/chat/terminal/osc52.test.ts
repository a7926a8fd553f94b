import {expect, it} from 'vitest';
import {osc52} from '../../../../source/ui/chat/terminal/osc52.js';

it('sends text as OSC 52 with base64; inside tmux also wrapped for passthrough', () => {
	const base64 = Buffer.from('héllo\n', 'utf8').toString('base64');
	const plain = `\u001B]52;c;${base64}\u0007`;
	expect(osc52('héllo\n', {})).toBe(plain);
	expect(osc52('héllo\n', {TMUX: '/tmp/tmux-0/default,1,0'})).toBe(`${plain}\u001BPtmux;\u001B\u001B]52;c;${base64}\u0007\u001B\\`);
});
