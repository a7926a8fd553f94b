/**
 * The pane's saved-conversation commands: /new, /resume and the picker's
 * choice, /rename, /retry and /edit. A retried or edited turn takes the last
 * exchange's place in the conversation; the store keeps the one before,
 * marked as an alternative or as replaced.
 */
import type {ImageAttachment} from '../../../core/images.js';
import {readsOnlyText, thinkingOption} from '../../../core/models.js';
import {resolveModel} from '../../../core/resolve-model.js';
import {imageReference} from '../../../core/sessions/image-reference.js';
import {cleanTitle} from '../../../core/sessions/session-title.js';
import {readConversation} from '../../../core/sessions/stored-conversation.js';
import type {ImageReference} from '../../../core/sessions/session-types.js';
import type {NoticeTone, Exchange} from '../transcript/transcript-state.js';
import type {PaneActions, PaneContext} from './pane-actions.js';
import {notSavedReason, resumeAction} from './pane-sessions.js';

type SessionActions = Pick<PaneActions, 'newConversation' | 'openSessionPicker' | 'resumeSession' | 'closeSessionPicker' | 'renameSession' | 'retry' | 'editLast'>;

/** `notice` adds a line to the transcript. */
export function sessionActions(get: () => PaneContext, notice: (text: string, tone?: NoticeTone) => void): SessionActions {
	const notSaved = () => notSavedReason(get().recorder.stoppedBecause, get().sessions);

	return {
		newConversation() {
			const {dispatch, session, recorder} = get();
			dispatch({type: 'images-cleared'});
			dispatch({type: 'edit-ended'});
			recorder.startNew();
			const kept = recorder.saving && session.state.exchanges.length > 0 ? ' The last one stays saved: /resume brings it back.' : '';
			session.dispatch({type: 'clear', text: `New conversation: the model starts fresh.${kept}`});
		},
		openSessionPicker(query) {
			const {sessions, dispatch} = get();
			if (!sessions.store) {
				notice(`There are no saved conversations to resume. ${notSaved()}`, 'warning');
				return;
			}

			dispatch({type: 'session-picker-opened', query});
		},
		resumeSession(sessionId) {
			const {sessions, session, dispatch, recorder, pane} = get();
			dispatch({type: 'overlay-closed'});
			const {store} = sessions;
			if (!store) return;
			let stored;
			try {
				const found = store.sessionById(sessionId);
				stored = found ? readConversation(store, found) : undefined;
			} catch (error) {
				notice(`Could not read that conversation: ${error instanceof Error ? error.message : String(error)}`, 'warning');
				return;
			}

			if (!stored) {
				notice('That conversation is gone (deleted meanwhile?).', 'warning');
				return;
			}

			const {session: found, turns} = stored;
			dispatch({type: 'images-cleared'});
			dispatch({type: 'edit-ended'});
			session.dispatch(resumeAction(stored));
			recorder.continueSession(found.id, turns.at(-1)?.id);
			if (found.model !== pane.model) dispatch({type: 'model-switched', model: found.model});
		},
		closeSessionPicker() {
			const {dispatch, session} = get();
			dispatch({type: 'overlay-closed'});
			if (session.state.exchanges.length === 0) notice('No conversation picked: this is a new one.');
		},
		renameSession(title) {
			const {recorder} = get();
			const clean = cleanTitle(title);
			if (!recorder.saving) {
				notice(`Nothing to rename. ${notSaved()}`, 'warning');
				return;
			}

			const pending = recorder.sessionId === undefined;
			if (recorder.rename(clean)) notice(pending ? `This conversation will be saved as "${clean}".` : `Renamed this conversation to "${clean}".`, 'success');
		},
		async retry(modelInput) {
			const {session, pane, provider, modelAliases} = get();
			const last = session.state.exchanges.at(-1);
			if (!last) {
				notice('There is no answer to ask for again yet.', 'warning');
				return;
			}

			let model = pane.model;
			if (modelInput !== undefined) {
				const resolution = resolveModel(modelInput, {provider, aliases: modelAliases});
				if (!resolution.ok) {
					notice(`${resolution.message}${resolution.suggestion ? ` Try /retry ${resolution.suggestion}.` : ''}`, 'warning');
					return;
				}

				model = resolution.id;
				for (const note of resolution.notes) notice(note, 'warning');
			}

			const images = await imagesToSendAgain(last, get().loadImage);
			if (typeof images === 'string') {
				notice(images, 'warning');
				return;
			}

			const {recorder, regionId} = get();
			if (get().session.isStreaming) return;
			const kept = recorder.saving ? 'stays saved as an alternative' : 'stays above';
			notice(`Asking ${model} again; the earlier answer${last.model === model ? '' : ` from ${last.model}`} ${kept}.`);
			const sent = get().session.send(
				{text: last.text, images},
				{
					model,
					textOnly: readsOnlyText(model),
					...thinkingOption(model, get().pane.thinking),
					...(regionId ? {region: regionId} : {}),
					replacesLast: true,
					record: () => recorder.startTurn({text: last.text, images, model}, 'retry'),
				},
			);
			if (sent) get().dispatch({type: 'edit-ended'});
		},
		editLast() {
			const {session, pane, dispatch, restorePrompt, recorder} = get();
			if (session.isStreaming) {
				notice('Stop the answer first (Esc), then edit your last message.', 'warning');
				return;
			}

			const last = session.state.exchanges.at(-1);
			if (!last) {
				notice('There is no message to edit yet.', 'warning');
				return;
			}

			if (pane.editing) {
				notice('Your last message is already in the prompt: Enter sends it in place of the earlier one.');
				return;
			}

			restorePrompt(last.text);
			// Images this pane still holds go along again; ones from a resumed session are only known by path.
			for (const image of last.images) if (hasBytes(image)) dispatch({type: 'image-attached', image});
			dispatch({type: 'edit-started'});
			const marked = recorder.saving ? ' (the earlier one stays saved, marked replaced)' : '';
			notice(`Your last message is back in the prompt: Enter sends it in its place${marked}; Ctrl+C cancels.`);
		},
	};
}

function hasBytes(image: Exchange['images'][number]): image is ImageAttachment {
	return typeof image.dataUrl === 'string' && image.dataUrl !== '';
}

/**
 * The last question's images, to send again: the ones this pane holds, and
 * ones from a resumed session read again from their paths, if they are
 * still the same files (same checksum). Otherwise what to tell the user.
 */
async function imagesToSendAgain(last: Exchange, loadImage: PaneContext['loadImage']): Promise<ImageAttachment[] | string> {
	const images: ImageAttachment[] = [];
	for (const image of last.images) {
		if (hasBytes(image)) {
			images.push(image);
			continue;
		}

		const loaded = await loadImage(image.path);
		const expected = 'sha256' in image ? (image as ImageReference).sha256 : undefined;
		if (!loaded.ok || (expected !== undefined && imageReference(loaded.image).sha256 !== expected)) {
			return `${image.path} is not the image sent then (it changed or is gone). Attach it again with /image and send your question again.`;
		}

		images.push(loaded.image);
	}

	return images;
}
