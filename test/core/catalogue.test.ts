import {describe, expect, it} from 'vitest';
import {catalogueVerdict, listedOutsideRegistry} from '../../source/core/catalogue.js';
import {MAX_CLOSEST_IDS} from '../../source/core/resolve-model.js';

const listed = ['qwen-plus-latest', 'qwen-max', 'qwen-plus', 'qwen3-coder-plus', 'qwen2.5-72b-instruct', 'qwen-plus-2025'];

describe('catalogueVerdict', () => {
	it('an id the endpoint lists is listed', () => {
		expect(catalogueVerdict('qwen2.5-72b-instruct', listed)).toEqual({kind: 'listed'});
	});

	it('a typo gets the nearest listed ids, nearest first, at most MAX_CLOSEST_IDS, whatever order the list came in', () => {
		const verdict = catalogueVerdict('qwen-pluss', listed);
		expect(verdict).toEqual({kind: 'not-listed', closest: ['qwen-plus', 'qwen-max', 'qwen-plus-2025']});
		expect(catalogueVerdict('qwen-pluss', [...listed].reverse())).toEqual(verdict);
		expect(MAX_CLOSEST_IDS).toBe(3);
	});

	it('an id like nothing listed gets no suggestions', () => {
		expect(catalogueVerdict('deepseek-r1-distill-llama-70b', ['qwen-max'])).toEqual({kind: 'not-listed', closest: []});
	});
});

it('names the endpoint that lists an id the registry lacks', () => {
	expect(listedOutsideRegistry('qwen3.5-plus', 'China (Beijing)')).toBe("qwen3.5-plus is not in openclaw's registry; China (Beijing) lists it.");
});
