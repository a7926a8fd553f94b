/**
 * Everything the pane does in answer to the user, as plain functions over its
 * latest state: sending a message, and the PaneCommands that slash commands
 * run against (slash-commands/slash-command.ts), plus the answers to the pickers
 * and the vision question. The saved-conversation commands (/new, /resume,
 * /rename, /retry, /edit) are in session-actions.ts, /copy in copy-actions.ts.
 * No rendering here; chat-pane.tsx wires it to keys and views.
 */
import {resolve} from 'node:path';
import type {DashScopeClient} from '../../../core/dashscope-client.js';
import type {ImageAttachment, ImageLoadResult} from '../../../core/images.js';
import {CONTINUE_PROMPT} from '../../../core/messages.js';
import {readsOnlyText, thinkingOption, visionModelFor, type ModelProvider} from '../../../core/models.js';
import {expandTilde} from '../../../core/paths.js';
import type {RegionId} from '../../../core/regions.js';
import {resolveModel} from '../../../core/resolve-model.js';
import type {SessionRecorder} from '../../../core/sessions/session-recorder.js';
import {wasCutOff} from '../../../core/usage/metered-request.js';
import type {PaneCommands} from '../slash-commands/slash-command.js';
import type {ChatSession} from '../stream/use-chat-session.js';
import {transcriptMarkdown} from '../transcript/transcript-markdown.js';
import {copyActions} from './copy-actions.js';
import {contextActions} from './context-actions.js';
import {catalogueMessage, checkCatalogue} from './model-catalogue.js';
import type {PaneSessions} from './pane-sessions.js';
import {type Overlay, type PaneAction, type PaneState} from './pane-state.js';
import {sessionActions} from './session-actions.js';

/** What the actions work with, as of the last commit. */
export type PaneContext = {
	readonly pane: PaneState;
	readonly dispatch: (action: PaneAction) => void;
	readonly session: ChatSession;
	readonly client: Pick<DashScopeClient, 'listModels'>;
	readonly provider: ModelProvider;
	/** The user's own aliases (lower-cased alias → model id), which /model and /retry resolve first. */
	readonly modelAliases: Readonly<Record<string, string>>;
	/** Where the chat goes, for what the pane says about the region's model list. */
	readonly endpointLabel: string;
	/** The region the requests go to: prices and context windows depend on it. Undefined for a custom endpoint or the OAuth portal. */
	readonly regionId?: RegionId;
	/** What relative and `~` paths in /image and /save start from. */
	readonly cwd: string;
	readonly home: string;
	readonly loadImage: (path: string) => Promise<ImageLoadResult>;
	/** Writes markdown to a new file; rejects with the reason it could not (code 'EEXIST': the file is there). */
	readonly saveTranscript: (path: string, markdown: string) => Promise<void>;
	/** Kept out of /save files even if pasted into the chat. */
	readonly secrets: readonly string[];
	readonly now: () => number;
	/** Saves the conversation as it happens (a no-op when nothing is saved). */
	readonly recorder: SessionRecorder;
	readonly sessions: PaneSessions;
	/** Puts text back in front of what the prompt holds. */
	readonly restorePrompt: (text: string) => void;
	/** Sends text to the terminal's clipboard; undefined where there is no terminal to send it to. */
	readonly copyToClipboard?: (text: string) => void;
};

/**
 * What became of a message: 'sent'; 'busy' while an answer is still
 * streaming (the caller may queue it); 'held' when the pane took care of it
 * (it waits for a compaction, or could not fit and is back in the prompt).
 */
export type SendResult = 'sent' | 'busy' | 'held';

export type PaneActions = PaneCommands & {
	/** Sends a message with the attached images to the current model, once it passes the context window's check. */
	readonly sendMessage: (text: string) => SendResult;
	/** The picker's choice. */
	readonly pickModel: (id: string) => void;
	readonly closeOverlay: () => void;
	/** The answer to "switch to a vision model?" about the image in `offer`. */
	readonly answerVisionOffer: (offer: Extract<Overlay, {kind: 'vision'}>, yes: boolean) => void;
	/** The session picker's choice. */
	readonly resumeSession: (sessionId: string) => void;
	readonly closeSessionPicker: () => void;
};


export function createPaneActions(get: () => PaneContext): PaneActions {
	const notice: PaneCommands['notice'] = (text, tone) => {
		get().session.dispatch({type: 'notice', text, ...(tone ? {tone} : {})});
	};

	const switchTo = (id: string, name: string, notes: readonly string[]) => {
		get().dispatch({type: 'model-switched', model: id});
		notice(`Now chatting with ${name}.`, 'success');
		for (const note of notes) notice(note, 'warning');
	};

	// A registry id switches at once; any other id is first looked up in the region's own list.
	const switchModel = (input: string): void | Promise<void> => {
		const {provider, modelAliases, client} = get();
		const resolution = resolveModel(input, {provider, aliases: modelAliases});
		if (!resolution.ok) {
			notice(`${resolution.message}${resolution.suggestion ? ` Try /model ${resolution.suggestion}.` : ''}`, 'warning');
			return;
		}

		if (resolution.model) {
			switchTo(resolution.id, `${resolution.model.name} (${resolution.id})`, resolution.notes);
			return;
		}

		const {id} = resolution;
		return checkCatalogue(client, id).then(verdict => {
			const message = catalogueMessage(id, verdict, get().endpointLabel);
			if (verdict.kind === 'not-listed') notice(message, 'warning');
			else switchTo(id, id, [message]);
		});
	};

	const context = contextActions(get, notice);

	const sendMessage = (text: string): SendResult => {
		const {pane, session, dispatch, recorder, regionId} = get();
		if (session.isStreaming) return 'busy';
		if (context.checkBeforeSending(text) === 'held') return 'held';
		const {model, thinking, images} = pane;
		// After /edit (or Esc twice) the message takes the place of the last one.
		const replacing = pane.editing === true && session.state.exchanges.length > 0;
		if (replacing) notice(`Sent in place of your earlier message${recorder.saving ? ', which stays saved, marked replaced' : ''}.`);
		const sent = session.send(
			{text, images},
			{
				model,
				textOnly: readsOnlyText(model),
				...thinkingOption(model, thinking),
				...(regionId ? {region: regionId} : {}),
				replacesLast: replacing,
				record: () => recorder.startTurn({text, images, model}, replacing ? 'edit' : undefined),
			},
		);
		if (!sent) return 'busy';
		dispatch({type: 'images-sent', images});
		if (replacing) dispatch({type: 'edit-ended'});
		return 'sent';
	};

	return {
		...sessionActions(get, notice),
		...copyActions(get, notice),
		current() {
			const {pane, session, regionId} = get();
			return {model: pane.model, thinking: pane.thinking, isStreaming: session.isStreaming, ...(regionId ? {region: regionId} : {})};
		},
		compact: async keep => context.compact({...(keep ? {keep} : {}), auto: false}),
		continueAnswer() {
			const {session} = get();
			if (session.isStreaming) {
				notice('Stop the answer first (Esc), then /continue.', 'warning');
				return;
			}

			const last = session.state.exchanges.at(-1);
			if (!last?.metered || !wasCutOff(last.metered)) {
				notice('The last answer was not cut off: /continue asks for the rest of an answer stopped at the output limit.', 'warning');
				return;
			}

			sendMessage(CONTINUE_PROMPT);
		},
		notice,
		showHelp() {
			get().session.dispatch({type: 'help'});
		},
		openModelPicker() {
			const {dispatch, client} = get();
			dispatch({type: 'picker-opened'});
			// The region's own list marks models it does not serve; the table works without it.
			client.listModels().then(
				regionModelIds => dispatch({type: 'picker-listed', regionModelIds}),
				() => undefined,
			);
		},
		switchModel,
		setThinking(enabled) {
			get().dispatch({type: 'thinking-set', enabled});
		},
		resolvePath(path) {
			const {cwd, home} = get();
			return resolve(cwd, expandTilde(path, home));
		},
		async loadImage(path) {
			return get().loadImage(path);
		},
		attachImage(image: ImageAttachment) {
			const {pane, provider, dispatch} = get();
			if (!readsOnlyText(pane.model)) {
				dispatch({type: 'image-attached', image});
				return 'attached';
			}

			dispatch({type: 'image-attached', image, visionModel: visionModelFor(provider)});
			return 'asking';
		},
		async saveTranscript(path) {
			const {session, secrets, now, saveTranscript} = get();
			const {exchanges, summary} = session.state;
			await saveTranscript(path, transcriptMarkdown(exchanges, {savedAt: new Date(now()), secrets, ...(summary ? {summary} : {})}));
			return exchanges.length;
		},
		exit() {
			get().dispatch({type: 'leave'});
		},
		sendMessage,
		pickModel(id) {
			get().dispatch({type: 'overlay-closed'});
			void switchModel(id);
		},
		closeOverlay() {
			get().dispatch({type: 'overlay-closed'});
		},
		answerVisionOffer(offer, yes) {
			const {pane, dispatch} = get();
			dispatch({type: 'overlay-closed'});
			if (yes) {
				void switchModel(offer.visionModel);
				notice(`Attached ${offer.image.path}; it goes with your next message.`, 'success');
			} else {
				dispatch({type: 'image-declined', image: offer.image});
				notice(`${offer.image.path} was not attached: ${pane.model} only reads text.`, 'warning');
			}
		},
	};
}
