import {describe, expect, it} from 'vitest';
import {ControlFilter, plainText} from '../../source/core/terminal-text.js';

const ESC = '\u001B';
const BEL = '\u0007';

describe('plainText', () => {
	it.each([
		['an OSC 52 clipboard write', `a${ESC}]52;c;aGVsbG8=${BEL}b`, 'ab'],
		['a screen clear', `a${ESC}[2Jb${ESC}[H`, 'ab'],
		['a window title ended by ST', `a${ESC}]0;title${ESC}\\b`, 'ab'],
		['colours', `${ESC}[1;31mred${ESC}[0m`, 'red'],
		['a charset switch', `a${ESC}(Bb`, 'ab'],
		['8-bit CSI and OSC', 'a\u009B2Jb\u009D0;t\u0007c', 'abc'],
		['other controls (BEL, BS, CR, DEL)', `a${BEL}b\bc\rd\u007Fe`, 'abcde'],
		['a DCS string', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
	])('removes %s', (_name, input, output) => {
		expect(plainText(input)).toBe(output);
	});

	it('keeps tabs, newlines and any printable text', () => {
		const text = 'col\tcol\nzweite Zeile · 中文 · 🙂 · √2';
		expect(plainText(text)).toBe(text);
	});
});

describe('ControlFilter across deltas', () => {
	it('drops a sequence split over several pushes', () => {
		const filter = new ControlFilter();
		const out = ['Hello ', ESC, ']52;c;', 'aGVsbG8=', BEL, 'world', `${ESC}[`, '2', 'J!'].map(part => filter.push(part)).join('');
		expect(out).toBe('Hello world!');
	});

	it('gives up on a string sequence that never ends, so the answer is not swallowed', () => {
		const filter = new ControlFilter();
		filter.push(`${ESC}]0;`);
		const text = filter.push('x'.repeat(9000));
		expect(text.length).toBeGreaterThan(0);
		expect(text).not.toContain(ESC);
	});
});
