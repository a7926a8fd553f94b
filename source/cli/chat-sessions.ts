/**
 * Which saved conversation a chat goes on with (-c, --resume, --session) and
 * where it is saved (not at all with --no-save or OPENCLAW_NO_SAVE), the same
 * for the one-shot chat and the pane. No Ink or React.
 */
import fs from 'node:fs';
import {isAppError, usageError, type AppError} from '../core/app-error.js';
import type {Env} from '../core/env.js';
import {openSessionStore, sessionStoreFile, type SessionStore} from '../core/sessions/session-store.js';
import {readOnlyNewerStore} from '../core/sessions/store-errors.js';
import {readConversation, type StoredConversation} from '../core/sessions/stored-conversation.js';
import {SAVING_OFF_NOTICE} from '../core/messages.js';
// The pane's input still takes it from here; the text itself is messages.ts's.
import {namedSession} from './sessions/named-session.js';
import {noSessionsYet} from './sessions/no-sessions.js';

export type SessionFlags = {
	continue?: boolean;
	/** true: --resume without an id (the picker). */
	resume?: string | true;
	session?: string;
	/** False with --no-save. */
	save?: boolean;
};

export type SessionChoice =
	| {readonly kind: 'new'}
	| {readonly kind: 'last'}
	| {readonly kind: 'named'; readonly reference: string}
	| {readonly kind: 'pick'};

/**
 * How long a chat's writes wait for another process's before saving stops: an
 * answer is on its way meanwhile (`sessions` commands wait the default 5 s).
 */
const SAVE_BUSY_TIMEOUT_MS = 1000;

export function sessionChoice(flags: SessionFlags): SessionChoice {
	const given = [flags.continue ? '-c' : '', flags.resume === undefined ? '' : '--resume', flags.session === undefined ? '' : '--session'].filter(Boolean);
	if (given.length > 1) throw usageError(`${given.join(' and ')} each say which conversation to go on with: give one.`);
	if (flags.continue) return {kind: 'last'};
	if (flags.session !== undefined) return {kind: 'named', reference: flags.session};
	if (flags.resume === true) return {kind: 'pick'};
	if (typeof flags.resume === 'string') return {kind: 'named', reference: flags.resume};
	return {kind: 'new'};
}

/** A saved conversation and the store it came from (open for writing when saving, else read without a change). */
export type ContinuedConversation = StoredConversation & {readonly store: SessionStore};

/** The conversation -c, --resume <id> or --session <id> names; an AppError (exit 1) when there is none or several. */
export function findConversation(env: Env, choice: Extract<SessionChoice, {kind: 'last' | 'named'}>, save: boolean): ContinuedConversation {
	const file = sessionStoreFile(env);
	if (!fs.existsSync(file)) throw noSessionsYet(file);
	const store = openSessionStore(file, {mode: save ? 'write' : 'unchanged', busyTimeoutMs: SAVE_BUSY_TIMEOUT_MS});
	if (!store) throw noSessionsYet(file);
	try {
		const session = choice.kind === 'last' ? store.latestSession() : namedSession(store, choice.reference, 'chat --resume');
		if (!session) throw noSessionsYet(file);
		return {store, ...readConversation(store, session)};
	} catch (error) {
		store.close();
		throw error;
	}
}

/**
 * Where a new conversation is saved. Saving off, or a store that cannot be
 * written (damaged, locked, from a newer openclaw): `notice` says so in one
 * line, and with `read`, `store` is whatever could still be read (for ↑ and /resume).
 */
export function storeForNewConversation(env: Env, save: boolean, options: {read: boolean}): {store?: SessionStore; notice?: string} {
	const file = sessionStoreFile(env);
	const fallback = () => (options.read ? readable(file) : {});
	if (!save) return {...fallback(), notice: SAVING_OFF_NOTICE};
	try {
		const store = openSessionStore(file, {mode: 'write', busyTimeoutMs: SAVE_BUSY_TIMEOUT_MS});
		if (store?.readOnly) return {store, notice: notSavedNotice(readOnlyNewerStore(file))};
		return store ? {store} : {};
	} catch (error) {
		if (!isAppError(error)) throw error;
		return {...fallback(), notice: notSavedNotice(error)};
	}
}

/** The one line that says a conversation is not being saved, and why. */
export function notSavedNotice(error: AppError): string {
	const {title, nextStep} = error.problem;
	return `Not saved: ${title}. The chat works as usual.${nextStep ? ` ${nextStep}` : ''}`;
}

/** The store as it is, if it can be read at all; nothing is written. */
function readable(file: string): {store?: SessionStore} {
	try {
		const store = openSessionStore(file, {mode: 'unchanged', busyTimeoutMs: SAVE_BUSY_TIMEOUT_MS});
		return store ? {store} : {};
	} catch {
		return {};
	}
}
