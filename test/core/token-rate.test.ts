import {expect, it} from 'vitest';
import {tokensPerSecond} from '../../source/core/token-rate.js';

it('counts tokens per second of streaming, and nothing when no time passed', () => {
	expect(tokensPerSecond(50, 1000)).toBe(50);
	expect(tokensPerSecond(17, 352)).toBeCloseTo(48.3, 1);
	expect(tokensPerSecond(10, 0)).toBeUndefined();
});
