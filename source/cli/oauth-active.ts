/**
 * Signed in with Qwen OAuth: the portal serves only its own two models, and
 * the free tier behind it ended (PORTAL_DISCONTINUED_ON). What commands say about that.
 */
import type {EffectiveSetup} from '../core/credentials.js';
import {ADVICE} from '../core/messages.js';

export function isOAuthActive(setup: Pick<EffectiveSetup, 'credential'> | undefined): boolean {
	return setup?.credential?.profileType === 'oauth';
}

/** The discontinued notice, in messages.ts's words. */
export function portalDiscontinuedLine(): string {
	return ADVICE.portalDiscontinued().message;
}

/** How to go back to a DashScope key (`… --method api-key`), in messages.ts's words. */
export function switchToApiKeyLine(): string {
	return ADVICE.portalDiscontinued().nextStep;
}
