/**
 * The next step an error shows inside the chat pane. The core's advice is
 * written for the shell (`openclaw models set <id>`); where the pane has its
 * own way to do the same (/model, /clear, /image), it says that instead. One
 * table, by error kind; kinds not in it keep the core's words.
 */
import type {ApiErrorKind, ClassifiedError} from '../../../core/errors.js';

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
		nextStep: () => 'Wait a minute and send again (↑ brings the message back), or switch models with /model.',
	},
	{
		kind: 'quota_exceeded',
		nextStep: () => 'Check your plan and quota in the Model Studio console, or switch models with /model.',
	},
	{
		kind: 'free_tier_exhausted',
		nextStep: () => 'Turn off "use free tier only" in the Model Studio console to continue on a paid basis, or switch models with /model.',
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
