import {describe, expect, it} from 'vitest';
import {wrapWords} from '../../../source/core/text/wrap.js';

describe('wrapWords', () => {
	it('wraps plain text between words, and cuts only words longer than a row', () => {
		expect(wrapWords('the quick brown fox jumps over', 10)).toEqual(['the quick', 'brown fox', 'jumps over']);
		expect(wrapWords('a abcdefghijkl', 5)).toEqual(['a', 'abcde', 'fghij', 'kl']);
		expect(wrapWords('你好世界 你好', 4)).toEqual(['你好', '世界', '你好']);
	});

	it('keeps a word longer than a row whole on its own row when asked', () => {
		expect(wrapWords('a abcdefghijkl b', 5, {longWords: 'keep'})).toEqual(['a', 'abcdefghijkl', 'b']);
	});

	it('never breaks at a no-break space', () => {
		expect(wrapWords('run `openclaw\u00A0doctor` now', 20)).toEqual(['run', '`openclaw\u00A0doctor`', 'now']);
	});

	it('keeps line breaks and leaves rows that fit as they are', () => {
		expect(wrapWords('one two\nthree  ', 20)).toEqual(['one two', 'three  ']);
	});
});
