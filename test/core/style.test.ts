/** One rule for colour, for every output: NO_COLOR, then FORCE_COLOR, then TERM=dumb, then whether it is a terminal. */
import {describe, expect, it} from 'vitest';
import {createStyle, wantsColor} from '../../source/core/style.js';

const terminal = {isTTY: true};
const pipe = {isTTY: false};

describe('wantsColor', () => {
	it.each([
		['a terminal', {}, terminal, true],
		['a pipe', {}, pipe, false],
		['NO_COLOR on a terminal', {NO_COLOR: '1'}, terminal, false],
		['NO_COLOR empty (not set, per no-color.org)', {NO_COLOR: ''}, terminal, true],
		['NO_COLOR beats FORCE_COLOR', {NO_COLOR: '1', FORCE_COLOR: '1'}, terminal, false],
		['FORCE_COLOR=0 on a terminal', {FORCE_COLOR: '0'}, terminal, false],
		['FORCE_COLOR=false on a terminal', {FORCE_COLOR: 'false'}, terminal, false],
		['FORCE_COLOR=1 into a pipe', {FORCE_COLOR: '1'}, pipe, true],
		['TERM=dumb on a terminal', {TERM: 'dumb'}, terminal, false],
		['TERM=dumb, FORCE_COLOR=1', {TERM: 'dumb', FORCE_COLOR: '1'}, terminal, true],
	] as const)('%s', (_name, env, stream, expected) => {
		expect(wantsColor(env, stream)).toBe(expected);
		expect(createStyle(stream, env).red('x') === 'x').toBe(!expected);
	});
});
