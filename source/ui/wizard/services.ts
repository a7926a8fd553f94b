import type {KeyProbe} from '../../core/region-probe.js';
import type {RegionId} from '../../core/regions.js';
import type {SaveResult} from '../../core/setup.js';

/**
 * The I/O the wizard needs, handed in by its container: the real core in the
 * app and in flow tests, stubs in screen tests.
 */
export type WizardServices = {
	readonly probeKey: (key: string, regionId: RegionId, signal: AbortSignal) => Promise<KeyProbe>;
	readonly saveSetup: (input: {regionId: RegionId; key: string; modelId: string}) => Promise<SaveResult>;
};
