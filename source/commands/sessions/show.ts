/**
 * `openclaw sessions show <id>`: a conversation as plain text, every turn in
 * order; answers asked for again and prompts edited away are marked.
 */
import {formatSessionTime, turnsLabel} from '../../core/sessions/session-dates.js';
import {compactionLine, sessionJson, setAsideLabel, usageSummary} from '../../core/sessions/session-export.js';
import type {SessionSummary, StoredCompaction, StoredTurn} from '../../core/sessions/session-types.js';
import type {CommandContext} from '../../cli/context.js';
import {readNamedSession} from '../../cli/sessions/named-session.js';
import {forTerminal} from '../../cli/sessions/session-table.js';

export function runSessionsShow(context: CommandContext, reference: string, options: {json?: boolean}): number {
	const {session, turns, compactions} = readNamedSession(context, reference, 'sessions show');
	if (options.json) context.print(JSON.stringify(sessionJson(session, turns, compactions), null, 2));
	else for (const line of transcriptLines(context, session, turns, compactions)) context.print(line);
	return 0;
}

function transcriptLines(context: CommandContext, session: SessionSummary, turns: readonly StoredTurn[], compactions: readonly StoredCompaction[]): string[] {
	const {out} = context;
	// What the model and the user wrote is shown, never acted on, by a terminal; the styling is ours.
	const shown = (text: string) => forTerminal(context.stdout, text);
	const lines = [
		out.bold(shown(session.title)),
		out.dim(`${session.id} · ${session.model} · ${turnsLabel(session.turns)} · ${formatSessionTime(session.createdAt)} to ${formatSessionTime(session.updatedAt)}`),
	];
	for (const turn of turns) {
		const aside = setAsideLabel(turn);
		lines.push('');
		if (aside) lines.push(out.dim(`(${aside})`));
		for (const image of turn.images) lines.push(out.dim(`[image] ${shown(image.path)}`));
		const usage = usageSummary(turn.metered);
		lines.push(`${out.cyan('›')} ${out.bold(shown(turn.prompt))}`, out.dim(`  ${turn.model} · ${formatSessionTime(turn.createdAt)}${usage ? ` · ${usage}` : ''}`), '');
		if (turn.answer.trim() !== '') lines.push(shown(turn.answer.trimEnd()));
		if (turn.outcome === 'interrupted' || turn.outcome === 'streaming') lines.push(out.yellow('⏹ Interrupted: the answer above is partial.'));
		if (turn.error) lines.push(out.red(`✗ ${shown(turn.error.title)}: ${shown(turn.error.message)}`));
	}

	// Each summary was sent in place of the turns it covers; those stay above in full.
	for (const compaction of compactions) {
		const usage = usageSummary(compaction.metered);
		lines.push('', out.dim(`(${compactionLine(compaction)} · ${formatSessionTime(compaction.createdAt)}${usage ? ` · ${usage}` : ''}; this summary was sent in their place)`), shown(compaction.summary.trimEnd()));
	}

	return lines;
}
