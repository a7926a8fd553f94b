/**
 * Opens the Ink screens. They live behind dynamic imports so the one-shot
 * commands never load ink or react.
 */
import type {EffectiveSetup} from '../core/credentials.js';
import {exitCodeForSignal} from '../core/exit-codes.js';
import {resolvePaths} from '../core/paths.js';
import type {RegionId} from '../core/regions.js';
import type {AuthMethod} from '../ui/wizard/machine.js';
import type {WizardOutcome} from '../ui/wizard/run-wizard.js';
import type {PaneSessionRequest} from './chat-pane-input.js';
import type {CommandContext} from './context.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';

export type {WizardOutcome};

export async function launchWizard(
	context: CommandContext,
	preset: {region?: RegionId; method?: AuthMethod; checkKey?: boolean; model?: string} = {},
): Promise<WizardOutcome> {
	// A bad OPENCLAW_TIMEOUT_MS is a usage error before any screen opens, not a failed key check after one.
	requestTimeoutFromEnv(context.env);
	const {runWizard} = await import('../ui/wizard/run-wizard.js');
	return runWizard({
		env: context.env,
		paths: resolvePaths(context.env),
		...(preset.region ? {presetRegion: preset.region} : {}),
		...(preset.method ? {presetMethod: preset.method} : {}),
		...(preset.checkKey === false ? {checkKey: false} : {}),
		...(preset.model ? {presetModel: preset.model} : {}),
	});
}

/**
 * The chat pane, after the same checks as a one-shot chat (chat-pane-input.ts).
 * `sessions`: which saved conversation it opens on and whether it saves; by
 * default a new one, saved unless OPENCLAW_NO_SAVE says otherwise.
 */
export async function launchChatPane(
	context: CommandContext,
	setup: EffectiveSetup,
	model?: string,
	imagePaths: readonly string[] = [],
	sessions?: PaneSessionRequest,
): Promise<number> {
	const {preparePane} = await import('./chat-pane-input.js');
	const pane = await preparePane(context, setup, model, imagePaths, sessions);
	const {runChatPane} = await import('../ui/chat/pane/run-chat-pane.js');
	return runChatPane({...pane, env: context.env});
}

/** After the wizard: open the chat pane when the user asked for it. */
export async function continueAfterWizard(context: CommandContext, outcome: WizardOutcome): Promise<number | undefined> {
	if (outcome.kind === 'cancelled' || outcome.kind === 'failed' || !outcome.startChat || outcome.signal) return undefined;
	const {loadEffectiveSetup} = await import('../core/credentials.js');
	return launchChatPane(context, loadEffectiveSetup(context.env), outcome.modelId);
}

/**
 * A cancelled or failed setup did not do what was asked: exit 1 (the wizard's
 * summary already said what happened). SIGTERM or SIGHUP: the
 * signal's exit code, as the chat pane does. Otherwise the chat's code, or 0.
 */
export function exitCodeAfterWizard(outcome: WizardOutcome, chatExitCode: number | undefined): number {
	if (outcome.signal) return exitCodeForSignal(outcome.signal);
	if (outcome.kind === 'cancelled' || outcome.kind === 'failed') return 1;
	return chatExitCode ?? 0;
}
