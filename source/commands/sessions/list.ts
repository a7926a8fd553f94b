/** `openclaw sessions list`: saved conversations, newest first. */
import {command} from '../../core/messages.js';
import {sessionSummaryJson} from '../../core/sessions/session-export.js';
import type {CommandContext} from '../../cli/context.js';
import {withStore} from '../../cli/sessions/open-store.js';
import {sessionRows} from '../../cli/sessions/session-table.js';
import {terminalWidth} from '../../cli/terminal-width.js';
import {fitCells} from '../../core/text/fit-cells.js';
import stringWidth from 'string-width';

export function runSessionsList(context: CommandContext, options: {json?: boolean; limit?: number}): number {
	const sessions = withStore(context, store => store?.listSessions(options.limit ?? -1) ?? []);
	if (options.json) {
		context.print(JSON.stringify({sessions: sessions.map(session => sessionSummaryJson(session))}, null, 2));
		return 0;
	}

	if (sessions.length === 0) {
		context.print(`No saved conversations yet. Start one: ${command('chat')}`);
		return 0;
	}

	// On a terminal (or with COLUMNS) a long title is cut with "…" rather than wrapped under the next row's id.
	const width = terminalWidth(context.stdout, context.env);
	const fit = (line: string) => (width !== undefined && stringWidth(line) > width ? fitCells(line, width).trimEnd() : line);
	const [header = '', ...rows] = sessionRows(sessions, '', true);
	context.print(context.out.bold(fit(header)));
	for (const row of rows) context.print(fit(row));
	return 0;
}
