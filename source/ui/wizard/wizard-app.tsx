import {useCallback, useEffect, useReducer, useRef, useState, type ReactElement} from 'react';
import {useInput} from 'ink';
import {maskKey} from '../../core/api-key.js';
import {getRegion, type RegionId} from '../../core/regions.js';
import type {InterruptSource} from '../interrupts.js';
import type {EnvKeyOffer} from './env-key.js';
import type {OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';
import {initialWizardState, STEP_COUNT, stepLabel, wizardReducer, type AuthMethod, type WizardState} from './machine.js';
import type {WizardOutcome} from './outcome.js';
import {AuthMethodScreen} from './screens/auth-method-screen.js';
import {CheckScreen, type CheckChoice} from './screens/check-screen.js';
import {DoneScreen, type DoneChoice, type SaveState} from './screens/done-screen.js';
import {KeyEntryScreen} from './screens/key-entry-screen.js';
import {ModelScreen} from './screens/model-screen.js';
import {OAuthDoneScreen} from './screens/oauth-done-screen.js';
import {RegionScreen} from './screens/region-screen.js';
import type {StepHeader} from './screens/step-header.js';
import type {WizardServices} from './services.js';
import {useKeyCheck} from './use-key-check.js';
import {useSaveSetup, writtenBy} from './use-save-setup.js';

export const CHAT_COMMAND = 'openclaw chat';

/** Renders the OAuth sign-in; the app injects H-oauth's container, tests a stub. */
export type OAuthSlot = (props: {
	header: StepHeader;
	onDone: (result: OAuthSaveResult) => void;
	/** The approved login is being saved: Ctrl+C then waits for it and reports what it did. */
	onSaving: (saving: Promise<OAuthSaveResult>) => void;
	onCancel: () => void;
}) => ReactElement;

export type WizardAppProps = {
	readonly services: WizardServices;
	readonly presetRegion?: RegionId;
	readonly presetMethod?: AuthMethod;
	/** The Qwen OAuth sign-in step. */
	readonly oauth: OAuthSlot;
	readonly envKey?: EnvKeyOffer;
	readonly home?: string;
	/** Signals (SIGINT before raw mode, SIGTERM, SIGHUP) that count as Ctrl+C. */
	readonly interrupts?: Pick<InterruptSource, 'subscribe'>;
	readonly onExit: (outcome: WizardOutcome, details: {maskedKey?: string}) => void;
};

/** The container: owns the machine, runs the I/O through `services`, picks the screen. */
export function WizardApp({services, presetRegion, presetMethod, oauth, envKey, home, interrupts, onExit}: WizardAppProps) {
	const [state, dispatch] = useReducer(wizardReducer, {presetRegion, presetMethod}, initialWizardState);
	useKeyCheck(state, services.probeKey, dispatch);
	const {save, retry} = useSaveSetup(state, services.saveSetup);

	const back = useCallback(() => {
		dispatch({type: 'back'});
	}, []);
	const maskedKey = state.key ? maskKey(state.key) : '';

	// Ctrl+C while saving waits for the save, so the outcome says what happened.
	const [quitting, setQuitting] = useState(false);

	/** Leaving the done step reports what the save did, never "cancelled". */
	const leaveDone = useCallback(
		(settled: SaveState, startChat: boolean) => {
			if (settled.status === 'saved') {
				onExit({kind: 'saved', save: settled.result, modelId: state.modelId, startChat}, {maskedKey});
			} else if (settled.status === 'failed') {
				onExit({kind: 'failed', message: settled.message, written: [...settled.written]}, {});
			}
		},
		[onExit, state.modelId, maskedKey],
	);

	useEffect(() => {
		if (quitting && save.status !== 'saving') leaveDone(save, false);
	}, [quitting, save, leaveDone]);

	// The OAuth login on its way to disk (or a failed save that wrote something).
	const oauthSaving = useRef<Promise<OAuthSaveResult> | undefined>(undefined);
	const trackOAuthSave = useCallback((saving: Promise<OAuthSaveResult>) => {
		oauthSaving.current = saving;
		saving.catch((error: unknown) => {
			// A failed save that wrote nothing leaves nothing to report: a retry starts afresh.
			if (oauthSaving.current === saving && writtenBy(error).length === 0) oauthSaving.current = undefined;
		});
	}, []);
	const leavingAfterOAuthSave = useRef(false);
	const leaveAfterOAuthSave = useCallback(
		(saving: Promise<OAuthSaveResult>) => {
			if (leavingAfterOAuthSave.current) return;
			leavingAfterOAuthSave.current = true;
			saving.then(
				result => {
					onExit({kind: 'oauth-saved', save: result, modelId: result.modelId, startChat: false}, {});
				},
				(error: unknown) => {
					onExit({kind: 'failed', message: error instanceof Error ? error.message : String(error), written: writtenBy(error)}, {});
				},
			);
		},
		[onExit],
	);

	// Ink's own Ctrl+C exit is off so that leaving always reports an outcome.
	const interrupt = useCallback(() => {
		if (state.step === 'oauth' && oauthSaving.current) {
			leaveAfterOAuthSave(oauthSaving.current);
		} else if (state.step === 'oauth-done' && state.oauthSave) {
			onExit({kind: 'oauth-saved', save: state.oauthSave, modelId: state.oauthSave.modelId, startChat: false}, {});
		} else if (state.step === 'done') {
			if (save.status === 'saving') setQuitting(true);
			else leaveDone(save, false);
		} else {
			onExit({kind: 'cancelled'}, {});
		}
	}, [state.step, state.oauthSave, save, leaveDone, leaveAfterOAuthSave, onExit]);

	useInput((input, key) => {
		if (key.ctrl && input === 'c') interrupt();
	});

	useEffect(() => interrupts?.subscribe(interrupt), [interrupts, interrupt]);

	const header = headerFor(state);
	const region = getRegion(state.regionId);

	switch (state.step) {
		case 'method': {
			return (
				<AuthMethodScreen {...header} initialMethod={state.method} onChoose={method => dispatch({type: 'choose-method', method})} />
			);
		}

		case 'oauth': {
			return oauth({
				header,
				onDone: result => dispatch({type: 'oauth-saved', result}),
				onSaving: trackOAuthSave,
				onCancel() {
					oauthSaving.current = undefined;
					back();
				},
			});
		}

		case 'oauth-done': {
			const {oauthSave} = state;
			// Never undefined here: the reducer sets it together with the step.
			if (!oauthSave) return null;
			return (
				<OAuthDoneScreen
					{...header}
					save={oauthSave}
					now={Date.now()}
					home={home}
					chatCommand={CHAT_COMMAND}
					onChoose={choice =>
						onExit({kind: 'oauth-saved', save: oauthSave, modelId: oauthSave.modelId, startChat: choice === 'chat'}, {})
					}
				/>
			);
		}

		case 'region': {
			return (
				<RegionScreen
					{...header}
					initialRegion={state.regionId}
					onChoose={regionId => dispatch({type: 'choose-region', regionId})}
					onBack={back}
				/>
			);
		}

		case 'key': {
			return (
				<KeyEntryScreen
					{...header}
					region={region}
					draft={state.keyDraft}
					envKey={envKey}
					onDraftChange={draft => dispatch({type: 'edit-key', draft})}
					onSubmit={key => dispatch({type: 'submit-key', key})}
					onBack={back}
				/>
			);
		}

		case 'check': {
			return (
				<CheckScreen
					{...header}
					region={region}
					maskedKey={maskedKey}
					check={state.check}
					onChoose={(choice: CheckChoice) => dispatch({type: choice})}
					onBack={back}
				/>
			);
		}

		case 'model': {
			return (
				<ModelScreen
					{...header}
					region={region}
					regionModelIds={state.regionModelIds}
					initialId={state.modelId}
					onHighlight={modelId => dispatch({type: 'highlight-model', modelId})}
					onPick={modelId => dispatch({type: 'pick-model', modelId})}
					onBack={back}
				/>
			);
		}

		case 'done': {
			const choose = (choice: DoneChoice) => {
				leaveDone(save, choice === 'chat');
			};

			return (
				<DoneScreen
					{...header}
					save={save}
					maskedKey={maskedKey}
					modelId={state.modelId}
					home={home}
					chatCommand={CHAT_COMMAND}
					onChoose={choose}
					onRetry={retry}
				/>
			);
		}
	}
}

function headerFor(state: WizardState): StepHeader {
	const label = stepLabel(state.step);
	return {
		app: 'openclaw · Qwen setup',
		title: label.title,
		...(label.number === undefined ? {} : {step: {number: label.number, total: STEP_COUNT}}),
	};
}
