/**
 * The pane's context window at work: the check each message passes before
 * it is sent (it goes, it waits for a compaction, or it is refused and put
 * back in the prompt), and compaction itself, by /compact or before a
 * message. Nothing is compacted silently: each one is announced and its
 * outcome reported.
 */
import {compactionMessages, compactionPlan, compactionVerdict} from '../../../core/conversation/compaction.js';
import {checkSend, contextTokens} from '../../../core/conversation/context-meter.js';
import {estimateMessagesTokens, estimateQuestionTokens} from '../../../core/usage/estimate-tokens.js';
import type {NoticeTone} from '../transcript/transcript-state.js';
import {
	autoCompactingNotice,
	cannotSummariseNotice,
	COMPACTION_STOPPED,
	compactedNotice,
	longerNotice,
	notEnoughNotice,
	NOTHING_TO_COMPACT,
	refusedNotice,
	windowFacts,
	type WindowFacts,
} from './context-notices.js';
import type {PaneContext} from './pane-actions.js';

export type ContextActions = {
	/** 'send', or 'held': the pane took the message (it waits for a compaction, or was refused and is back in the prompt). */
	readonly checkBeforeSending: (text: string) => 'send' | 'held';
	/** Summarises the older turns with the current model; `auto` when it makes room for a waiting message. */
	readonly compact: (options: {readonly keep?: string; readonly auto: boolean}) => Promise<void>;
};

export function contextActions(get: () => PaneContext, notice: (text: string, tone?: NoticeTone) => void): ContextActions {
	const facts = (): WindowFacts | undefined => {
		const {pane, provider, regionId} = get();
		return windowFacts(pane.model, provider, regionId);
	};

	const conversationTokens = () => {
		const {provider, session} = get();
		const {exchanges, summary, measured} = session.state;
		return contextTokens({provider, exchanges, ...(summary ? {summary} : {}), ...(measured ? {measured} : {})});
	};

	const compact: ContextActions['compact'] = async ({keep, auto}) => {
		const {session, pane, provider, regionId, recorder} = get();
		if (session.isStreaming) {
			notice('Stop the answer first (Esc), then /compact.', 'warning');
			return;
		}

		const {exchanges, summary} = session.state;
		const plan = compactionPlan(exchanges, summary);
		if (!plan) {
			notice(NOTHING_TO_COMPACT, 'warning');
			return;
		}

		const limits = facts();
		const before = conversationTokens();
		const messages = compactionMessages({provider, exchanges, ...(summary ? {summary} : {}), plan, ...(keep ? {keep} : {})});
		if (limits && estimateMessagesTokens(messages) > limits.window) {
			notice(cannotSummariseNotice(before, limits), 'warning');
			if (auto) session.dispatch({type: 'auto-compaction-held'});
			return;
		}

		// Without enable_thinking, which hybrid models default to off: the summary needs no reasoning, paid for as output.
		const running = session.compact({model: pane.model, messages, ...(regionId ? {region: regionId} : {}), auto});
		if (!running) return;
		const result = await running;
		if (result.outcome === 'interrupted') {
			notice(COMPACTION_STOPPED, 'warning');
			return;
		}

		const text = result.outcome === 'done' ? result.summary.trim() : '';
		if (result.outcome === 'failed' || text === '') {
			const why = result.outcome === 'failed' && result.error ? `${result.error.title}: ${result.error.message}` : 'the model sent back an empty summary.';
			const next = result.outcome === 'failed' && result.error?.nextStep ? ` ${result.error.nextStep}` : '';
			notice(`Compaction failed: ${why} The conversation stays as it was.${next}`, 'warning');
			return;
		}

		const compacted = {text, turns: plan.to};
		const after = contextTokens({provider: get().provider, exchanges, summary: compacted});
		const verdict = compactionVerdict(before, after, limits?.window);
		const turns = plan.to - plan.from;
		if (verdict === 'longer') {
			session.dispatch({type: 'auto-compaction-held'});
			notice(longerNotice(turns, before, after), 'warning');
			return;
		}

		session.dispatch({type: 'compacted', summary: compacted, holdAuto: verdict === 'not-enough'});
		recorder.compacted({turns: plan.to, summary: text, tokensBefore: before, tokensAfter: after, metered: result.request});
		if (verdict === 'compacted') notice(compactedNotice(turns, before, after), 'success');
		else notice(notEnoughNotice(turns, before, after, limits ?? {}), 'warning');
	};

	return {
		checkBeforeSending(text) {
			const {pane, session, dispatch, restorePrompt} = get();
			const limits = facts();
			if (!limits) return 'send';
			const {exchanges, summary, autoCompactHeld} = session.state;
			const conversation = conversationTokens();
			const message = estimateQuestionTokens(text, pane.images.length);
			const check = checkSend({conversation, message, window: limits.window, compactable: compactionPlan(exchanges, summary) !== undefined, autoCompactHeld});
			if (check.kind === 'send') return 'send';
			if (check.kind === 'refuse') {
				notice(refusedNotice(check.reason, {conversation, message}, limits, exchanges.length > 0), 'warning');
				restorePrompt(text);
				return 'held';
			}

			// One message waits at a time; a second goes back to the prompt.
			if (pane.queued !== undefined) {
				restorePrompt(text);
				return 'held';
			}

			notice(autoCompactingNotice(conversation + message, limits), 'warning');
			dispatch({type: 'message-queued', text});
			void compact({auto: true});
			return 'held';
		},
		compact,
	};
}
