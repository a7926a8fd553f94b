/**
 * The checks before a chat sends anything, the same for the one-shot chat and
 * the pane: the model resolves, a credential is there (else the setup warnings
 * say why, e.g. QWEN_API_KEY exported but empty), the key passes the
 * pasted-key check, and images go only to a model that reads them. No Ink or
 * React here: the one-shot chat loads this module.
 */
import type {AppError} from '../core/app-error.js';
import {modelInEffect, type EffectiveSetup} from '../core/credentials.js';
import {keyVariableOf, type Credential} from '../core/key-sources.js';
import type {ClassifiedError} from '../core/errors.js';
import type {ImageAttachment} from '../core/images.js';
import {supportsImages, visionModelFor, type ModelProvider} from '../core/models.js';
import {resolveModel} from '../core/resolve-model.js';
import {failure} from './failure.js';
import type {CommandContext} from './context.js';
import {noCredentialLines} from './hints.js';
import {unusableKeyError} from './key-check.js';
import {isOAuthActive, switchToApiKeyLine} from './oauth-active.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';
import {command} from '../core/messages.js';

/** What a chat knows once the checks have passed. */
export type CheckedChat = {
	setup: EffectiveSetup;
	credential: Credential;
	/** Signed in with Qwen OAuth: the key is an access token for the portal. */
	oauth: boolean;
	/** Where model names are looked up: 'portal' under OAuth. */
	provider: ModelProvider;
	modelId: string;
	isKnownTextOnly: boolean;
	visionModelId: string;
	/** OPENCLAW_TIMEOUT_MS, when set. */
	timeoutMs: number | undefined;
};

export function preflightChat(context: CommandContext, setup: EffectiveSetup, requestedModel: string | undefined): CheckedChat {
	const oauth = isOAuthActive(setup);
	const provider: ModelProvider = oauth ? 'portal' : 'dashscope';
	const model = pickModel(context, setup, requestedModel, provider);
	const credential = setup.credential;
	if (!credential) {
		printSetupWarnings(context, setup);
		throw failure('No DashScope API key found.', {details: noCredentialLines()});
	}

	const unusable = unusableKeyError(credential);
	if (unusable) throw unusable;
	return {setup, credential, oauth, provider, ...model, timeoutMs: requestTimeoutFromEnv(context.env)};
}

/**
 * Loads the images to send. On a model known to read only text they are
 * refused before any request, in the words `refusal` gives for the front end.
 */
export async function loadCheckedImages(
	checked: CheckedChat,
	paths: readonly string[],
	refusal: (checked: CheckedChat) => AppError,
): Promise<ImageAttachment[]> {
	const images = await loadImages(paths);
	if (images.length > 0 && checked.isKnownTextOnly) throw refusal(checked);
	return images;
}

export function printSetupWarnings(context: CommandContext, setup: EffectiveSetup): void {
	for (const warning of setup.warnings) context.warn(context.err.yellow(`warning: ${warning.text}`));
}

/** The key the requests carry: the DashScope key, or a freshly renewed OAuth access token. */
export async function sendingKey(context: CommandContext, checked: CheckedChat): Promise<string> {
	if (!checked.oauth) return checked.credential.key;
	const {ensureFreshOAuthToken} = await import('../core/oauth/index.js');
	const token = await ensureFreshOAuthToken(checked.setup.paths, context.env);
	return token.access;
}

/** A rejected key may belong to another region: explainRejectedKey asks the others. */
export function rejectedKeyExplainer(context: CommandContext, checked: CheckedChat, apiKey: string) {
	const {setup, timeoutMs} = checked;
	return async (error: unknown, signal?: AbortSignal): Promise<ClassifiedError> => {
		const {explainRejectedKey} = await import('../core/explain-rejected-key.js');
		const keyVariable = keyVariableOf(checked.credential);
		return explainRejectedKey(error, {
			key: apiKey,
			...(keyVariable ? {keyVariable} : {}),
			...(setup.region ? {region: setup.region} : {}),
			oauth: checked.oauth,
			env: context.env,
			...(timeoutMs ? {timeoutMs} : {}),
			...(signal ? {signal} : {}),
		});
	};
}

function pickModel(context: CommandContext, setup: EffectiveSetup, requested: string | undefined, provider: ModelProvider) {
	const resolution = resolveModel(requested ?? modelInEffect(setup), {provider, aliases: setup.modelAliases});
	if (!resolution.ok) {
		throw failure(resolution.message, {
			details: [
				resolution.suggestion ? `Try: --model ${resolution.suggestion}` : `See the ids with: ${command('models list')}`,
				...(provider === 'portal' ? [switchToApiKeyLine()] : []),
			],
		});
	}

	for (const note of resolution.notes) context.warn(context.err.yellow(`note: ${note}`));
	return {
		modelId: resolution.id,
		isKnownTextOnly: resolution.model ? !supportsImages(resolution.model) : false,
		visionModelId: visionModelFor(provider),
	};
}

async function loadImages(paths: readonly string[]): Promise<ImageAttachment[]> {
	const images: ImageAttachment[] = [];
	if (paths.length === 0) return images;
	const {loadImageAttachment} = await import('../core/images.js');
	for (const path of paths) {
		const result = await loadImageAttachment(path);
		if (!result.ok) throw failure(result.message, {details: ['Nothing was sent.']});
		images.push(result.image);
	}

	return images;
}
