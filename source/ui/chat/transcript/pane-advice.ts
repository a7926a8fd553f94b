/**
 * The next step an error shows inside the chat pane. The core's advice is
 * written for the shell (`openclaw models set <id>`); where the pane has its
 * own way to do the same (/model, /clear, /image), it says that instead: the
 * core's own sentence told the pane's ways where there is one, else the
 * pane's words. One table, by error kind; kinds not in it keep the core's words.
 */
import type {ApiErrorKind, ClassifiedError} from '../../../core/errors.js';
import {ADVICE, type AdviceWays} from '../../../core/messages.js';

/** How the pane switches models and sends a message again. */
const PANE_WAYS: AdviceWays = {switchModels: '/model', sendAgain: 'send again (↑ brings the message back)'};

export type PaneAdviceContext = {
	/** The vision model of the credential in use (the portal has its own). */
	readonly visionModel: string;
};

type PaneAdvice = {
	readonly kind: ApiErrorKind;
	/** Narrows a kind that covers several errors. */
	readonly when?: (error: ClassifiedError) => boolean;
	readonly nextStep: (context: PaneAdviceContext) => string;
};

export const PANE_ADVICE: readonly PaneAdvice[] = [
	{
		kind: 'model_not_found',
		nextStep: () => 'Pick a model your region serves with /model (the table marks the ones it lists), then send again (↑ brings the message back).',
	},
	{
		kind: 'rate_limited',
		nextStep: () => ADVICE.rateLimited(PANE_WAYS).nextStep,
	},
	{
		kind: 'quota_exceeded',
		nextStep: () => ADVICE.quotaExceeded(PANE_WAYS).nextStep,
	},
	{
		kind: 'free_tier_exhausted',
		nextStep: () => ADVICE.freeTierExhausted(undefined, PANE_WAYS).nextStep,
	},
	{
		kind: 'context_too_long',
		nextStep: () => '/compact summarises the older turns, /clear starts a fresh conversation, /model picks a model with a larger context; or send a shorter message.',
	},
	{
		kind: 'text_only_model',
		nextStep: ({visionModel}) => `Switch to a vision model with /model ${visionModel}, then attach the image again with /image <file>.`,
	},
];

/** `error` with the pane's next step, when the pane has one for it. */
export function withPaneAdvice(error: ClassifiedError, context: PaneAdviceContext): ClassifiedError {
	const advice = PANE_ADVICE.find(entry => entry.kind === error.kind && (entry.when?.(error) ?? true));
	return advice ? {...error, nextStep: advice.nextStep(context)} : error;
}
