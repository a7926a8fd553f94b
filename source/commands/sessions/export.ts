/** `openclaw sessions export <id>`: a conversation as markdown or JSON on stdout. */
import {sessionJson, sessionMarkdown} from '../../core/sessions/session-export.js';
import type {CommandContext} from '../../cli/context.js';
import {namedSession} from '../../cli/sessions/named-session.js';
import {storeFile} from '../../cli/chat-sessions.js';
import {noSessionsYet} from '../../cli/sessions/no-sessions.js';
import {withStore} from '../../cli/sessions/open-store.js';
import {forTerminal} from '../../cli/sessions/session-table.js';

export function runSessionsExport(context: CommandContext, reference: string, options: {format: 'md' | 'json'}): number {
	const {session, turns, compactions} = withStore(context, store => {
		if (!store) throw noSessionsYet(storeFile(context.env));
		const found = namedSession(store, reference, 'sessions export');
		return {session: found, turns: store.allTurns(found.id), compactions: store.compactions(found.id)};
	});
	// JSON escapes control characters itself; markdown shown on a terminal must not drive it.
	context.stdout.write(options.format === 'json' ? `${JSON.stringify(sessionJson(session, turns, compactions), null, 2)}\n` : forTerminal(context.stdout, sessionMarkdown(session, turns, compactions)));
	return 0;
}
