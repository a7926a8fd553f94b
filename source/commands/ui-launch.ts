/**
 * Opens the Ink screens. They live behind dynamic imports so the one-shot
 * commands never load ink or react.
 */
import type {EffectiveSetup} from '../core/credentials.js';
import type {ImageAttachment} from '../core/images.js';
import type {SaveResult} from '../core/setup.js';
import type {RegionId} from '../core/regions.js';
import {resolvePaths} from '../core/paths.js';
import type {CommandContext} from './context.js';
import {CliError} from './cli-error.js';

export type WizardOutcome = {kind: 'saved'; save: SaveResult; modelId: string; startChat: boolean} | {kind: 'cancelled'};

type WizardModule = {
	runWizard(options: {env: CommandContext['env']; paths: ReturnType<typeof resolvePaths>; presetRegion?: RegionId}): Promise<WizardOutcome>;
};
type ChatModule = {
	runChatPane(options: {env: CommandContext['env']; setup: EffectiveSetup; modelId: string; images?: ImageAttachment[]}): Promise<number>;
};

// Non-literal specifiers: the screens are built by other parts of the project and may be absent in a partial build.
const WIZARD_MODULE = '../ui/wizard/run-wizard.js';
const CHAT_MODULE = '../ui/chat/run-chat.js';

async function load<T>(specifier: string, what: string): Promise<T> {
	try {
		return (await import(specifier)) as T;
	} catch (error) {
		if ((error as {code?: string}).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(specifier.slice(3, -3))) {
			throw new CliError(`The ${what} is not part of this build yet.`, {
				details: what === 'setup wizard'
					? ['Pipe the key on stdin instead: printf %s "$KEY" | openclaw models auth login --provider qwen-portal --region intl']
					: ['Pass a prompt instead: openclaw chat "Hello"'],
			});
		}

		throw error;
	}
}

export async function launchWizard(context: CommandContext, presetRegion?: RegionId): Promise<WizardOutcome> {
	const {runWizard} = await load<WizardModule>(WIZARD_MODULE, 'setup wizard');
	return runWizard({env: context.env, paths: resolvePaths(context.env), ...(presetRegion ? {presetRegion} : {})});
}

export async function launchChatPane(
	context: CommandContext,
	setup: EffectiveSetup,
	modelId: string,
	images?: ImageAttachment[],
): Promise<number> {
	const {runChatPane} = await load<ChatModule>(CHAT_MODULE, 'chat pane');
	return runChatPane({env: context.env, setup, modelId, ...(images && images.length > 0 ? {images} : {})});
}
