/**
 * What the pane knows of saved conversations: the store, the conversation it
 * opens on (-c, --resume), and how stored turns become the transcript's
 * exchanges. The pane reads and writes the store only through these and the
 * recorder (core/sessions/session-recorder.ts).
 */
import type {AppError} from '../../../core/app-error.js';
import type {ClassifiedError} from '../../../core/errors.js';
import {SAVING_OFF_NOTICE} from '../../../core/messages.js';
import {formatSessionTime, turnsLabel} from '../../../core/sessions/session-dates.js';
import type {SessionStore} from '../../../core/sessions/session-store.js';
import type {SessionSummary, StoredTurn} from '../../../core/sessions/session-types.js';
import type {StoredConversation} from '../../../core/sessions/stored-conversation.js';
import type {ChatAction, Exchange} from '../transcript/transcript-state.js';

export type PaneSessions = {
	/** undefined when there is none to read (--no-save on a first run) or it could not be opened. */
	readonly store?: SessionStore;
	/** Save as the conversation happens (off with --no-save, or when the store could not be opened). */
	readonly save: boolean;
	/** The conversation the pane opens on. */
	readonly resumed?: StoredConversation;
	/** Open the session picker first (--resume without an id). */
	readonly pickFirst?: boolean;
	/** Why this conversation is not saved, said once when the pane opens. */
	readonly notice?: string;
	/** Prompts typed earlier, in any session, oldest first: ↑ and Ctrl+R walk them. */
	readonly history: readonly string[];
};

function exchangesFromTurns(turns: readonly StoredTurn[]): Exchange[] {
	return turns.map(turn => ({
		text: turn.prompt,
		images: turn.images,
		model: turn.model,
		answer: turn.answer,
		reasoning: turn.reasoning,
		// A turn another pane is still answering is shown as far as it got.
		outcome: turn.outcome === 'streaming' ? 'interrupted' : turn.outcome,
		// Saved as it was shown; its kind is only a label here.
		...(turn.error ? {error: turn.error as ClassifiedError} : {}),
		...(turn.metered ? {metered: turn.metered} : {}),
	}));
}

/** A saved conversation going on in the pane: its turns as they were, its summary and what it has cost so far. */
export function resumeAction(stored: StoredConversation): Extract<ChatAction, {type: 'resume'}> {
	return {
		type: 'resume',
		notice: resumedNotice(stored.session),
		exchanges: exchangesFromTurns(stored.turns),
		...(stored.summary ? {summary: stored.summary} : {}),
		usage: stored.usage,
	};
}

function resumedNotice(session: SessionSummary): string {
	return `Resumed "${session.title}" · ${turnsLabel(session.turns)} · last ${formatSessionTime(session.updatedAt)} · ${session.model}. The turns below go with your next message.`;
}

/**
 * Why this conversation is not saved, for a command that needs it saved
 * (/rename, /resume): the write that stopped saving, else what the pane was
 * told when it opened (a store it could not open), else that saving is off.
 */
export function notSavedReason(stoppedBecause: AppError | undefined, sessions: Pick<PaneSessions, 'notice'>): string {
	if (stoppedBecause) {
		const {title, nextStep} = stoppedBecause.problem;
		return `Saving stopped: ${title}.${nextStep ? ` ${nextStep}` : ''}`;
	}
	const notice = sessions.notice ?? SAVING_OFF_NOTICE;
	return `${notice.charAt(0).toUpperCase()}${notice.slice(1)}`;
}

/** The one line the pane shows when a write fails: saving stops, the chat does not. */
export function savingStoppedNotice(error: AppError): string {
	const {title, message, nextStep} = error.problem;
	return `Saving stopped: ${title}. ${message} This conversation goes on unsaved; turns saved before stay saved.${nextStep ? ` ${nextStep}` : ''}`;
}
