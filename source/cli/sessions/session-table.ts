/** Sessions as plain-text rows, the same in `sessions list`, search results and "which one did you mean". */
import {formatSessionTime, turnsLabel} from '../../core/sessions/session-dates.js';
import {plainText} from '../../core/terminal-text.js';
import type {SessionSummary} from '../../core/sessions/session-types.js';
import {formatTable} from '../text-table.js';

/** How much of an id lists show; any unique start of it names the session. */
const SHORT_ID_LENGTH = 8;

const HEADER = ['ID', 'LAST USED', 'TURNS', 'MODEL', 'TITLE'];

export function shortId(id: string): string {
	return id.slice(0, SHORT_ID_LENGTH);
}

/** One line per session, columns aligned; with `header`, the first line names them. */
export function sessionRows(sessions: readonly SessionSummary[], indent = '', header = false): string[] {
	const rows = sessions.map(session => [shortId(session.id), formatSessionTime(session.updatedAt), turnsLabel(session.turns), session.model, oneLine(session.title)]);
	return formatTable(header ? [HEADER, ...rows] : rows, indent);
}

/** Saved text as a terminal may show it: what the model wrote must not drive it (a piped copy stays as saved). */
export function forTerminal(stdout: NodeJS.WriteStream, text: string): string {
	return stdout.isTTY ? plainText(text) : text;
}

export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
