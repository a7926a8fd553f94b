/** `openclaw sessions search <text>`: turns whose prompt or answer holds every word, newest first. */
import {formatSessionTime} from '../../core/sessions/session-dates.js';
import {sessionSummaryJson, setAsideLabel} from '../../core/sessions/session-export.js';
import {snippetAround} from '../../core/sessions/session-search.js';
import type {SearchHit} from '../../core/sessions/session-types.js';
import type {CommandContext} from '../../cli/context.js';
import {withStore} from '../../cli/sessions/open-store.js';
import {forTerminal, oneLine, shortId} from '../../cli/sessions/session-table.js';

const DEFAULT_LIMIT = 50;

export function runSessionsSearch(context: CommandContext, query: string, options: {json?: boolean; limit?: number}): number {
	const hits = withStore(context, store => store?.searchTurns(query, options.limit ?? DEFAULT_LIMIT) ?? []);
	if (options.json) {
		context.print(JSON.stringify({query, hits: hits.map(hit => hitJson(hit))}, null, 2));
		return 0;
	}

	if (hits.length === 0) {
		context.print(`Nothing saved holds "${query}".`);
		return 0;
	}

	const {out} = context;
	for (const {session, turn} of hits) {
		const shown = (text: string) => forTerminal(context.stdout, text);
		context.print(`${out.bold(shortId(session.id))}  ${formatSessionTime(turn.createdAt)}  ${out.bold(shown(oneLine(session.title)))}`);
		const aside = setAsideLabel(turn);
		context.print(`  › ${shown(snippetAround(turn.prompt, query))}${aside ? out.dim(` (${aside})`) : ''}`);
		if (turn.answer.trim() !== '') context.print(out.dim(`    ${shown(snippetAround(turn.answer, query))}`));
	}

	return 0;
}

function hitJson({session, turn}: SearchHit) {
	return {
		session: sessionSummaryJson(session),
		turn: {id: turn.id, position: turn.position, status: turn.status, createdAt: new Date(turn.createdAt).toISOString(), model: turn.model, prompt: turn.prompt, answer: turn.answer},
	};
}
