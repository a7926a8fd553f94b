/**
 * What the pane says as the context window fills: the warning at 80%, a
 * message refused because it cannot fit, and each compaction, started by
 * /compact or before a message, and how it turned out. Every way out names
 * the pane's own commands.
 */
import {AUTO_COMPACT_SHARE, biggerWindowModel, formatPercent, formatTokenCount, windowFor} from '../../../core/conversation/context-meter.js';
import {contextWindowFor, type ModelProvider} from '../../../core/models.js';
import type {RegionId} from '../../../core/regions.js';

export type WindowFacts = {
	readonly model: string;
	readonly window: number;
	/** The registry's model with a bigger window, if any. */
	readonly bigger?: {readonly id: string; readonly window: number};
};

/** A model's window and the registry's bigger one; undefined when the registry does not know the model. */
export function windowFacts(model: string, provider: ModelProvider, region: RegionId | undefined): WindowFacts | undefined {
	const window = windowFor(model, region);
	if (window === undefined) return undefined;
	const bigger = biggerWindowModel(model, provider, region);
	return {model, window, ...(bigger ? {bigger: {id: bigger.id, window: contextWindowFor(bigger, region)}} : {})};
}

/** "/model qwen3-coder-plus has a 1.05M-token window", or nothing to offer. */
function biggerModel(facts: Pick<WindowFacts, 'bigger'>): string | undefined {
	const {bigger} = facts;
	return bigger ? `/model ${bigger.id} has a ${formatTokenCount(bigger.window)}-token window` : undefined;
}

function share(tokens: number, window: number): string {
	return formatPercent(tokens / window);
}

/** At WARN_SHARE: what happens next, before it does. */
export function nearlyFullNotice(tokens: number, facts: WindowFacts, autoCompactHeld: boolean): string {
	const filled = `The conversation takes ${share(tokens, facts.window)} of ${facts.model}'s window (${formatTokenCount(tokens)} of ${formatTokenCount(facts.window)} tokens).`;
	const bigger = biggerModel(facts);
	if (autoCompactHeld) {
		return `${filled} Compacting did not shrink it enough, so it is not tried again by itself: a message that does not fit will be refused. /new starts afresh${bigger ? `; ${bigger}` : ''}.`;
	}

	// Past the window even a summary cannot be asked for by itself: only /compact (which sends less) or a fresh start.
	if (tokens >= facts.window) {
		return `${filled} It no longer fits, so the next message will be refused. /compact summarises the older turns, /new starts afresh${bigger ? `; ${bigger}` : ''}.`;
	}

	const when = tokens >= facts.window * AUTO_COMPACT_SHARE ? 'Before your next message goes,' : `Past ${formatPercent(AUTO_COMPACT_SHARE)}, before your next message goes,`;
	return `${filled} ${when} the older turns are summarised (the summary replaces them in what is sent; they stay saved). /compact does it now, /new starts afresh.`;
}

/** A message that cannot fit: nothing was sent, and the message is back in the prompt. */
export function refusedNotice(reason: 'message' | 'conversation', tokens: {conversation: number; message: number}, facts: WindowFacts, hasTurns: boolean): string {
	const bigger = biggerModel(facts);
	const window = formatTokenCount(facts.window);
	if (reason === 'message' || !hasTurns) {
		return (
			`Not sent: this message alone takes about ${formatTokenCount(tokens.message)} tokens, more than ${facts.model}'s ${window}-token window. ` +
			`It is back in the prompt: send it in parts${bigger ? `, or ${bigger}` : ''}.`
		);
	}

	const total = formatTokenCount(tokens.conversation + tokens.message);
	return (
		`Not sent: with this message the conversation would take about ${total} tokens, more than ${facts.model}'s ${window}-token window. ` +
		`It is back in the prompt. /compact summarises the older turns, /clear starts a new conversation${bigger ? `, ${bigger}` : ''}.`
	);
}

/** Before a message that would take the conversation past AUTO_COMPACT_SHARE. */
export function autoCompactingNotice(tokens: number, facts: WindowFacts): string {
	return `With your message the conversation would take ${share(tokens, facts.window)} of ${facts.model}'s window: compacting the older turns first (Esc stops it). Your message waits.`;
}

/** The compaction request itself would not fit the window. */
export function cannotSummariseNotice(tokens: number, facts: WindowFacts): string {
	const bigger = biggerModel(facts);
	return `The conversation (${formatTokenCount(tokens)} tokens) is too long for ${facts.model} to summarise in its ${formatTokenCount(facts.window)}-token window. /new starts afresh${bigger ? `; ${bigger}` : ''}.`;
}

export const NOTHING_TO_COMPACT = 'Nothing to compact yet: there are no answered turns to summarise.';

/** "Compacted 38 turns: 91k → 6k tokens." and where the turns are still to be found. */
export function compactedNotice(turns: number, before: number, after: number): string {
	return `Compacted ${turns} turn${turns === 1 ? '' : 's'}: ${formatTokenCount(before)} → ${formatTokenCount(after)} tokens. The summary goes in their place from now on; the turns stay saved and in /save.`;
}

/** Used, but it did not get the conversation far enough down: reported, and not tried again by itself. */
export function notEnoughNotice(turns: number, before: number, after: number, facts: Pick<WindowFacts, 'bigger'> & {readonly window?: number}): string {
	const where = facts.window === undefined ? '' : ` (${share(after, facts.window)} of the window)`;
	const bigger = biggerModel(facts);
	return (
		`Compacted ${turns} turn${turns === 1 ? '' : 's'}: ${formatTokenCount(before)} → ${formatTokenCount(after)} tokens${where}, not enough to make room; ` +
		`it is not tried again by itself. /new starts afresh${bigger ? `; ${bigger}` : ''}.`
	);
}

/** The summary came out no shorter than the turns: not used. */
export function longerNotice(turns: number, before: number, after: number): string {
	return `Not compacted: a summary of ${turns} turn${turns === 1 ? '' : 's'} came to ${formatTokenCount(after)} tokens, no shorter than the ${formatTokenCount(before)} tokens it would replace. The conversation stays as it was, and this is not tried again by itself.`;
}

export const COMPACTION_STOPPED = 'Compaction stopped: the conversation stays as it was.';
