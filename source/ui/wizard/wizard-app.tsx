import {useCallback, useEffect, useEffectEvent, useMemo, useState} from 'react';
import {useInput, usePaste} from 'ink';
import {maskKey} from '../../core/api-key.js';
import {getRegion, type RegionId} from '../../core/regions.js';
import {createKeyBus} from '../components/key-bus.js';
import {KeyBusContext} from '../components/use-keys.js';
import type {InterruptSource} from '../interrupts.js';
import {eachKey} from '../keys/each-key.js';
import {useLatestReducer} from '../keys/use-latest-reducer.js';
import {OAuthLogin} from '../oauth/oauth-login.js';
import type {EnvKeyOffer} from './env-key.js';
import {initialWizardState, STEP_COUNT, stepLabel, wizardReducer, type AuthMethod, type WizardEvent, type WizardState} from './machine.js';
import {keyOwner} from './key-owner.js';
import type {WizardOutcome} from './outcome.js';
import {AuthMethodScreen} from './screens/auth-method-screen.js';
import {CheckScreen, type CheckChoice} from './screens/check-screen.js';
import {DoneScreen} from './screens/done-screen.js';
import {KeyEntryScreen} from './screens/key-entry-screen.js';
import {ModelScreen} from './screens/model-screen.js';
import {OAuthDoneScreen} from './screens/oauth-done-screen.js';
import {RegionScreen} from './screens/region-screen.js';
import type {StepHeader} from './screens/step-header.js';
import type {WizardServices} from './services.js';
import {useKeyCheck} from './use-key-check.js';
import {useOAuthSave} from './use-oauth-save.js';
import {useSaveSetup} from './use-save-setup.js';
import {command} from '../../core/messages.js';
import {programName} from '../../core/program-name.js';

export const CHAT_COMMAND = `${command('chat')}`;

export type WizardAppProps = {
	/** All the I/O of both sign-in paths; keep the object stable. */
	readonly services: WizardServices;
	readonly presetRegion?: RegionId;
	readonly presetMethod?: AuthMethod;
	/** False with --no-check: the key is saved without asking the region first. */
	readonly checkKey?: boolean;
	/** --model: the model table starts on it instead of the recommended one. */
	readonly presetModel?: string;
	readonly envKey?: EnvKeyOffer;
	readonly home?: string;
	/** Signals (SIGINT before raw mode, SIGTERM, SIGHUP) that count as Ctrl+C. */
	readonly interrupts?: Pick<InterruptSource, 'subscribe'>;
	readonly onExit: (outcome: WizardOutcome, details: {maskedKey?: string}) => void;
};

/**
 * The container: owns the machine, runs the I/O its state asks for through
 * `services`, picks the screen, and hands each key to the screen it was typed
 * for (the key bus), so keys typed ahead of a screen change are kept.
 */
export function WizardApp({services, presetRegion, presetMethod, checkKey, presetModel, envKey, home, interrupts, onExit}: WizardAppProps) {
	const [state, dispatch, latest] = useLatestReducer(wizardReducer, () => initialWizardState({presetRegion, presetMethod, checkKey, presetModel}));
	useKeyCheck(state, services.probeKey, dispatch);
	useSaveSetup(state, services.saveSetup, dispatch);
	useOAuthSave(state, services, dispatch);
	useEnding(state, onExit);

	const [bus] = useState(() => createKeyBus(() => keyOwner(latest())));
	const owner = keyOwner(state);
	const keys = useMemo(() => ({bus, owner}), [bus, owner]);

	// Ink's own Ctrl+C exit is off so that leaving always reports an outcome.
	const interrupt = useCallback(() => {
		dispatch({type: 'interrupt'});
	}, [dispatch]);
	useInput((input, key) => {
		for (const press of eachKey(input, key)) {
			if (press.key.ctrl && press.input === 'c') interrupt();
			else bus.deliver({press});
		}
	});
	// Bracketed paste only where a paste means something: the key field.
	usePaste(
		text => {
			bus.deliver({paste: text});
		},
		{isActive: state.step === 'key'},
	);
	useEffect(() => interrupts?.subscribe(interrupt), [interrupts, interrupt]);

	return (
		<KeyBusContext value={keys}>
			<WizardScreen state={state} dispatch={dispatch} services={services} envKey={envKey} home={home} />
		</KeyBusContext>
	);
}

/** Reports the ending once, when the machine reaches it. */
function useEnding(state: WizardState, onExit: WizardAppProps['onExit']) {
	const {ending, key} = state;
	const report = useEffectEvent(onExit);
	useEffect(() => {
		if (!ending) return;
		report(ending, ending.kind === 'saved' && key ? {maskedKey: maskKey(key)} : {});
	}, [ending, key]);
}

type WizardScreenProps = {
	readonly state: WizardState;
	readonly dispatch: (event: WizardEvent) => void;
	readonly services: WizardServices;
	readonly envKey?: EnvKeyOffer;
	readonly home?: string;
};

function WizardScreen({state, dispatch, services, envKey, home}: WizardScreenProps) {
	const header = headerFor(state);
	const region = getRegion(state.regionId);
	const back = () => dispatch({type: 'back'});
	const finish = (choice: 'chat' | 'exit') => dispatch({type: 'finish', startChat: choice === 'chat'});
	const maskedKey = state.key ? maskKey(state.key) : '';

	switch (state.step) {
		case 'method': {
			return <AuthMethodScreen {...header} initialMethod={state.method} onChoose={method => dispatch({type: 'choose-method', method})} />;
		}

		case 'oauth': {
			const {oauth} = state;
			return (
				<OAuthLogin
					{...header}
					key={oauth.attempt}
					services={services.oauth}
					now={services.now}
					save={oauth.status === 'signing-in' ? {status: 'idle'} : oauth}
					onApproved={tokens => dispatch({type: 'oauth-approved', attempt: oauth.attempt, tokens})}
					onRetry={() => dispatch({type: 'oauth-retry'})}
					onCancel={back}
				/>
			);
		}

		case 'oauth-done': {
			const {oauthSave, oauthSavedAt} = state;
			// Never undefined here: the reducer sets them together with the step.
			if (!oauthSave || oauthSavedAt === undefined) return null;
			return <OAuthDoneScreen {...header} save={oauthSave} now={oauthSavedAt} home={home} chatCommand={CHAT_COMMAND} onChoose={finish} />;
		}

		case 'region': {
			return <RegionScreen {...header} initialRegion={state.regionId} onChoose={regionId => dispatch({type: 'choose-region', regionId})} onBack={back} />;
		}

		case 'key': {
			return (
				<KeyEntryScreen
					{...header}
					region={region}
					field={{text: state.keyDraft, cursor: state.keyCursor}}
					checkKey={state.checkKey}
					envKey={envKey}
					onEdit={edit => dispatch({type: 'edit-key', edit})}
					onPaste={text => dispatch({type: 'paste-key', text})}
					onUseEnvKey={draft => dispatch({type: 'set-key-draft', draft})}
					onSubmit={() => dispatch({type: 'submit-key'})}
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
					noCheck={!state.checkKey}
					initialId={state.modelId}
					onHighlight={modelId => dispatch({type: 'highlight-model', modelId})}
					onPick={modelId => dispatch({type: 'pick-model', modelId})}
					onBack={back}
				/>
			);
		}

		case 'done': {
			if (!state.save) return null;
			return (
				<DoneScreen
					{...header}
					save={state.save}
					maskedKey={maskedKey}
					keyChecked={state.regionModelIds !== undefined}
					modelId={state.modelId}
					home={home}
					chatCommand={CHAT_COMMAND}
					onChoose={finish}
					onRetry={() => dispatch({type: 'retry-save'})}
				/>
			);
		}
	}
}

function headerFor(state: WizardState): StepHeader {
	const label = stepLabel(state.step);
	return {
		app: `${programName()} · Qwen setup`,
		title: label.title,
		...(label.number === undefined ? {} : {step: {number: label.number, total: STEP_COUNT}}),
	};
}
