/**
 * `openclaw sessions rm <id>`: deletes a saved conversation. On a terminal it
 * asks first; without one it needs --yes, so a script never deletes by a
 * title that happened to match.
 */
import {createInterface} from 'node:readline/promises';
import {usageError} from '../../core/app-error.js';
import {command} from '../../core/messages.js';
import {turnsLabel} from '../../core/sessions/session-dates.js';
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
	if (!store) throw noSessionsYet();
	try {
		const session = namedSession(store, reference, 'sessions rm');
		const name = `"${session.title}" (${shortId(session.id)}, ${turnsLabel(session.turns)})`;
		if (!options.yes && !(await confirm(context, `Delete ${name}? [y/N] `))) {
			context.warn('Nothing was deleted.');
			return 1;
		}

		store.deleteSession(session.id);
		context.print(`Deleted ${name}.`);
		return 0;
	} finally {
		store.close();
	}
}

async function confirm(context: CommandContext, question: string): Promise<boolean> {
	const lines = createInterface({input: context.stdin, output: context.stderr});
	try {
		const answer = await lines.question(question);
		return /^y(es)?$/i.test(answer.trim());
	} finally {
		lines.close();
	}
}
