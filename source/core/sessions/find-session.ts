/**
 * A session named on the command line: its id, the start of its id (as lists
 * show it), or words of its title. Several matches are handed back for the
 * user to choose from, never guessed between.
 */
import type {SessionStore} from './session-store.js';
import type {SessionSummary} from './session-types.js';

export type FoundSession =
	| {readonly kind: 'found'; readonly session: SessionSummary}
	| {readonly kind: 'ambiguous'; readonly candidates: readonly SessionSummary[]}
	| {readonly kind: 'none'};

/** The shortest id prefix taken as an id rather than as words of a title. */
const MIN_ID_PREFIX = 4;

export function findSession(store: SessionStore, reference: string): FoundSession {
	const wanted = reference.trim();
	if (wanted === '') return {kind: 'none'};
	const exact = store.sessionById(wanted.toLowerCase());
	if (exact) return {kind: 'found', session: exact};
	if (/^[\da-f]+$/i.test(wanted) && wanted.length >= MIN_ID_PREFIX) {
		const byId = store.sessionsByIdPrefix(wanted);
		if (byId.length > 0) return oneOf(byId);
	}

	const byTitle = store.sessionsByTitle(wanted);
	const sameTitle = byTitle.filter(session => session.title.toLowerCase() === wanted.toLowerCase());
	return oneOf(sameTitle.length === 1 ? sameTitle : byTitle);
}

function oneOf(sessions: readonly SessionSummary[]): FoundSession {
	if (sessions.length === 0) return {kind: 'none'};
	return sessions.length === 1 ? {kind: 'found', session: sessions[0]!} : {kind: 'ambiguous', candidates: sessions};
}
