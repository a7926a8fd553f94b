/** The session a command names, or why it names none: never a guess between several. */
import {command} from '../../core/messages.js';
import {findSession} from '../../core/sessions/find-session.js';
import {sessionStoreFile, type SessionStore} from '../../core/sessions/session-store.js';
import type {SessionSummary, StoredCompaction, StoredTurn} from '../../core/sessions/session-types.js';
import type {CommandContext} from '../context.js';
import {noSessionsYet} from './no-sessions.js';
import {withStore} from './open-store.js';
import {failure} from '../failure.js';
import {sessionRows, shortId} from './session-table.js';

/** `again`: the command to run with an id instead, for the next step ('sessions show', 'chat --resume'). */
export function namedSession(store: SessionStore, reference: string, again: string): SessionSummary {
	const found = findSession(store, reference);
	if (found.kind === 'found') return found.session;
	if (found.kind === 'none') {
		throw failure(`No saved conversation matches "${reference}".`, {details: [`See them with: ${command('sessions list')}`]});
	}

	const shown = found.candidates.slice(0, 10);
	const more = found.candidates.length - shown.length;
	throw failure(`"${reference}" matches ${found.candidates.length} saved conversations.`, {
		details: [...sessionRows(shown, '  '), ...(more > 0 ? [`  … and ${more} more`] : [])],
		nextStep: `Give more of it, or the id: ${command(`${again} ${shortId(shown[0]!.id)}`)}`,
	});
}

/** A named session read whole (every turn, every compaction), for `sessions show` and `sessions export`. */
export function readNamedSession(context: CommandContext, reference: string, again: string): SavedSession {
	return withStore(context, store => {
		if (!store) throw noSessionsYet(sessionStoreFile(context.env));
		const session = namedSession(store, reference, again);
		return {session, turns: store.allTurns(session.id), compactions: store.compactions(session.id)};
	});
}

export type SavedSession = {readonly session: SessionSummary; readonly turns: StoredTurn[]; readonly compactions: StoredCompaction[]};
