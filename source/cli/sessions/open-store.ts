/** The store as the `sessions` commands open it: an existing one only; none yet is not an error for listing. */
import type {CommandContext} from '../context.js';
import {openSessionStore, sessionStoreFile, type SessionStore} from '../../core/sessions/session-store.js';

export function openExistingStore(context: CommandContext): SessionStore | undefined {
	return openSessionStore(sessionStoreFile(context.env), {mode: 'read'});
}

/** Runs `work` on the store and closes it, whatever happens. */
export function withStore<T>(context: CommandContext, work: (store: SessionStore | undefined) => T): T {
	const store = openExistingStore(context);
	try {
		return work(store);
	} finally {
		store?.close();
	}
}
