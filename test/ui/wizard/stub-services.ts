/** Wizard services that touch nothing: each test replaces the operations it exercises. */
import {getRegion} from '../../../source/core/regions.js';
import type {DeviceLogin} from '../../../source/core/oauth/device-login.js';
import type {ApprovedTokens, OAuthServices} from '../../../source/ui/oauth/oauth-services.js';
import type {WizardServices} from '../../../source/ui/wizard/services.js';

export const TOKENS: ApprovedTokens = {access: 'access-token', refresh: 'refresh-token', expires: Date.UTC(2030, 0, 1), baseUrl: 'https://portal.qwen.ai/v1'};

/** A device login the user approves at once, with `TOKENS`. */
export function approvedLogin(): DeviceLogin {
	return {
		device: {
			deviceCode: 'device',
			userCode: 'ABCD-1001',
			verificationUri: 'https://chat.qwen.ai/authorize',
			verificationUriComplete: 'https://chat.qwen.ai/authorize?user_code=ABCD-1001&client=qwen-code',
			expiresInSeconds: 600,
		},
		expiresAt: Date.UTC(2030, 0, 1),
		waitForApproval: async () => TOKENS,
	};
}

export function stubServices(overrides: Partial<Omit<WizardServices, 'oauth'>> & {oauth?: Partial<OAuthServices>} = {}): WizardServices {
	const {oauth, ...rest} = overrides;
	return {
		probeKey: async (_key, regionId) => ({status: 'ok', region: getRegion(regionId), modelIds: ['qwen3-coder-plus']}),
		saveSetup: async () => {
			throw new Error('saveSetup was not expected in this test');
		},
		now: () => Date.UTC(2029, 11, 31, 23),
		...rest,
		oauth: {
			startLogin: async () => approvedLogin(),
			saveLogin: async () => {
				throw new Error('saveLogin was not expected in this test');
			},
			openBrowser: async () => 'skipped',
			...oauth,
		},
	};
}
