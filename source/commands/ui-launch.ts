/**
 * Opens the Ink screens. They live behind dynamic imports so the one-shot
 * commands never load ink or react.
 */
import type {EffectiveSetup} from '../core/credentials.js';
import type {ImageAttachment} from '../core/images.js';
import {resolvePaths} from '../core/paths.js';
import type {RegionId} from '../core/regions.js';
import type {AuthMethod} from '../ui/wizard/machine.js';
import type {WizardOutcome} from '../ui/wizard/run-wizard.js';
import type {CommandContext} from './context.js';

export type {WizardOutcome};

export async function launchWizard(
	context: CommandContext,
	preset: {region?: RegionId; method?: AuthMethod} = {},
): Promise<WizardOutcome> {
	const {runWizard} = await import('../ui/wizard/run-wizard.js');
	return runWizard({
		env: context.env,
		paths: resolvePaths(context.env),
		...(preset.region ? {presetRegion: preset.region} : {}),
		...(preset.method ? {presetMethod: preset.method} : {}),
	});
}

export async function launchChatPane(
	context: CommandContext,
	setup: EffectiveSetup,
	modelId: string,
	images?: ImageAttachment[],
): Promise<number> {
	const {runChatPane} = await import('../ui/chat/run-chat.js');
	return runChatPane({env: context.env, setup, modelId, ...(images && images.length > 0 ? {images} : {})});
}

/** After the wizard: open the chat pane when the user asked for it. */
export async function continueAfterWizard(context: CommandContext, outcome: WizardOutcome): Promise<number | undefined> {
	if (outcome.kind === 'cancelled' || outcome.kind === 'failed' || !outcome.startChat) return undefined;
	const {loadEffectiveSetup} = await import('../core/credentials.js');
	return launchChatPane(context, loadEffectiveSetup(context.env), outcome.modelId);
}

/**
 * A cancelled or failed setup did not do what was asked: exit 1 (the wizard's
 * summary already said what was and was not written). Otherwise the chat's code, or 0.
 */
export function exitCodeAfterWizard(outcome: WizardOutcome, chatExitCode: number | undefined): number {
	if (outcome.kind === 'cancelled' || outcome.kind === 'failed') return 1;
	return chatExitCode ?? 0;
}
