/**
 * What the chat pane is opened with, once the checks a one-shot chat makes
 * (and images against the model) have passed. ui-launch.ts opens the pane.
 */
import {homedir} from 'node:os';
import type {EffectiveSetup} from '../core/credentials.js';
import {modelsFor} from '../core/models.js';
import type {PaneInput} from '../ui/chat/pane/run-chat-pane.js';
import {failure} from './cli-error.js';
import type {CommandContext} from './context.js';
import {
	loadCheckedImages,
	preflightChat,
	printSetupWarnings,
	rejectedKeyExplainer,
	sendingKey,
	type CheckedChat,
} from './chat-preflight.js';

export async function preparePane(
	context: CommandContext,
	setup: EffectiveSetup,
	requestedModel: string | undefined,
	imagePaths: readonly string[] = [],
): Promise<PaneInput> {
	const checked = preflightChat(context, setup, requestedModel);
	const {modelId} = checked;
	const images = await loadCheckedImages(
		checked,
		imagePaths,
		({visionModelId}) => failure(`${modelId} does not accept images.`, {details: [`Use a vision model: --model ${visionModelId}`]}),
	);

	// The pane cannot print them when a request fails: they go above it, where they stay in scrollback.
	printSetupWarnings(context, setup);
	const apiKey = await sendingKey(context, checked);
	return {
		apiKey,
		requestBaseUrl: setup.requestBaseUrl,
		...(setup.region ? {region: setup.region} : {}),
		provider: checked.provider,
		pickerModels: modelsFor(checked.provider),
		endpointLabel: endpointLabel(checked),
		modelId,
		...(images.length > 0 ? {images} : {}),
		...(checked.timeoutMs ? {timeoutMs: checked.timeoutMs} : {}),
		explain: rejectedKeyExplainer(context, checked, apiKey),
		cwd: process.cwd(),
		home: context.env['HOME']?.trim() || homedir(),
	};
}

/** Where the pane says it is talking to: the region, the OAuth portal's host, or a custom endpoint. */
function endpointLabel(checked: CheckedChat): string {
	const {setup} = checked;
	if (setup.region) return setup.region.label;
	if (checked.oauth) return `Qwen OAuth · ${hostOf(setup.baseUrl)}`;
	return 'custom endpoint';
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}
