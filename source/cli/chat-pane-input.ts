/**
 * What the chat pane is opened with, once the checks a one-shot chat makes
 * (and images against the model) have passed: among it the saved
 * conversation it goes on with (-c, --resume) and the store it saves to.
 * ui-launch.ts opens the pane.
 */
import type {EffectiveSetup} from '../core/credentials.js';
import {modelsFor} from '../core/models.js';
import {SAVING_OFF_NOTICE} from '../core/messages.js';
import {hostOf} from '../core/urls.js';
import type {PaneSessions} from '../ui/chat/pane/pane-sessions.js';
import type {PaneInput} from '../ui/chat/pane/run-chat-pane.js';
import {readOnlyNewerStore} from '../core/sessions/store-errors.js';
import {
	findConversation,
	notSavedNotice,
	storeForNewConversation,
	type ContinuedConversation,
	type SessionChoice,
} from './chat-sessions.js';
import {savingOn} from './no-save.js';
import {failure} from './failure.js';
import type {CommandContext} from './context.js';
import {
	loadCheckedImages,
	preflightChat,
	printSetupWarnings,
	rejectedKeyExplainer,
	sendingKey,
	type CheckedChat,
} from './chat-preflight.js';

export type PaneSessionRequest = {readonly choice: SessionChoice; readonly save: boolean};

/** Earlier prompts ↑ and Ctrl+R walk, across sessions. */
const HISTORY_PROMPTS = 500;

export async function preparePane(
	context: CommandContext,
	setup: EffectiveSetup,
	requestedModel: string | undefined,
	imagePaths: readonly string[] = [],
	request: PaneSessionRequest = {choice: {kind: 'new'}, save: savingOn(undefined, context.env)},
): Promise<PaneInput> {
	const {choice, save} = request;
	// Going on with a saved conversation: its model, unless --model says otherwise.
	const continued = choice.kind === 'last' || choice.kind === 'named' ? findConversation(context.env, choice, save) : undefined;
	try {
		return await prepare(context, setup, requestedModel ?? continued?.session.model, imagePaths, request, continued);
	} catch (error) {
		continued?.store.close();
		throw error;
	}
}

async function prepare(
	context: CommandContext,
	setup: EffectiveSetup,
	requestedModel: string | undefined,
	imagePaths: readonly string[],
	request: PaneSessionRequest,
	continued: ContinuedConversation | undefined,
): Promise<PaneInput> {
	const checked = preflightChat(context, setup, requestedModel);
	const {modelId} = checked;
	const images = await loadCheckedImages(
		checked,
		imagePaths,
		({visionModelId}) => failure(`${modelId} does not accept images.`, {details: [`Use a vision model: --model ${visionModelId}`]}),
	);

	// The pane cannot print them when a request fails: they go above it, where they stay in scrollback.
	printSetupWarnings(context, setup);
	const apiKey = await sendingKey(context, checked);
	return {
		apiKey,
		requestBaseUrl: setup.requestBaseUrl,
		...(setup.region ? {region: setup.region} : {}),
		provider: checked.provider,
		pickerModels: modelsFor(checked.provider),
		modelAliases: setup.modelAliases,
		endpointLabel: endpointLabel(checked),
		modelId,
		...(images.length > 0 ? {images} : {}),
		...(checked.timeoutMs ? {timeoutMs: checked.timeoutMs} : {}),
		explain: rejectedKeyExplainer(context, checked, apiKey),
		cwd: process.cwd(),
		home: setup.paths.home,
		sessions: paneSessions(context, request, continued),
	};
}

/** Opened after the checks, so a pane that never opens leaves no store behind. */
function paneSessions(context: CommandContext, {choice, save}: PaneSessionRequest, continued: ContinuedConversation | undefined): PaneSessions {
	const opened = continued
		? {store: continued.store, ...(save ? (continued.store.readOnly ? {notice: notSavedNotice(readOnlyNewerStore(continued.store.file))} : {}) : {notice: SAVING_OFF_NOTICE})}
		: storeForNewConversation(context.env, save, {read: true});
	const {store} = opened;
	let history: string[] = [];
	try {
		history = store?.recentPrompts(HISTORY_PROMPTS) ?? [];
	} catch {
		// A store that cannot be read leaves ↑ with this session's prompts only.
	}

	return {
		...(store ? {store} : {}),
		save: save && store !== undefined && opened.notice === undefined,
		...(continued ? {resumed: continued} : {}),
		...(choice.kind === 'pick' ? {pickFirst: true} : {}),
		...(opened.notice ? {notice: opened.notice} : {}),
		history,
	};
}

/** Where the pane says it is talking to: the region, the OAuth portal's host, or a custom endpoint. */
function endpointLabel(checked: CheckedChat): string {
	const {setup} = checked;
	if (setup.region) return setup.region.label;
	if (checked.oauth) return `Qwen OAuth · ${hostOf(setup.baseUrl)}`;
	return 'custom endpoint';
}
