/**
 * Step two: poll the token endpoint until the user approves, declines, or the
 * code runs out. authorization_pending waits one interval; slow_down stretches
 * the interval by 1.5 (at most 10 s), as Qwen's own client does.
 */
import {type Clock, systemClock} from './clock.js';
import {
	DEFAULT_POLL_INTERVAL_MS,
	DEVICE_CODE_GRANT,
	MAX_POLL_INTERVAL_MS,
	QWEN_OAUTH_CLIENT_ID,
	SLOW_DOWN_FACTOR,
	TOKEN_PATH,
} from './constants.js';
import type {DeviceAuthorization} from './device-code.js';
import {postForm, stringField} from './form-post.js';
import {aborted, accessDenied, expiredToken, otherOAuthError, timedOut} from './oauth-error.js';
import {type OAuthTokens, parseTokenAnswer} from './tokens.js';

export type PollEvent =
	| {type: 'waiting'; intervalMs: number}
	| {type: 'slow_down'; intervalMs: number};

export type PollOptions = {
	signal?: AbortSignal;
	clock?: Clock;
	fetch?: typeof fetch;
	/** When the device code expires locally (ms epoch); defaults to now + expires_in. */
	deadline?: number;
	onEvent?: (event: PollEvent) => void;
};

export async function pollForToken(
	baseUrl: string,
	device: DeviceAuthorization,
	verifier: string,
	options: PollOptions = {},
): Promise<OAuthTokens & {refresh: string}> {
	const clock = options.clock ?? systemClock;
	const deadline = options.deadline ?? clock.now() + device.expiresInSeconds * 1000;
	let intervalMs = device.intervalSeconds ? device.intervalSeconds * 1000 : DEFAULT_POLL_INTERVAL_MS;

	for (;;) {
		if (options.signal?.aborted) throw aborted();
		const remaining = deadline - clock.now();
		if (remaining <= 0) throw timedOut();
		options.onEvent?.({type: 'waiting', intervalMs});
		await clock.sleep(Math.min(intervalMs, remaining), options.signal);
		if (clock.now() >= deadline) throw timedOut();

		const answer = await postForm(
			`${baseUrl}${TOKEN_PATH}`,
			{
				grant_type: DEVICE_CODE_GRANT,
				client_id: QWEN_OAUTH_CLIENT_ID,
				device_code: device.deviceCode,
				code_verifier: verifier,
			},
			{signal: options.signal, fetch: options.fetch},
		);

		if (answer.status === 200) {
			return parseTokenAnswer(answer.body, clock.now(), {requireRefresh: true}) as OAuthTokens & {refresh: string};
		}

		const code = stringField(answer.body, 'error');
		switch (code) {
			case 'authorization_pending': {
				continue;
			}

			case 'slow_down': {
				// Never shortens a server-chosen interval that is already above the cap.
				intervalMs = Math.max(intervalMs, Math.min(intervalMs * SLOW_DOWN_FACTOR, MAX_POLL_INTERVAL_MS));
				options.onEvent?.({type: 'slow_down', intervalMs});
				continue;
			}

			case 'expired_token': {
				throw expiredToken();
			}

			case 'access_denied': {
				throw accessDenied();
			}

			default: {
				throw otherOAuthError(code ?? 'unexpected answer', stringField(answer.body, 'error_description') ?? (code ? undefined : answer.text.slice(0, 120)), answer.status);
			}
		}
	}
}
