import {useEffect} from 'react';
import {classifyApiError} from '../../core/errors.js';
import {getRegion} from '../../core/regions.js';
import type {WizardEvent, WizardState} from './machine.js';
import type {WizardServices} from './services.js';

/**
 * Runs the key check while the machine is in check/running. Leaving the step
 * (Esc) aborts the request, and the machine ignores any late answer.
 */
export function useKeyCheck(state: WizardState, probeKey: WizardServices['probeKey'], dispatch: (event: WizardEvent) => void) {
	const running = state.step === 'check' && state.check.status === 'running';
	const {attempt} = state.check;
	const {key, regionId} = state;

	useEffect(() => {
		if (!running || !key) return;
		const controller = new AbortController();
		probeKey(key, regionId, controller.signal).then(
			probe => {
				if (!controller.signal.aborted) dispatch({type: 'probe-finished', attempt, probe});
			},
			(error: unknown) => {
				if (controller.signal.aborted) return;
				// probeKey answers rather than throws; this is the net under it.
				const region = getRegion(regionId);
				const classified = classifyApiError(error, {regionLabel: region.label, secret: key});
				dispatch({type: 'probe-finished', attempt, probe: {status: 'unreachable', region, error: classified}});
			},
		);
		return () => {
			controller.abort();
		};
	}, [running, attempt, key, regionId, probeKey, dispatch]);
}
