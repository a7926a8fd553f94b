/** DashScope's usage figures, read as the service sends them. */
import {describe, expect, it} from 'vitest';
import {usageEvent} from '../../source/core/dashscope-replies.js';

describe('usageEvent', () => {
	it('tolerates null detail objects and ignores a usage without counts', () => {
		expect(usageEvent({prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, prompt_tokens_details: null, completion_tokens_details: null})).toMatchObject({
			promptTokens: 3,
			cachedTokens: undefined,
			reasoningTokens: undefined,
		});
		expect(usageEvent({prompt_tokens: 3})).toBeUndefined();
		expect(usageEvent(null)).toBeUndefined();
		expect(usageEvent({prompt_tokens: 3, completion_tokens: 2})).toMatchObject({totalTokens: 5});
	});
});
