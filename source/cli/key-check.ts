/**
 * A key from the environment or a file is only sent when it passes the same
 * check as a pasted one: a malformed key would otherwise fail deep inside
 * fetch (or be echoed in part by an error), instead of being named.
 */
import type {AppError} from '../core/app-error.js';
import {validateApiKey} from '../core/api-key.js';
import type {Credential} from '../core/key-sources.js';
import {ADVICE, loginCommand} from '../core/messages.js';
import {failure} from './failure.js';

export function unusableKeyError(credential: Credential): AppError | undefined {
	// OAuth access tokens and other token profiles are not DashScope keys.
	if (credential.profileType === 'oauth' || credential.profileType === 'token') return undefined;
	const validation = validateApiKey(credential.key);
	if (validation.ok) return undefined;
	const fix =
		credential.source.kind === 'env'
			? `Export the key again (${ADVICE.exportKey(credential.source.name)}), or unset ${credential.source.name} to use the saved key.`
			: `Save the key again: ${loginCommand()}`;
	return failure(`The key from ${credential.sourceLabel} cannot be used: ${validation.message}`, {
		details: ['Nothing was sent.', fix],
	});
}
