/**
 * `openclaw chat "prompt"`: one question, the answer streamed to stdout as it
 * arrives. Content deltas go to the stream in as few writes as keep it prompt
 * (this path is benchmarked against the bare SDK); everything else (reasoning,
 * usage and its estimated cost, notes, errors) goes to stderr so stdout stays
 * the answer alone.
 */
import {chatRequestMessages, sentHistory} from '../core/chat-request.js';
import {loadEffectiveSetup} from '../core/credentials.js';
import type {StreamEvent} from '../core/dashscope-client.js';
import type {ClassifiedError, DashScopeError} from '../core/errors.js';
import {exitCodeForSignal} from '../core/exit-codes.js';
import {tokensPerSecond} from '../core/token-rate.js';
import type {CommandContext} from '../cli/context.js';
import {isInteractive} from '../cli/context.js';
import {usageError} from '../core/app-error.js';
import {failure} from '../cli/failure.js';
import {coalescedOutput} from '../cli/coalesced-output.js';
import {loadCheckedImages, preflightChat, printSetupWarnings, rejectedKeyExplainer, sendingKey} from '../cli/chat-preflight.js';
import {readStdin} from '../cli/read-stdin.js';
import {printProblem} from '../cli/report-error.js';
import {AppError} from '../core/app-error.js';
import {command, CONTINUE_PROMPT, outputLimitNote, thinkingCostNote, waitingForStdinNotice} from '../core/messages.js';
import {thinkingOption} from '../core/models.js';
import type {RegionId} from '../core/regions.js';
import {cacheShare} from '../core/usage/estimate-cost.js';
import {costOf, describeCost, meteredJson, usageFromEvent, wasCutOff, type MeteredRequest} from '../core/usage/metered-request.js';
import {ControlFilter} from '../core/terminal-text.js';
import {findConversation, sessionChoice, type SessionChoice, type SessionFlags} from '../cli/chat-sessions.js';
import {savingOn} from '../cli/no-save.js';
import {finishOneShotRecording, prepareOneShotRecording} from '../cli/one-shot-recording.js';

/** The session flags (-c, --resume, --session, --no-save) say which saved conversation it goes on with. */
export type ChatOptions = SessionFlags & {
	prompt: string[];
	model?: string;
	image: string[];
	verbose?: boolean;
	think?: boolean;
	/** Write the answer to a pipe as the service sent it, control characters included. */
	raw?: boolean;
	/** 'json': the request's usage and estimated cost as one JSON line, the last on stderr. */
	usage?: string;
};

/** What --usage accepts. */
const USAGE_FORMATS = ['json'] as const;

/** Exit code for a run stopped with Ctrl+C (128 + SIGINT). */
const INTERRUPTED_EXIT_CODE = exitCodeForSignal('SIGINT');

export async function runChat(context: CommandContext, options: ChatOptions): Promise<number> {
	if (options.model !== undefined && options.model.trim() === '') {
		throw usageError(
			'No model given: --model was empty; it takes a model id or alias.',
			[],
			`Pass one such as qwen-plus (\`${command('models list')}\` shows them all), or leave --model out for the default model.`,
		);
	}
	if (options.usage !== undefined && !(USAGE_FORMATS as readonly string[]).includes(options.usage)) {
		throw usageError(
			`--usage takes ${USAGE_FORMATS.join(' or ')}, not "${options.usage}".`,
			[`  ${command('chat --usage json ')}"…" 2>usage.json   # the usage and estimated cost as the last line on stderr`],
			'Use --usage json, or --verbose for a line a person reads.',
		);
	}

	let prompt = options.prompt.join(' ').trim();
	const choice = sessionChoice(options);
	const save = savingOn(options.save, context.env);
	if (!prompt && isInteractive(context)) return openPane(context, options, choice, save);
	if (choice.kind === 'pick') {
		throw usageError('--resume without a session picks one from a list, which needs a terminal.', [
			`Name it instead: ${command('chat --session <id|title> "…"')}`,
			`The ids: ${command('sessions list')}`,
		]);
	}

	if (context.stdin.isTTY !== true) {
		const withPrompt = prompt !== '';
		const piped = (await readStdin(context.stdin, {onQuiet: () => context.warn(context.err.dim(waitingForStdinNotice(withPrompt)))})).trim();
		if (piped) prompt = prompt ? `${prompt}\n\n${piped}` : piped;
	}

	if (!prompt) {
		throw usageError('No prompt given.', [
			'Pass one as an argument or pipe it on stdin:',
			`  ${command('chat ')}"Hello, write a quicksort algorithm"`,
			`  echo "Explain this" | ${command('chat')}`,
		]);
	}

	// Going on with a saved conversation: its model, unless --model says otherwise.
	const continued = choice.kind === 'new' ? undefined : findConversation(context.env, choice, save);
	const checked = preflightChat(context, loadEffectiveSetup(context.env), options.model ?? continued?.session.model);
	const {setup, modelId} = checked;
	const images = await loadCheckedImages(
		checked,
		options.image,
		({visionModelId}) =>
			failure(`${modelId} does not accept images; nothing was sent.`, {
				details: [`Use a vision model: ${command(`chat --model ${visionModelId} --image ${options.image[0] ?? '<file>'} "…"`)}`],
			}),
	);

	// Setup warnings (say, no baseUrl configured) matter when a request fails; on success they are noise unless asked for.
	if (options.verbose) printSetupWarnings(context, setup);
	const region = setup.region?.id;
	// Thinking is paid for as output, often at a higher rate: said before anything is spent.
	if (options.think) context.warn(context.err.dim(`thinking: ${thinkingCostNote(modelId, region)}`));
	const apiKey = await sendingKey(context, checked);
	const {createDashScopeClient} = await import('../core/dashscope-client.js');
	const client = createDashScopeClient({
		apiKey,
		env: context.env,
		...(checked.timeoutMs ? {timeoutMs: checked.timeoutMs} : {}),
		baseUrl: setup.requestBaseUrl,
		...(setup.region ? {regionLabel: setup.region.label} : {}),
	});
	const explain = rejectedKeyExplainer(context, checked, apiKey);
	const recording = prepareOneShotRecording({env: context.env, save, ...(continued ? {continued} : {}), secrets: [apiKey]});
	const history = sentHistory(recording.history, continued?.summary);
	const messages = chatRequestMessages({provider: checked.provider, history, question: {text: prompt, images}});
	// --think on a model without a thinking mode sends nothing (the note above says so), and is not priced as thinking.
	const thinkingRequested = thinkingOption(modelId, options.think === true ? true : undefined);
	const thinking = thinkingRequested.enableThinking === true;
	const recorded = recording.begin({text: prompt, images, model: modelId}, {...(region ? {region} : {}), thinking});
	const {code, metered, outcome} = await streamAnswer(context, {
		stream: signal => recorded.watch(client.streamChat({model: modelId, messages, signal, ...thinkingRequested})),
		modelId,
		...(region ? {region} : {}),
		thinking,
		verbose: options.verbose === true,
		raw: options.raw === true,
		continueHint: save,
		async explain(error, signal) {
			if (!options.verbose) printSetupWarnings(context, setup);
			return explain(error, signal);
		},
	});
	finishOneShotRecording(context, recording, code, options.verbose === true);
	if (options.usage === 'json' && outcome) context.warn(JSON.stringify({...meteredJson(metered), outcome}));
	return code;
}

async function openPane(context: CommandContext, options: ChatOptions, choice: SessionChoice, save: boolean): Promise<number> {
	const {launchChatPane} = await import('../cli/ui-launch.js');
	return launchChatPane(context, loadEffectiveSetup(context.env), options.model, options.image, {choice, save});
}

type StreamRun = {
	stream(signal: AbortSignal): AsyncIterable<StreamEvent>;
	modelId: string;
	/** Where the request goes, for its price; undefined for a custom endpoint or the OAuth portal. */
	region?: RegionId;
	thinking: boolean;
	verbose: boolean;
	raw: boolean;
	/** The conversation is saved: a cut-off answer can be followed up with -c. */
	continueHint: boolean;
	/** What to tell the user about a failure the client classified. */
	explain(error: DashScopeError, signal: AbortSignal): Promise<ClassifiedError>;
};

/** How the run ended and the request as billed; `outcome` is undefined when the reader went away. */
type StreamResult = {code: number; metered: MeteredRequest; outcome?: 'done' | 'interrupted' | 'failed'};

async function streamAnswer(context: CommandContext, run: StreamRun): Promise<StreamResult> {
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
	let finishReason: string | null = null;
	const metered = (): MeteredRequest => ({
		model: run.modelId,
		...(run.region ? {region: run.region} : {}),
		thinking: run.thinking,
		...(finishReason === null ? {} : {finishReason}),
		...(usage ? {usage: usageFromEvent(usage)} : {}),
	});
	// The model's text must not drive a terminal (an OSC sequence retitles the window or writes the clipboard,
	// others clear the screen), nor whatever later shows a piped copy: only printable text, tabs and newlines go
	// out, unless --raw asks for the bytes as sent (never on a terminal).
	const contentFilter = run.raw && !stdout.isTTY ? undefined : new ControlFilter();
	const reasoningFilter = run.raw && !stderr.isTTY ? undefined : new ControlFilter();
	try {
		for await (const event of run.stream(controller.signal)) {
			if (event.type === 'content') {
				const text = contentFilter ? contentFilter.push(event.text) : event.text;
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
				const text = reasoningFilter ? reasoningFilter.push(event.text) : event.text;
				if (run.verbose && text) {
					answer.flush();
					stderr.write(err.dim(text));
					reasoningOpen = true;
				}
			} else if (event.type === 'usage') {
				usage = event;
			} else if (event.type === 'retry') {
				if (run.verbose) context.warn(err.dim(`retrying in ${(event.delayMs / 1000).toFixed(1)} s (${event.reason.replace(/_/g, ' ')}, attempt ${event.attempt})`));
			} else if (event.type === 'done') {
				finishReason = event.finishReason;
			}
		}

		if (interrupted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
		if (stdoutError) throw stdoutError;
	} catch (error) {
		if (readerGone()) return {code: 0, metered: metered()};
		if (stdoutError) throw stdoutError;
		answer.flush();
		if (reasoningOpen) stderr.write('\n');
		if (wroteContent && !lastText.endsWith('\n')) stdout.write('\n');
		if (interrupted) {
			context.warn('interrupted');
			return {code: INTERRUPTED_EXIT_CODE, metered: metered(), outcome: 'interrupted'};
		}

		if (isDashScopeError(error)) {
			// Ctrl+C while the other regions are asked about a refused key stops the asking.
			printProblem(context, await run.explain(error, controller.signal));
			if (interrupted) {
				context.warn('interrupted');
				return {code: INTERRUPTED_EXIT_CODE, metered: metered(), outcome: 'failed'};
			}

			return {code: 1, metered: metered(), outcome: 'failed'};
		}

		throw error;
	} finally {
		process.off('SIGINT', onSigint);
	}

	answer.flush();
	if (reasoningOpen) stderr.write('\n');
	if (wroteContent && !lastText.endsWith('\n')) stdout.write('\n');
	const request = metered();
	if (wasCutOff(request)) {
		const more = run.continueHint ? ` Ask for the rest: ${command(`chat -c "${CONTINUE_PROMPT}"`)}` : '';
		context.warn(err.yellow(`note: ${outputLimitNote(usage?.completionTokens)}; the answer is cut short (finish_reason: length).${more}`));
	}
	if (run.verbose) context.warn(err.dim(usageLine(request, started, firstTokenAt)));
	return {code: 0, metered: request, outcome: 'done'};
}

function isDashScopeError(error: unknown): error is DashScopeError {
	return error instanceof AppError && 'classified' in error;
}

/** The model, the tokens, the estimated cost with its input tier, and the times. */
function usageLine(request: MeteredRequest, started: number, firstTokenAt: number | undefined): string {
	const ended = performance.now();
	const {usage} = request;
	const parts = [request.model];
	// "est.": a figure from the price list, not from the bill.
	if (usage) parts.push(tokenCounts(usage), costOf(request) ? `est. ${describeCost(request)}` : describeCost(request));
	if (firstTokenAt !== undefined) {
		parts.push(`first token ${Math.round(firstTokenAt - started)} ms`);
		const rate = usage ? tokensPerSecond(usage.completionTokens, ended - firstTokenAt) : undefined;
		if (rate !== undefined) parts.push(`${rate.toFixed(1)} tokens/s`);
	}

	parts.push(`total ${((ended - started) / 1000).toFixed(2)} s`);
	return parts.join(' · ');
}

/** "22 tokens in (20 cached, cache 91%), 17 out (12 reasoning)": the details only when the service sent them. */
function tokenCounts(usage: NonNullable<MeteredRequest['usage']>): string {
	const input: string[] = [];
	const share = cacheShare(usage);
	if (usage.cachedTokens) input.push(`${usage.cachedTokens} cached${share === undefined ? '' : `, cache ${Math.round(share * 100)}%`}`);
	if (usage.cacheCreationTokens) input.push(`${usage.cacheCreationTokens} written to cache`);
	const output = usage.reasoningTokens ? ` (${usage.reasoningTokens} reasoning)` : '';
	return `${usage.promptTokens} tokens in${input.length > 0 ? ` (${input.join(', ')})` : ''}, ${usage.completionTokens} out${output}`;
}
