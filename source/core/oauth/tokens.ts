/** The token endpoint's success answer, checked field by field before anything is saved. */
import {portalBaseUrl} from './constants.js';
import {numberField, stringField} from './form-post.js';
import {badTokenResponse} from './oauth-error.js';

export type OAuthTokens = {
	access: string;
	/** Undefined only on a refresh answer that kept the old refresh token. */
	refresh?: string;
	/** Milliseconds since the epoch, as OpenClaw stores it. */
	expires: number;
	/** `https://<resource_url>/v1`, or the portal default. */
	baseUrl: string;
	resourceUrl?: string;
};

export function parseTokenAnswer(
	body: Record<string, unknown> | undefined,
	now: number,
	options: {requireRefresh: boolean},
): OAuthTokens {
	const access = stringField(body, 'access_token');
	const refresh = stringField(body, 'refresh_token');
	const expiresIn = numberField(body, 'expires_in');
	const missing = [
		access ? undefined : 'access_token',
		refresh || !options.requireRefresh ? undefined : 'refresh_token',
		expiresIn ? undefined : 'expires_in',
	].filter((name): name is string => name !== undefined);
	if (!access || !expiresIn || missing.length > 0) throw badTokenResponse(missing);

	const resourceUrl = stringField(body, 'resource_url');
	return {
		access,
		...(refresh ? {refresh} : {}),
		expires: now + expiresIn * 1000,
		baseUrl: portalBaseUrl(resourceUrl),
		...(resourceUrl ? {resourceUrl} : {}),
	};
}
