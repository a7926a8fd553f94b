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
import {formatTokenCount} from '../conversation/context-meter.js';
import {costOf, describeCost, meteredJson, wasCutOff, type MeteredRequest} from '../usage/metered-request.js';
import {formatSessionTime, turnsLabel} from './session-dates.js';
import type {SessionSummary, StoredCompaction, StoredTurn, TurnOutcome} from './session-types.js';

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

/** A compaction in words: "Compacted 3 turns: 91k → 6k tokens". */
export function compactionLine(compaction: StoredCompaction): string {
	const turns = compaction.turns === 1 ? '1 turn' : `${compaction.turns} turns`;
	return `Compacted ${turns}: ${formatTokenCount(compaction.tokensBefore)} → ${formatTokenCount(compaction.tokensAfter)} tokens`;
}

/** A request's usage in a few words: "1,200 in (600 cached), 35 out (12 reasoning) · est. $0.0012 (input ≤32K)"; undefined without figures. */
export function usageSummary(metered: MeteredRequest | undefined): string | undefined {
	const usage = metered?.usage;
	if (!metered || !usage) return undefined;
	const count = (value: number) => value.toLocaleString('en-US');
	const cached = usage.cachedTokens ? ` (${count(usage.cachedTokens)} cached)` : '';
	const reasoning = usage.reasoningTokens ? ` (${count(usage.reasoningTokens)} reasoning)` : '';
	// "est.": a figure from the price list, not from the bill.
	const cost = costOf(metered) ? `est. ${describeCost(metered)}` : describeCost(metered);
	return `${count(usage.promptTokens)} in${cached}, ${count(usage.completionTokens)} out${reasoning} · ${cost}`;
}

export function sessionMarkdown(session: SessionSummary, turns: readonly StoredTurn[], compactions: readonly StoredCompaction[] = []): string {
	const heading = [
		`# ${session.title}`,
		'',
		`Session \`${session.id}\` · ${session.model} · ${turnsLabel(session.turns)} · started ${formatSessionTime(session.createdAt)} · last ${formatSessionTime(session.updatedAt)}`,
		'',
	];
	const conversation = conversationMarkdown(
		heading,
		turns.map(turn => {
			const setAside = setAsideLabel(turn);
			return {...turn, ...(setAside ? {setAside} : {})};
		}),
	);
	// Compactions after the turns: each summary was sent in place of the turns it covers, which stay above in full.
	const summaries = compactions.flatMap(compaction => [
		`## ${compactionLine(compaction)} (${formatSessionTime(compaction.createdAt)}; this summary was sent in their place)`,
		'',
		compaction.summary.trimEnd(),
		'',
	]);
	return summaries.length > 0 ? `${conversation}\n${redactSecrets(summaries.join('\n'), [])}` : conversation;
}

export function sessionJson(session: SessionSummary, turns: readonly StoredTurn[], compactions: readonly StoredCompaction[] = []) {
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
			// The request as billed, in DashScope's own names, with the estimate (null for turns saved without figures).
			request: turn.metered ? meteredJson(turn.metered) : null,
		})),
		compactions: compactions.map(compaction => ({
			createdAt: new Date(compaction.createdAt).toISOString(),
			turns: compaction.turns,
			tokensBefore: compaction.tokensBefore,
			tokensAfter: compaction.tokensAfter,
			summary: compaction.summary,
			request: meteredJson(compaction.metered),
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
