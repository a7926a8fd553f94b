import {describe, expect, it} from 'vitest';
import type {ClassifiedError} from '../../../../source/core/errors.js';
import {ADVICE} from '../../../../source/core/messages.js';
import {PANE_ADVICE, withPaneAdvice} from '../../../../source/ui/chat/transcript/pane-advice.js';

const context = {visionModel: 'qwen3-vl-plus'};
const error = (kind: ClassifiedError['kind'], advice: {title: string; message: string; nextStep: string}): ClassifiedError => ({kind, ...advice});

describe('pane advice', () => {
	it('names pane actions instead of shell commands', () => {
		const cases: Array<[ClassifiedError, string]> = [
			[error('model_not_found', ADVICE.modelNotFound('qwen-pluss')), '/model'],
			[error('rate_limited', ADVICE.rateLimited()), '/model'],
			[error('quota_exceeded', ADVICE.quotaExceeded()), '/model'],
			[error('context_too_long', ADVICE.contextTooLong()), '/clear'],
			[error('text_only_model', ADVICE.textOnlyModel('qwen-plus')), '/model qwen3-vl-plus'],
		];
		for (const [original, action] of cases) {
			const advised = withPaneAdvice(original, context);
			expect(advised.nextStep).toContain(action);
			expect(advised.nextStep).not.toMatch(/openclaw (models|chat)/);
			// Only the next step changes.
			expect({...advised, nextStep: ''}).toEqual({...original, nextStep: ''});
		}
	});

	it('says the core\'s own sentence with the pane\'s ways, where the core has one', () => {
		const advised = withPaneAdvice(error('quota_exceeded', ADVICE.quotaExceeded()), context);
		expect(advised.nextStep).toBe('Check your plan and quota in the Model Studio console, or switch models with /model.');
		expect(withPaneAdvice(error('rate_limited', ADVICE.rateLimited()), context).nextStep).toBe(
			'Wait a minute and send again (↑ brings the message back), or switch to another model with /model.',
		);
		expect(withPaneAdvice(error('free_tier_exhausted', ADVICE.freeTierExhausted()), context).nextStep).toMatch(/^Turn off "use free tier only" .* or switch models with \/model\.$/);
	});

	it('leaves the words of errors the pane has no action for', () => {
		for (const original of [
			error('invalid_key', ADVICE.invalidKey('International (Singapore)')),
			error('timeout', ADVICE.timeout()),
			error('bad_request', ADVICE.badRequest('oops')),
			error('arrears', ADVICE.arrears()),
		]) {
			expect(withPaneAdvice(original, context)).toBe(original);
		}
	});

	it('has one entry per kind and condition', () => {
		const keys = PANE_ADVICE.map(entry => `${entry.kind}:${entry.when ? 'when' : ''}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
