/**
 * A conversation as a file: markdown to read or keep, JSON for scripts. The
 * one exporter for `sessions export` (a saved session) and the pane's /save
 * (the conversation on screen). Every turn is there: answers asked for again
 * (/retry) and prompts edited away are marked, not left out; a compaction's
 * summary follows the turns it stands in for. Images appear as their path
 * (and checksum when known), never their bytes, and nothing key-like is kept.
 */
import type {Problem} from '../app-error.js';
import {outputLimitNote} from '../messages.js';
import {redactSecrets} from '../redact-secrets.js';
import {wasCutOff, type MeteredRequest} from '../usage/metered-request.js';
import {formatSessionTime, turnsLabel} from './session-dates.js';
import type {SessionSummary, StoredTurn, TurnOutcome} from './session-types.js';

/** One question and what came back, as the exporter needs it: a stored turn or an exchange in the pane. */
export type ExportedTurn = {
	readonly prompt: string;
	readonly images: ReadonlyArray<{readonly path: string; readonly bytes?: number; readonly sha256?: string}>;
	readonly model: string;
	readonly answer: string;
	readonly outcome: TurnOutcome;
	readonly error?: Pick<Problem, 'title' | 'message'>;
	readonly metered?: Pick<MeteredRequest, 'finishReason' | 'usage'>;
	/** Why the turn is no longer part of the conversation (setAsideLabel), when it is not. */
	readonly setAside?: string;
};

export type MarkdownOptions = {
	/** A summary standing in for the first `turns` turns (a compaction), shown after them. */
	readonly summary?: {readonly text: string; readonly turns: number};
	/** The keys in use, masked wherever they appear (anything key-shaped is masked anyway). */
	readonly secrets?: readonly string[];
};

/** A conversation as markdown: `heading` lines, then each turn. */
export function conversationMarkdown(heading: readonly string[], turns: readonly ExportedTurn[], options: MarkdownOptions = {}): string {
	const lines = [...heading];
	const {summary} = options;
	for (const [index, turn] of turns.entries()) {
		lines.push(turn.setAside ? `## You (${turn.setAside})` : '## You', '');
		for (const image of turn.images) lines.push(`![image](${image.path})${imageNote(image)}`, '');
		if (turn.prompt !== '') lines.push(turn.prompt, '');
		lines.push(`## ${turn.model}`, '');
		if (turn.answer.trim() !== '') lines.push(turn.answer.trimEnd(), '');
		if (turn.outcome === 'interrupted' || turn.outcome === 'streaming') lines.push('*(interrupted)*', '');
		if (turn.metered && wasCutOff(turn.metered)) lines.push(`*(${outputLimitNote(turn.metered.usage?.completionTokens)})*`, '');
		if (turn.error) lines.push(`> **${turn.error.title}:** ${turn.error.message}`, '');
		if (summary && index === summary.turns - 1) {
			lines.push(`## Summary of the ${summary.turns === 1 ? 'turn' : `${summary.turns} turns`} above (compacted; sent in their place)`, '', summary.text.trimEnd(), '');
		}
	}

	return redactSecrets(lines.join('\n'), options.secrets ?? []);
}

function imageNote(image: ExportedTurn['images'][number]): string {
	const facts = [image.bytes === undefined ? '' : `${image.bytes} bytes`, image.sha256 === undefined ? '' : `sha256 ${image.sha256}`].filter(Boolean);
	return facts.length > 0 ? ` <!-- ${facts.join(', ')} -->` : '';
}

/** What a turn that is no longer part of the conversation was. */
export function setAsideLabel(turn: StoredTurn): string | undefined {
	if (turn.status === 'retried') return 'an earlier answer, kept when it was asked for again';
	if (turn.status === 'replaced') return 'replaced by an edited prompt';
	return undefined;
}

export function sessionMarkdown(session: SessionSummary, turns: readonly StoredTurn[]): string {
	const heading = [
		`# ${session.title}`,
		'',
		`Session \`${session.id}\` · ${session.model} · ${turnsLabel(session.turns)} · started ${formatSessionTime(session.createdAt)} · last ${formatSessionTime(session.updatedAt)}`,
		'',
	];
	return conversationMarkdown(
		heading,
		turns.map(turn => {
			const setAside = setAsideLabel(turn);
			return {...turn, ...(setAside ? {setAside} : {})};
		}),
	);
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
