import {describe, expect, it} from 'vitest';
import {echoRows} from '../../../../source/ui/chat/transcript/prompt-echo.js';

describe('echoRows', () => {
	it('puts "› " before the first row and indents the others by two, words whole', () => {
		const rows = echoRows('please explain how the sky gets its colour at noon and at dusk', 30);
		expect(rows).toEqual(['› please explain how the sky', '  gets its colour at noon and', '  at dusk']);
		for (const row of rows) expect(row.length).toBeLessThanOrEqual(30);
	});

	it('keeps the prompt’s own lines, each under the prefix', () => {
		expect(echoRows('one\ntwo', 40)).toEqual(['› one', '  two']);
	});
});
