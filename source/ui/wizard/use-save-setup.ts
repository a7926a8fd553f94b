import {useCallback, useEffect, useState} from 'react';
import type {SaveState} from './screens/done-screen.js';
import type {WizardState} from './machine.js';
import type {WizardServices} from './services.js';

/** Saves once when the machine reaches done; `retry` saves again after a failure. */
export function useSaveSetup(state: WizardState, saveSetup: WizardServices['saveSetup']) {
	const [save, setSave] = useState<SaveState>({status: 'saving'});
	const [attempt, setAttempt] = useState(0);
	const isDone = state.step === 'done';
	const {key, regionId, modelId} = state;

	useEffect(() => {
		if (!isDone || !key) return;
		let current = true;
		setSave({status: 'saving'});
		saveSetup({regionId, key, modelId}).then(
			result => {
				if (current) setSave({status: 'saved', result});
			},
			(error: unknown) => {
				if (current) setSave({status: 'failed', message: error instanceof Error ? error.message : String(error), written: writtenBy(error)});
			},
		);
		return () => {
			current = false;
		};
	}, [isDone, attempt, key, regionId, modelId, saveSetup]);

	const retry = useCallback(() => {
		setAttempt(previous => previous + 1);
	}, []);

	return {save, retry};
}

/** The files a failed save reports having written (core's SetupWriteError); none otherwise. */
export function writtenBy(error: unknown): string[] {
	const written = error instanceof Error ? (error as {written?: unknown}).written : undefined;
	return Array.isArray(written) ? written.filter((file): file is string => typeof file === 'string') : [];
}
