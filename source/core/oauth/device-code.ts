/** Step one of the device flow: ask for a user code, sending only the PKCE challenge. */
import {DEVICE_CODE_PATH, QWEN_OAUTH_CLIENT_ID, QWEN_OAUTH_SCOPE} from './constants.js';
import {numberField, postForm, stringField} from './form-post.js';
import {deviceRequestRefused} from './oauth-error.js';
import type {PkcePair} from './pkce.js';

export type DeviceAuthorization = {
	deviceCode: string;
	userCode: string;
	/** Where the user types the code. */
	verificationUri: string;
	/** The same page with the code filled in; what the link, QR code and browser open. */
	verificationUriComplete: string;
	expiresInSeconds: number;
	/** Undefined when the server sent none; the poller then uses its default. */
	intervalSeconds?: number;
};

export async function requestDeviceCode(
	baseUrl: string,
	pkce: PkcePair,
	options: {signal?: AbortSignal; fetch?: typeof fetch} = {},
): Promise<DeviceAuthorization> {
	const answer = await postForm(
		`${baseUrl}${DEVICE_CODE_PATH}`,
		{
			client_id: QWEN_OAUTH_CLIENT_ID,
			scope: QWEN_OAUTH_SCOPE,
			code_challenge: pkce.challenge,
			code_challenge_method: pkce.method,
		},
		options,
	);
	const {body} = answer;
	const deviceCode = stringField(body, 'device_code');
	const userCode = stringField(body, 'user_code');
	const verificationUri = stringField(body, 'verification_uri');
	const expiresIn = numberField(body, 'expires_in');
	if (answer.status !== 200 || !deviceCode || !userCode || !verificationUri || !expiresIn) {
		const detail = stringField(body, 'error_description') ?? stringField(body, 'error') ?? (answer.status === 200 ? 'the answer lacked the device code' : undefined);
		throw deviceRequestRefused(answer.status, detail);
	}

	const interval = numberField(body, 'interval');
	return {
		deviceCode,
		userCode,
		verificationUri,
		verificationUriComplete: stringField(body, 'verification_uri_complete') ?? verificationUri,
		expiresInSeconds: expiresIn,
		...(interval === undefined ? {} : {intervalSeconds: interval}),
	};
}
