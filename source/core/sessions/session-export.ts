/**
 * A saved conversation as a file: markdown to read or keep, JSON for scripts.
 * Every turn is there: answers asked for again (/retry) and prompts edited
 * away are marked, not left out. Images appear as their path and checksum.
 */
import {formatSessionTime, turnsLabel} from './session-dates.js';
import type {SessionSummary, StoredTurn} from './session-types.js';

/** What a turn that is no longer part of the conversation was. */
export function setAsideLabel(turn: StoredTurn): string | undefined {
	if (turn.status === 'retried') return 'an earlier answer, kept when it was asked for again';
	if (turn.status === 'replaced') return 'replaced by an edited prompt';
	return undefined;
}

export function sessionMarkdown(session: SessionSummary, turns: readonly StoredTurn[]): string {
	const lines = [
		`# ${session.title}`,
		'',
		`Session \`${session.id}\` · ${session.model} · ${turnsLabel(session.turns)} · started ${formatSessionTime(session.createdAt)} · last ${formatSessionTime(session.updatedAt)}`,
		'',
	];
	for (const turn of turns) {
		const aside = setAsideLabel(turn);
		lines.push(aside ? `## You (${aside})` : '## You', '');
		for (const image of turn.images) lines.push(`![image](${image.path}) <!-- ${image.bytes} bytes, sha256 ${image.sha256} -->`, '');
		if (turn.prompt !== '') lines.push(turn.prompt, '');
		lines.push(`## ${turn.model}`, '');
		if (turn.answer.trim() !== '') lines.push(turn.answer.trimEnd(), '');
		if (turn.outcome === 'interrupted' || turn.outcome === 'streaming') lines.push('*(interrupted)*', '');
		if (turn.error) lines.push(`> **${turn.error.title}:** ${turn.error.message}`, '');
	}

	return lines.join('\n');
}

export function sessionJson(session: SessionSummary, turns: readonly StoredTurn[]) {
	return {
		session: sessionSummaryJson(session),
		turns: turns.map(turn => ({
			id: turn.id,
			position: turn.position,
			status: turn.status,
			createdAt: new Date(turn.createdAt).toISOString(),
			model: turn.model,
			prompt: turn.prompt,
			images: turn.images,
			answer: turn.answer,
			reasoning: turn.reasoning,
			outcome: turn.outcome,
			error: turn.error ?? null,
		})),
	};
}

export function sessionSummaryJson(session: SessionSummary) {
	return {
		id: session.id,
		title: session.title,
		model: session.model,
		turns: session.turns,
		createdAt: new Date(session.createdAt).toISOString(),
		updatedAt: new Date(session.updatedAt).toISOString(),
	};
}
