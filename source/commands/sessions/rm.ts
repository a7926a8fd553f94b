/**
 * `openclaw sessions rm <id>`: deletes a saved conversation. On a terminal it
 * asks first; without one it needs --yes, so a script never deletes by a
 * title that happened to match.
 */
import {createInterface} from 'node:readline/promises';
import {usageError} from '../../core/app-error.js';
import {exitCodeForSignal} from '../../core/exit-codes.js';
import {command} from '../../core/messages.js';
import {turnsLabel} from '../../core/sessions/session-dates.js';
import {sessionStoreFile} from '../../core/sessions/session-store.js';
import type {CommandContext} from '../../cli/context.js';
import {namedSession} from '../../cli/sessions/named-session.js';
import {noSessionsYet} from '../../cli/sessions/no-sessions.js';
import {openExistingStore} from '../../cli/sessions/open-store.js';
import {shortId} from '../../cli/sessions/session-table.js';

export async function runSessionsRm(context: CommandContext, reference: string, options: {yes?: boolean}): Promise<number> {
	const canAsk = context.stdin.isTTY === true;
	if (!options.yes && !canAsk) {
		throw usageError('sessions rm asks before deleting, and there is no terminal to ask on.', [], `Add --yes to delete without asking: ${command(`sessions rm ${reference} --yes`)}`);
	}

	const store = openExistingStore(context);
	if (!store) throw noSessionsYet(sessionStoreFile(context.env));
	try {
		const session = namedSession(store, reference, 'sessions rm');
		const name = `"${session.title}" (${shortId(session.id)}, ${turnsLabel(session.turns)})`;
		const answer = options.yes ? 'yes' : await confirm(context, `Delete ${name}? [y/N] `);
		if (answer !== 'yes') {
			context.warn('Nothing was deleted.');
			return answer === 'interrupted' ? exitCodeForSignal('SIGINT') : 1;
		}

		store.deleteSession(session.id);
		context.print(`Deleted ${name}.`);
		return 0;
	} finally {
		store.close();
	}
}

/**
 * The answer to a yes/no question. Ctrl+C at the question is the user's way
 * out, not a failure ('interrupted'); Ctrl+D ends the input without a yes.
 */
async function confirm(context: CommandContext, question: string): Promise<'yes' | 'no' | 'interrupted'> {
	const lines = createInterface({input: context.stdin, output: context.stderr});
	const interrupt = new AbortController();
	lines.once('SIGINT', () => {
		interrupt.abort();
	});
	try {
		const answer = await lines.question(question, {signal: interrupt.signal});
		return /^y(es)?$/i.test(answer.trim()) ? 'yes' : 'no';
	} catch (error) {
		if ((error as {code?: unknown}).code !== 'ABORT_ERR') throw error;
		if (interrupt.signal.aborted) return 'interrupted';
		// Ctrl+D leaves the cursor after the question.
		context.warn();
		return 'no';
	} finally {
		lines.close();
	}
}
