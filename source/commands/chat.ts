/**
 * `openclaw chat "prompt"`: one question, the answer streamed to stdout as it
 * arrives. Content deltas go to the stream in as few writes as keep it prompt
 * (this path is benchmarked against the bare SDK); everything else (reasoning,
 * usage, notes, errors) goes to stderr so stdout stays the answer alone.
 */
import {homedir} from 'node:os';
import {stripVTControlCharacters} from 'node:util';
import {loadEffectiveSetup, modelInEffect, type Credential, type EffectiveSetup} from '../core/credentials.js';
import type {ChatContentPart, ChatMessage, StreamEvent} from '../core/dashscope-client.js';
import type {ClassifiedError, DashScopeError} from '../core/errors.js';
import type {ImageAttachment} from '../core/images.js';
import {modelsFor, supportsImages, visionModelFor, type ModelProvider} from '../core/models.js';
import {PORTAL_SYSTEM_PROMPT} from '../core/oauth/constants.js';
import {resolveModel} from '../core/resolve-model.js';
import type {PaneInput} from '../ui/chat/run-chat.js';
import type {CommandContext} from './context.js';
import {isInteractive} from './context.js';
import {CliError, UsageError} from './cli-error.js';
import {coalescedOutput} from './coalesced-output.js';
import {noCredentialLines} from './hints.js';
import {isOAuthActive, switchToApiKeyLine} from './oauth-active.js';
import {unusableKeyError} from './key-check.js';
import {readStdin} from './read-stdin.js';
import {timeoutFromEnv} from './timeout.js';
import {printClassified} from './report-error.js';

export type ChatOptions = {
	prompt: string[];
	model?: string;
	image: string[];
	verbose?: boolean;
	think?: boolean;
};

/** Exit code for a run stopped with Ctrl+C (128 + SIGINT). */
const INTERRUPTED_EXIT_CODE = 130;

export async function runChat(context: CommandContext, options: ChatOptions): Promise<number> {
	let prompt = options.prompt.join(' ').trim();
	if (!prompt && isInteractive(context)) return openPane(context, options);

	if (context.stdin.isTTY !== true) {
		const piped = (await readStdin(context.stdin)).trim();
		if (piped) prompt = prompt ? `${prompt}\n\n${piped}` : piped;
	}

	if (!prompt) {
		throw new UsageError('No prompt given.', [
			'Pass one as an argument or pipe it on stdin:',
			'  openclaw chat "Hello, write a quicksort algorithm"',
			'  echo "Explain this" | openclaw chat',
		]);
	}

	const checked = preflightChat(context, loadEffectiveSetup(context.env), options.model);
	const {setup, modelId} = checked;
	const images = await loadImages(options.image);
	if (images.length > 0 && checked.isKnownTextOnly) {
		throw new CliError(`${modelId} does not accept images; nothing was sent.`, {
			details: [`Use a vision model: openclaw chat --model ${checked.visionModelId} --image ${options.image[0] ?? '<file>'} "…"`],
		});
	}

	// Setup warnings (say, no baseUrl configured) matter when a request fails; on success they are noise unless asked for.
	if (options.verbose) printWarnings(context, setup);
	const apiKey = await sendingKey(context, checked);
	const {createDashScopeClient} = await import('../core/dashscope-client.js');
	const client = createDashScopeClient({
		apiKey,
		...(checked.timeoutMs ? {timeoutMs: checked.timeoutMs} : {}),
		baseUrl: setup.requestBaseUrl,
		...(setup.region ? {regionLabel: setup.region.label} : {}),
	});
	const explain = rejectedKeyExplainer(context, checked, apiKey);
	const messages = buildMessages(prompt, images, checked.oauth);
	const code = await streamAnswer(context, {
		stream: signal => client.streamChat({model: modelId, messages, signal, ...(options.think ? {enableThinking: true} : {})}),
		modelId,
		verbose: options.verbose === true,
		async explain(error) {
			if (!options.verbose) printWarnings(context, setup);
			return explain(error);
		},
	});
	return code;
}

/** What the one-shot chat and the pane both know once the checks before sending have passed. */
type CheckedChat = {
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

/**
 * The checks before anything is sent, the same for a one-shot chat and the
 * pane: the model resolves, a credential is there (else the setup warnings
 * say why, e.g. QWEN_API_KEY exported but empty: seed issue 4), and the key
 * passes the pasted-key check.
 */
function preflightChat(context: CommandContext, setup: EffectiveSetup, requestedModel: string | undefined): CheckedChat {
	const oauth = isOAuthActive(setup);
	const provider: ModelProvider = oauth ? 'portal' : 'dashscope';
	const model = pickModel(context, setup, requestedModel, provider);
	const credential = setup.credential;
	if (!credential) {
		printWarnings(context, setup);
		throw new CliError('No DashScope API key found.', {details: noCredentialLines()});
	}

	const unusable = unusableKeyError(credential);
	if (unusable) throw unusable;
	return {setup, credential, oauth, provider, ...model, timeoutMs: timeoutFromEnv(context.env)};
}

function printWarnings(context: CommandContext, setup: EffectiveSetup): void {
	for (const warning of setup.warnings) context.warn(context.err.yellow(`warning: ${warning.text}`));
}

/** The key the requests carry: the DashScope key, or a freshly renewed OAuth access token. */
async function sendingKey(context: CommandContext, checked: CheckedChat): Promise<string> {
	if (!checked.oauth) return checked.credential.key;
	const {ensureFreshOAuthToken} = await import('../core/oauth/index.js');
	const token = await ensureFreshOAuthToken(checked.setup.paths, context.env);
	return token.access;
}

/** A rejected key may belong to another region (seed issue 2): explainRejectedKey asks the others. */
function rejectedKeyExplainer(context: CommandContext, checked: CheckedChat, apiKey: string) {
	const {setup, timeoutMs} = checked;
	return async (error: unknown, signal?: AbortSignal): Promise<ClassifiedError> => {
		const {explainRejectedKey} = await import('../core/explain-rejected-key.js');
		return explainRejectedKey(error, {
			key: apiKey,
			...(setup.region ? {region: setup.region} : {}),
			oauth: checked.oauth,
			env: context.env,
			...(timeoutMs ? {timeoutMs} : {}),
			...(signal ? {signal} : {}),
		});
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

/**
 * The pane's checks (the one-shot's, then images against the model) and
 * everything it is opened with; ui-launch.ts opens it.
 */
export async function preparePane(
	context: CommandContext,
	setup: EffectiveSetup,
	requestedModel: string | undefined,
	imagePaths: readonly string[] = [],
): Promise<PaneInput> {
	const checked = preflightChat(context, setup, requestedModel);
	const {modelId} = checked;
	const images = await loadImages(imagePaths);
	if (images.length > 0 && checked.isKnownTextOnly) {
		throw new CliError(`${modelId} does not accept images.`, {details: [`Use a vision model: --model ${checked.visionModelId}`]});
	}

	// The pane cannot print them when a request fails: they go above it, where they stay in scrollback.
	printWarnings(context, setup);
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

function pickModel(context: CommandContext, setup: EffectiveSetup, requested: string | undefined, provider: ModelProvider) {
	const resolution = resolveModel(requested ?? modelInEffect(setup), {provider});
	if (!resolution.ok) {
		throw new CliError(resolution.message, {
			details: [
				resolution.suggestion ? `Try: --model ${resolution.suggestion}` : 'See the ids with: openclaw models list',
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
		if (!result.ok) throw new CliError(result.message, {details: ['Nothing was sent.']});
		images.push(result.image);
	}

	return images;
}

function buildMessages(prompt: string, images: readonly ImageAttachment[], portal: boolean): ChatMessage[] {
	const content: string | ChatContentPart[] =
		images.length === 0
			? prompt
			: [{type: 'text', text: prompt}, ...images.map(image => ({type: 'image_url' as const, image_url: {url: image.dataUrl}}))];
	const system: ChatMessage[] = portal ? [{role: 'system', content: PORTAL_SYSTEM_PROMPT}] : [];
	return [...system, {role: 'user', content}];
}

async function openPane(context: CommandContext, options: ChatOptions): Promise<number> {
	const {launchChatPane} = await import('./ui-launch.js');
	return launchChatPane(context, loadEffectiveSetup(context.env), options.model, options.image);
}

type StreamRun = {
	stream(signal: AbortSignal): AsyncIterable<StreamEvent>;
	modelId: string;
	verbose: boolean;
	/** What to tell the user about a failure the client classified. */
	explain(error: DashScopeError): Promise<ClassifiedError>;
};

async function streamAnswer(context: CommandContext, run: StreamRun): Promise<number> {
	const {stdout, stderr, err} = context;
	// Answer text goes out coalesced; it is flushed before anything else reaches stdout or stderr, so the order holds.
	const answer = coalescedOutput(stdout);
	const controller = new AbortController();
	let interrupted = false;
	// The reader went away (`openclaw chat … | head -c10`): stop the request. EPIPE means the reader chose to stop,
	// so the run ends quietly with 0; any other write error is reported. Stays attached: the error of a last write
	// arrives after this function has returned.
	let stdoutError: (Error & {code?: string}) | undefined;
	stdout.on('error', (error: Error & {code?: string}) => {
		stdoutError ??= error;
		controller.abort();
	});
	const readerGone = () => stdoutError?.code === 'EPIPE';
	const onSigint = () => {
		// A second Ctrl+C while the abort settles leaves at once.
		if (interrupted) {
			answer.flush();
			process.exit(INTERRUPTED_EXIT_CODE);
		}

		interrupted = true;
		controller.abort();
	};
	process.on('SIGINT', onSigint);

	const started = performance.now();
	let firstTokenAt: number | undefined;
	// The last delta written (kept whole: taking its last character on every chunk costs more than it needs to).
	let lastText = '';
	let wroteContent = false;
	let reasoningOpen = false;
	let usage: Extract<StreamEvent, {type: 'usage'}> | undefined;
	// On a terminal the model's text must not drive it (an OSC sequence retitles the window, others move the cursor);
	// piped output stays byte for byte what the model sent.
	const contentText = stdout.isTTY ? stripVTControlCharacters : undefined;
	const reasoningText = stderr.isTTY ? stripVTControlCharacters : undefined;
	try {
		for await (const event of run.stream(controller.signal)) {
			if (event.type === 'content') {
				const text = contentText ? contentText(event.text) : event.text;
				if (text === '') continue;
				if (reasoningOpen) {
					stderr.write('\n');
					reasoningOpen = false;
				}

				firstTokenAt ??= performance.now();
				answer.write(text);
				lastText = text;
				wroteContent = true;
			} else if (event.type === 'reasoning') {
				firstTokenAt ??= performance.now();
				const text = reasoningText && event.text ? reasoningText(event.text) : event.text;
				if (run.verbose && text) {
					answer.flush();
					stderr.write(err.dim(text));
					reasoningOpen = true;
				}
			} else if (event.type === 'usage') {
				usage = event;
			}
		}

		if (interrupted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
		if (stdoutError) throw stdoutError;
	} catch (error) {
		if (readerGone()) return 0;
		if (stdoutError) throw stdoutError;
		answer.flush();
		if (reasoningOpen) stderr.write('\n');
		if (wroteContent && !lastText.endsWith('\n')) stdout.write('\n');
		if (interrupted) {
			context.warn('interrupted');
			return INTERRUPTED_EXIT_CODE;
		}

		if (isDashScopeError(error)) {
			printClassified(context, await run.explain(error));
			return 1;
		}

		throw error;
	} finally {
		process.off('SIGINT', onSigint);
	}

	answer.flush();
	if (reasoningOpen) stderr.write('\n');
	if (wroteContent && !lastText.endsWith('\n')) stdout.write('\n');
	if (run.verbose) context.warn(err.dim(usageLine(run.modelId, started, firstTokenAt, usage)));
	return 0;
}

// By shape: the client (and errors.ts) load only when a request is made.
function isDashScopeError(error: unknown): error is DashScopeError {
	return error instanceof Error && 'classified' in error;
}

function usageLine(
	modelId: string,
	started: number,
	firstTokenAt: number | undefined,
	usage: Extract<StreamEvent, {type: 'usage'}> | undefined,
): string {
	const ended = performance.now();
	const parts = [modelId];
	if (usage) parts.push(`${usage.promptTokens} tokens in, ${usage.completionTokens} out`);
	if (firstTokenAt !== undefined) {
		parts.push(`first token ${Math.round(firstTokenAt - started)} ms`);
		const seconds = (ended - firstTokenAt) / 1000;
		if (usage && seconds > 0) parts.push(`${(usage.completionTokens / seconds).toFixed(1)} tokens/s`);
	}

	parts.push(`total ${((ended - started) / 1000).toFixed(2)} s`);
	return parts.join(' · ');
}
