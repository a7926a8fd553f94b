import {describe, expect, it} from 'vitest';
import {checkModelIds, collectModelIds} from '../../../source/core/doctor/model-ids.js';

function config(options: {ids?: string[]; primary?: string; fallbacks?: string[]; refs?: string[]}) {
	return {
		models: {providers: {'qwen-portal': {models: (options.ids ?? []).map(id => ({id, name: id}))}}},
		agents: {
			defaults: {
				model: {primary: options.primary, fallbacks: options.fallbacks},
				models: Object.fromEntries((options.refs ?? []).map(ref => [ref, {}])),
			},
		},
	};
}

describe('model id lint', () => {
	it('finds ids in the provider models, primary, fallbacks and agents.defaults.models keys', () => {
		const mentions = collectModelIds(
			config({
				ids: ['qwen-plus'],
				primary: 'qwen-portal/qwen3-max',
				fallbacks: ['qwen-portal/qwen-turbo', 'anthropic/claude-sonnet'],
				refs: ['qwen-portal/qwen-plus', 'openai/gpt-5'],
			}),
		);
		expect(mentions.map(mention => mention.where)).toEqual([
			'models.providers.qwen-portal.models[0].id',
			'agents.defaults.model.primary',
			'agents.defaults.model.fallbacks[0]',
			'agents.defaults.models["qwen-portal/qwen-plus"]',
		]);
	});

	it('is ok for a config the setup writes', () => {
		const check = checkModelIds(config({ids: ['qwen3-coder-plus', 'qwen-plus'], primary: 'qwen-portal/qwen3-coder-plus'}));
		expect(check.status).toBe('ok');
	});

	it('names a region-prefixed id with where it is and what to use instead', () => {
		const check = checkModelIds(config({ids: ['qwen.qwen-plus']}), '/home/u/.openclaw/openclaw.json');
		expect(check.status).toBe('problem');
		expect(check.title).toBe('A model id that DashScope will not find');
		expect(check.detail).toContain('models.providers.qwen-portal.models[0].id: "qwen.qwen-plus"');
		expect(check.nextStep).toBe('In /home/u/.openclaw/openclaw.json replace "qwen.qwen-plus" → "qwen-plus".');
	});

	it('names a Bedrock-style primary model', () => {
		const check = checkModelIds(config({primary: 'qwen-portal/qwen.qwen3-coder-30b-a3b-v1:0'}));
		expect(check.status).toBe('problem');
		expect(check.detail).toContain('agents.defaults.model.primary');
		expect(check.detail).toMatch(/Bedrock/);
	});

	it('catches bad ids in fallbacks and alias keys too', () => {
		const check = checkModelIds(
			config({fallbacks: ['qwen-portal/intl.qwen-max'], refs: ['qwen-portal/qwen.qwen3-max']}),
		);
		expect(check.status).toBe('problem');
		expect(check.title).toContain('2 model ids');
		expect(check.detail).toContain('agents.defaults.model.fallbacks[0]');
		expect(check.detail).toContain('agents.defaults.models["qwen-portal/qwen.qwen3-max"]');
	});

	it('leaves other providers\' model ids alone', () => {
		const check = checkModelIds(config({primary: 'bedrock/qwen.qwen3-coder-30b-a3b-v1:0'}));
		expect(check.status).toBe('ok');
	});
});

describe('model id lint with the OAuth portal', () => {
	it('accepts the portal models an OAuth login writes', () => {
		const check = checkModelIds(config({ids: ['coder-model', 'vision-model'], primary: 'qwen-portal/coder-model'}));
		expect(check.status).toBe('ok');
	});
});
