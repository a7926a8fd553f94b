/**
 * The whole device login as two calls: `startDeviceLogin` gets the code to
 * show, `waitForApproval` polls until the user acts. Saving is separate
 * (saveOAuthSetup) so a screen can show "saving" and its own errors.
 */
import {type Clock, systemClock} from './clock.js';
import {oauthBaseUrl} from './constants.js';
import {type DeviceAuthorization, requestDeviceCode} from './device-code.js';
import {createPkcePair} from './pkce.js';
import {type PollEvent, pollForToken} from './poll-token.js';
import type {OAuthTokens} from './tokens.js';
import type {Env} from '../env.js';

export type DeviceLogin = {
	device: DeviceAuthorization;
	/** When the code stops working (ms epoch), for the countdown. */
	expiresAt: number;
	waitForApproval(options?: {onEvent?: (event: PollEvent) => void}): Promise<OAuthTokens & {refresh: string}>;
};

export type DeviceLoginOptions = {
	env: Env;
	signal?: AbortSignal;
	clock?: Clock;
	fetch?: typeof fetch;
};

export async function startDeviceLogin(options: DeviceLoginOptions): Promise<DeviceLogin> {
	const clock = options.clock ?? systemClock;
	const baseUrl = oauthBaseUrl(options.env);
	const pkce = createPkcePair();
	const device = await requestDeviceCode(baseUrl, pkce, {signal: options.signal, fetch: options.fetch});
	const expiresAt = clock.now() + device.expiresInSeconds * 1000;
	return {
		device,
		expiresAt,
		waitForApproval: (waitOptions = {}) =>
			pollForToken(baseUrl, device, pkce.verifier, {
				signal: options.signal,
				clock,
				fetch: options.fetch,
				deadline: expiresAt,
				onEvent: waitOptions.onEvent,
			}),
	};
}
