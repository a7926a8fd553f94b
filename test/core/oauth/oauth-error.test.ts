/** Every OAuth failure carries its own short title, its sentence and its next step: screens and commands show them as they are. */
import {describe, expect, it} from 'vitest';
import {accessDenied, networkError, noOAuthProfile, refreshDead} from '../../../source/core/oauth/oauth-error.js';

describe('OAuthError', () => {
	it('has a title by kind, the sentence as its message, and the next step', () => {
		expect(accessDenied().problem).toMatchObject({
			kind: 'access_denied',
			title: 'Sign-in declined',
			message: 'The login was declined in the browser, so nothing was saved.',
			nextStep: 'Try the OAuth login again, or choose "Qwen API Key" instead.',
		});
		expect(refreshDead(400).problem).toMatchObject({title: 'Qwen OAuth login expired', status: 400});
		expect(noOAuthProfile('/s/auth-profiles.json').problem.message).toContain('profile "qwen-portal:oauth"');
	});

	it('names the variable that moves the OAuth server', () => {
		expect(networkError('https://chat.qwen.ai/api', new Error('ECONNREFUSED')).problem.nextStep).toContain('QWEN_OAUTH_BASE_URL');
	});
});
