/**
 * Why an OAuth step failed: a short title by kind, the sentence a user reads
 * and what to do next. Every screen and command shows the problem's title,
 * message and next step as they are.
 */
import {AppError} from '../app-error.js';
import {OAUTH_PROFILE_ID} from '../auth-profiles.js';
import {OAUTH_BASE_URL_ENV_VAR} from './constants.js';
import {loginCommand, PORTAL_DISCONTINUED} from '../messages.js';

export type OAuthErrorKind =
	| 'device_request_refused'
	| 'access_denied'
	| 'expired_token'
	| 'timed_out'
	| 'oauth_error'
	| 'bad_token_response'
	| 'network'
	| 'aborted'
	| 'no_profile'
	| 'refresh_dead'
	| 'refresh_failed';

/** What each kind of failure is called, as the sign-in screen and the commands head it. */
const TITLES: Record<OAuthErrorKind, string> = {
	device_request_refused: 'Qwen refused to start a sign-in',
	access_denied: 'Sign-in declined',
	expired_token: 'Sign-in code expired',
	timed_out: 'Sign-in timed out',
	oauth_error: 'Sign-in failed',
	bad_token_response: 'Incomplete answer from Qwen',
	network: 'Could not reach Qwen',
	aborted: 'Sign-in cancelled',
	no_profile: 'No Qwen OAuth login',
	refresh_dead: 'Qwen OAuth login expired',
	refresh_failed: 'Could not renew the Qwen OAuth login',
};

export class OAuthError extends AppError {
	constructor(kind: OAuthErrorKind, message: string, nextStep: string, status?: number) {
		super({kind, title: TITLES[kind], message, nextStep, ...(status === undefined ? {} : {status})});
		this.name = 'OAuthError';
	}

	override get kind(): OAuthErrorKind {
		return this.problem.kind as OAuthErrorKind;
	}
}

const TRY_AGAIN_OR_KEY = 'Try the OAuth login again, or choose "Qwen API Key" instead.';
const RELOGIN = `Run \`${loginCommand()}\` again.`;

export function deviceRequestRefused(status: number | undefined, detail: string | undefined): OAuthError {
	const what = status ? `HTTP ${status}` : 'an unreadable answer';
	return new OAuthError(
		'device_request_refused',
		`Qwen's OAuth server refused to start a login (${what}${detail ? `: ${detail}` : ''}). ${PORTAL_DISCONTINUED} This route may no longer work.`,
		'Choose "Qwen API Key" (DashScope, paid) instead.',
		status,
	);
}

export function accessDenied(): OAuthError {
	return new OAuthError(
		'access_denied',
		'The login was declined in the browser, so nothing was saved.',
		TRY_AGAIN_OR_KEY,
	);
}

export function expiredToken(): OAuthError {
	return new OAuthError(
		'expired_token',
		'The login code expired before it was approved, so nothing was saved.',
		'Start the OAuth login again and approve it within the time shown.',
	);
}

export function timedOut(): OAuthError {
	return new OAuthError(
		'timed_out',
		'The login timed out: the code was not approved in time, so nothing was saved.',
		'Start the OAuth login again and approve it within the time shown.',
	);
}

export function otherOAuthError(code: string, description: string | undefined, status: number): OAuthError {
	return new OAuthError(
		'oauth_error',
		`Qwen's OAuth server ended the login with "${code}"${description ? ` (${description})` : ''} (HTTP ${status}).`,
		TRY_AGAIN_OR_KEY,
		status,
	);
}

export function badTokenResponse(missing: readonly string[]): OAuthError {
	return new OAuthError(
		'bad_token_response',
		`Qwen's OAuth server approved the login but its answer lacked ${missing.join(', ')}, so nothing was saved.`,
		TRY_AGAIN_OR_KEY,
	);
}

export function networkError(url: string, cause: unknown): OAuthError {
	const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
	return new OAuthError(
		'network',
		`Could not reach Qwen's OAuth server at ${new URL(url).origin} (${detail}).`,
		`Check your connection or proxy (${OAUTH_BASE_URL_ENV_VAR} overrides the server), then try again.`,
	);
}

export function aborted(): OAuthError {
	return new OAuthError('aborted', 'The OAuth login was cancelled.', 'Nothing was saved.');
}

export function noOAuthProfile(authProfilesPath: string): OAuthError {
	return new OAuthError(
		'no_profile',
		`No usable Qwen OAuth login in ${authProfilesPath} (profile "${OAUTH_PROFILE_ID}").`,
		RELOGIN,
	);
}

export function refreshDead(status: number): OAuthError {
	return new OAuthError(
		'refresh_dead',
		`The Qwen OAuth login has expired and can no longer be renewed (HTTP ${status} on refresh); run \`${loginCommand()}\` again.`,
		`${RELOGIN} ${PORTAL_DISCONTINUED} If the login keeps failing, choose "Qwen API Key".`,
		status,
	);
}

export function refreshFailed(status: number | undefined, detail: string): OAuthError {
	return new OAuthError(
		'refresh_failed',
		`Could not renew the Qwen OAuth access token (${status ? `HTTP ${status}: ` : ''}${detail}).`,
		`Try again in a moment; if it keeps failing, ${RELOGIN.charAt(0).toLowerCase()}${RELOGIN.slice(1)}`,
		status,
	);
}
