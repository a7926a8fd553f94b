import {describe, expect, it} from 'vitest';
import {catalogueMessage, checkCatalogue} from '../../../../source/ui/chat/pane/model-catalogue.js';

const listed = ['qwen-plus', 'qwen-plus-latest', 'qwen-max', 'qwen3-coder-plus', 'qwen2.5-72b-instruct'];

describe('the /model check against the region', () => {
	it('accepts an id the region lists, and refuses one it does not with the closest listed ids', async () => {
		const region = {listModels: async () => listed};
		expect(catalogueMessage('qwen2.5-72b-instruct', await checkCatalogue(region, 'qwen2.5-72b-instruct'), 'International (Singapore)')).toBe(
			"qwen2.5-72b-instruct is not in openclaw's registry; International (Singapore) lists it.",
		);
		const message = catalogueMessage('qwen-pluss', await checkCatalogue(region, 'qwen-pluss'), 'International (Singapore)');
		expect(message).toContain('not in the model list of International (Singapore)');
		expect(message).toContain('Try /model qwen-plus.');
	});

	it('switches unchecked when the region does not answer in time, and says so', async () => {
		const silent = {listModels: async ({signal}: {signal?: AbortSignal} = {}) => new Promise<string[]>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))))};
		const verdict = await checkCatalogue(silent, 'qwen-pluss', 30);
		expect(verdict).toEqual({kind: 'unchecked', reason: 'no answer within 0.03 s'});
		expect(catalogueMessage('qwen-pluss', verdict, 'China (Beijing)')).toContain('Could not check qwen-pluss');
	});

	it('says why when the region refuses the list', async () => {
		const refusing = {listModels: async () => Promise.reject(Object.assign(new Error('x'), {classified: {title: 'Invalid API key'}}))};
		expect(await checkCatalogue(refusing, 'foo')).toEqual({kind: 'unchecked', reason: 'Invalid API key'});
	});
});
