/**
 * What the status line says while an answer is on its way: how long it has
 * been, and how many tokens have come. Until the usage chunk arrives the count
 * is an estimate from the characters received, marked with "~".
 */
import type {Compacting, LiveTurn} from '../transcript/transcript-state.js';

export function turnActivity(turn: LiveTurn, now: number): string {
	const seconds = `${(Math.max(0, now - turn.startedAt) / 1000).toFixed(1)} s`;
	if (turn.firstTokenAt === undefined) return `waiting ${seconds}`;
	const tokens = turn.usage ? `${turn.usage.completionTokens}` : `~${Math.round(turn.estimatedTokens)}`;
	return `streaming ${seconds} · ${tokens} tokens`;
}


/** While a compaction's summary is written: how long, and about how many tokens so far. */
export function compactionActivity(compacting: Compacting, now: number): string {
	const seconds = `${(Math.max(0, now - compacting.startedAt) / 1000).toFixed(1)} s`;
	return `compacting ${seconds} · ~${Math.round(compacting.estimatedTokens)} tokens`;
}
