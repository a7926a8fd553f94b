/** `openclaw sessions export <id>`: a conversation as markdown or JSON on stdout. */
import {sessionJson, sessionMarkdown} from '../../core/sessions/session-export.js';
import type {CommandContext} from '../../cli/context.js';
import {readNamedSession} from '../../cli/sessions/named-session.js';
import {forTerminal} from '../../cli/sessions/session-table.js';

export function runSessionsExport(context: CommandContext, reference: string, options: {format: 'md' | 'json'}): number {
	const {session, turns, compactions} = readNamedSession(context, reference, 'sessions export');
	// JSON escapes control characters itself; markdown shown on a terminal must not drive it.
	context.stdout.write(options.format === 'json' ? `${JSON.stringify(sessionJson(session, turns, compactions), null, 2)}\n` : forTerminal(context.stdout, sessionMarkdown(session, turns, compactions)));
	return 0;
}
