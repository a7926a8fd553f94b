import type {KeyProbe} from '../../core/region-probe.js';
import type {RegionId} from '../../core/regions.js';
import type {SaveResult} from '../../core/setup.js';
import type {OAuthServices} from '../oauth/oauth-services.js';

/**
 * The I/O the wizard needs, handed in by its container: the real core in the
 * app and in flow tests, stubs in screen tests. Keep the object stable: a new
 * one starts a running sign-in over.
 */
export type WizardServices = {
	readonly probeKey: (key: string, regionId: RegionId, signal: AbortSignal) => Promise<KeyProbe>;
	readonly saveSetup: (input: {regionId: RegionId; key: string; modelId: string}) => Promise<SaveResult>;
	readonly oauth: OAuthServices;
	/** The time (ms epoch): the sign-in code's countdown, how long a saved token lasts. */
	readonly now: () => number;
};
