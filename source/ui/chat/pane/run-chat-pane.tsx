import {render} from 'ink';
import {createDashScopeClient} from '../../../core/dashscope-client.js';
import type {Env} from '../../../core/env.js';
import {exitCodeForSignal} from '../../../core/exit-codes.js';
import {classifyApiError, DashScopeError, type ClassifiedError} from '../../../core/errors.js';
import {loadImageAttachment, type ImageAttachment} from '../../../core/images.js';
import type {ModelInfo, ModelProvider} from '../../../core/models.js';
import type {Region} from '../../../core/regions.js';
import {ThemeProvider, themeFor, wantsColor} from '../../components/theme.js';
import {listenForInterrupts} from '../../interrupts.js';
import {catchEarlyKeys} from '../../keys/early-keys.js';
import {loadMarkdownRenderer} from '../markdown/markdown-renderer.js';
import {osc52} from '../terminal/osc52.js';
import {createReflowStdout} from '../terminal/reflow-stdout.js';
import {terminalReflows} from '../terminal/terminal-reflow.js';
import {saveTranscriptFile} from '../transcript/save-transcript-file.js';
import {ChatPane} from './chat-pane.js';
import type {PaneSessions} from './pane-sessions.js';

/** What the pane is opened with, once the checks before a chat have passed (cli/chat-pane-input.ts). */
export type PaneInput = {
	/** The DashScope key, or a fresh OAuth access token. */
	apiKey: string;
	requestBaseUrl: string;
	/** undefined for a custom gateway or the OAuth portal. */
	region?: Region;
	/** 'portal' when signed in with Qwen OAuth. */
	provider: ModelProvider;
	/** The /model table's rows for the credential in use. */
	pickerModels: readonly ModelInfo[];
	/** The user's own aliases from openclaw.json (lower-cased alias → model id), for /model and /retry. */
	modelAliases: Readonly<Record<string, string>>;
	/** Where the header and status line say the chat goes. */
	endpointLabel: string;
	modelId: string;
	images?: ImageAttachment[];
	timeoutMs?: number;
	/** A failed request's error, explained (a rejected key may belong to another region); `signal` stops the asking. */
	explain(error: unknown, signal?: AbortSignal): Promise<ClassifiedError>;
	/** What relative and `~` paths in /image and /save start from. */
	cwd: string;
	home: string;
	/** Saved conversations; closed when the pane ends. */
	sessions?: PaneSessions;
};

export type RunChatPaneOptions = PaneInput & {
	/** The terminal's abilities: colour, NO_COLOR, whether it rewraps lines on a resize. */
	env: Env;
	/** Streams default to the process's; tests and benchmarks hand in their own. */
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	stderr?: NodeJS.WriteStream;
};

/**
 * The interactive chat. Runs on the normal screen: finished messages go to
 * scrollback once and stay there after exit. Resolves with the exit code.
 */
export async function runChatPane(options: RunChatPaneOptions): Promise<number> {
	const {env, apiKey, region, provider, images, timeoutMs} = options;
	const regionLabel = region?.label;
	const client = createDashScopeClient({
		apiKey,
		env,
		baseUrl: options.requestBaseUrl,
		...(timeoutMs ? {timeoutMs} : {}),
		...(regionLabel ? {regionLabel} : {}),
	});
	const classify = (error: unknown, model: string) => classifyApiError(error, {...(regionLabel ? {regionLabel} : {}), model});
	// The pane has the error classified already; explain takes it as the client threw it.
	const explain = async (error: ClassifiedError, signal: AbortSignal) => options.explain(new DashScopeError(error), signal);

	// A saved conversation's answers are in the first frame; a new pane loads the renderer after it.
	if (options.sessions?.resumed) await loadMarkdownRenderer();
	const stdout = options.stdout ?? process.stdout;
	const screen = createReflowStdout(stdout, {reflows: terminalReflows(env)});
	// Listening before the first frame: a Ctrl+C that beats raw mode arrives as
	// SIGINT and counts as the key; SIGTERM and SIGHUP end the pane, restoring
	// the terminal, with the usual 128 + signal number.
	const signals = listenForInterrupts();
	let exitCode = 0;
	const pane: {unmount?: () => void} = {};
	const interrupts = {
		subscribe: (press: () => void) =>
			signals.subscribe(signal => {
				if (signal === 'SIGINT') {
					press();
					return;
				}

				exitCode = exitCodeForSignal(signal);
				pane.unmount?.();
			}),
	};
	// Raw mode before the first frame, so keys typed while the pane starts (an Enter
	// included) reach the prompt as typed once it is up.
	const earlyKeys = catchEarlyKeys(options.stdin ?? process.stdin);
	// Straight to the terminal, between two of Ink's frames: the sequence draws nothing.
	const copyToClipboard = (text: string) => {
		stdout.write(osc52(text, env));
	};
	const instance = render(
		<ThemeProvider theme={themeFor(env, stdout)}>
			<ChatPane
				client={client}
				model={options.modelId}
				provider={provider}
				modelAliases={options.modelAliases}
				pickerModels={options.pickerModels}
				endpointLabel={options.endpointLabel}
				{...(region ? {regionId: region.id} : {})}
				{...(images ? {images} : {})}
				color={wantsColor(env, stdout)}
				classify={classify}
				explain={explain}
				secrets={[apiKey]}
				cwd={options.cwd}
				home={options.home}
				loadImage={loadImageAttachment}
				saveTranscript={saveTranscriptFile}
				interrupts={interrupts}
				{...(options.sessions ? {sessions: options.sessions} : {})}
				copyToClipboard={copyToClipboard}
			/>
		</ThemeProvider>,
		{
			exitOnCtrlC: false,
			// Left to itself Ink goes non-interactive wherever CI is set (a CI shell, a
			// container that exports it): it prints <Static> output and holds the live
			// frame back until exit, so the pane shows its header over an empty screen.
			// The pane only opens on a terminal; a TTY is what decides.
			interactive: Boolean(stdout.isTTY),
			...(options.stdin ? {stdin: options.stdin} : {}),
			stdout: screen.stream,
			stderr: options.stderr ?? process.stderr,
		},
	);
	pane.unmount = () => {
		instance.unmount();
	};
	screen.attach(instance);
	try {
		await instance.waitUntilExit();
	} finally {
		earlyKeys.dispose();
		signals.dispose();
		screen.close();
		options.sessions?.store?.close();
	}

	return exitCode;
}
