import {useCallback, useEffect, useMemo, useState} from 'react';
import {resolve} from 'node:path';
import {Box, Static, useApp, useInput, useWindowSize} from 'ink';
import type {ChatMessage, DashScopeClient} from '../../core/dashscope-client.js';
import type {ClassifiedError} from '../../core/errors.js';
import type {ImageAttachment, ImageLoadResult} from '../../core/images.js';
import {findModel, supportsImages, visionModelFor, type ModelInfo, type ModelProvider} from '../../core/models.js';
import {expandTilde} from '../../core/paths.js';
import type {RegionId} from '../../core/regions.js';
import {resolveModel} from '../../core/resolve-model.js';
import {KeyHints} from '../components/key-hints.js';
import {ModelPicker} from '../components/model-picker.js';
import {transcriptMarkdown} from './conversation.js';
import {ConfirmLine} from './confirm-line.js';
import {footerHints} from './keys.js';
import {LiveTurn} from './live-turn.js';
import {PromptInput, promptRows} from './prompt-input.js';
import {parseLine, THINKING_MODEL_IDS, type SlashCommand} from './slash-commands.js';
import {StatusLine} from './status-line.js';
import {chatReducer, initialChatState, type ChatState} from './transcript.js';
import {AnswerSlice, TranscriptEntry} from './transcript-entry.js';
import {useStaticFeed} from './use-static-feed.js';
import {useChatSession} from './use-chat-session.js';
import {usePromptEditor} from './use-prompt-editor.js';

export type ChatAppProps = {
	readonly client: DashScopeClient;
	readonly model: string;
	readonly provider: ModelProvider;
	/** The /model table's rows. */
	readonly pickerModels: readonly ModelInfo[];
	/** Where the chat goes, for the header and status line: a region, the OAuth portal, a custom endpoint. */
	readonly endpointLabel: string;
	readonly regionId?: RegionId;
	/** Attached to the first message. */
	readonly images?: readonly ImageAttachment[];
	readonly color: boolean;
	readonly classify: (error: unknown, model: string) => ClassifiedError;
	/** Looks again at a failed turn's error (other regions for a rejected key); Esc aborts `signal`. */
	readonly explain?: (error: ClassifiedError, signal: AbortSignal) => Promise<ClassifiedError>;
	readonly preamble?: ChatMessage[];
	/** Kept out of /save files even if pasted into the chat. */
	readonly secrets?: readonly string[];
	/** What relative and `~` paths in /image and /save start from. */
	readonly cwd: string;
	readonly home: string;
	readonly loadImage: (path: string) => Promise<ImageLoadResult>;
	/** Writes /save's markdown to a new file; rejects with the reason it could not (code 'EEXIST': the file is there). */
	readonly saveTranscript: (path: string, markdown: string) => Promise<void>;
	readonly now?: () => number;
	/** SIGINT reaches the pane here; runChatPane decides what the other signals do. */
	readonly interrupts?: {subscribe(listener: () => void): () => void};
};

type Overlay =
	| {readonly kind: 'picker'; readonly regionModelIds?: readonly string[]}
	| {readonly kind: 'vision'; readonly image: ImageAttachment; readonly visionModel: string};

/** Footer, status (up to two rows) and the blank rows around them. */
const chromeRows = 5;
const doublePressMs = 1000;

export function ChatApp(props: ChatAppProps) {
	const {client, provider, endpointLabel, regionId, color, classify, explain, preamble, now = Date.now} = props;
	const {exit} = useApp();
	const {columns, rows} = useWindowSize();
	const width = Math.max(20, columns);

	const [model, setModel] = useState(props.model);
	const [thinking, setThinking] = useState<boolean | undefined>(undefined);
	const [images, setImages] = useState<readonly ImageAttachment[]>(props.images ?? []);
	const [overlay, setOverlay] = useState<Overlay | undefined>();
	const [exitArmedAt, setExitArmedAt] = useState<number | undefined>();
	const initialState = useMemo(() => welcomeState(props.model, endpointLabel), []); // eslint-disable-line react-hooks/exhaustive-deps
	const session = useChatSession({client, initialState, classify, explain, preamble, now});
	const {state, dispatch, isStreaming} = session;
	const notice = (text: string, tone?: 'info' | 'success' | 'warning') => dispatch({type: 'notice', text, ...(tone ? {tone} : {})});

	const offerVisionModel = useCallback(
		(image: ImageAttachment, currentModel: string) => {
			const info = findModel(currentModel);
			if (!info || supportsImages(info)) return false;
			setOverlay({kind: 'vision', image, visionModel: visionModelFor(provider)});
			return true;
		},
		[provider],
	);

	// Images given on the command line get the same offer as /image.
	useEffect(() => {
		const first = props.images?.[0];
		if (first) offerVisionModel(first, props.model);
	}, []); // eslint-disable-line react-hooks/exhaustive-deps

	const runCommand = async (command: SlashCommand) => {
		switch (command.name) {
			case 'help': {
				dispatch({type: 'help'});
				break;
			}

			case 'exit': {
				session.interrupt();
				exit();
				break;
			}

			case 'clear': {
				// The answer being streamed joins the conversation when it ends, so a clear now would not hold.
				if (isStreaming) {
					notice('Stop the answer first (Esc), then /clear.', 'warning');
					break;
				}

				setImages([]);
				dispatch({type: 'clear'});
				break;
			}

			case 'model': {
				if (command.model === undefined) {
					setOverlay({kind: 'picker'});
					// The region's own list marks models it does not serve; the table works without it.
					client.listModels().then(
						ids => setOverlay(current => (current?.kind === 'picker' ? {kind: 'picker', regionModelIds: ids} : current)),
						() => undefined,
					);
					break;
				}

				switchModel(command.model);
				break;
			}

			case 'think': {
				const enabled = command.enabled ?? !thinking;
				setThinking(enabled);
				const info = findModel(model);
				const note = info && !info.thinking ? ` ${model} has no thinking mode; it applies to ${THINKING_MODEL_IDS}.` : '';
				notice(`Thinking ${enabled ? 'on' : 'off'} for the next messages.${note}`, note ? 'warning' : 'info');
				break;
			}

			case 'image': {
				const path = resolvePath(command.path);
				const result = await props.loadImage(path);
				if (!result.ok) {
					notice(result.message, 'warning');
					break;
				}

				setImages(current => [...current, result.image]);
				if (!offerVisionModel(result.image, model)) {
					notice(`Attached ${result.image.path} (${formatBytes(result.image.bytes)}); it goes with your next message.`, 'success');
				}

				break;
			}

			case 'save': {
				const path = resolvePath(command.path);
				const markdown = transcriptMarkdown(state.exchanges, {savedAt: new Date(now()), secrets: props.secrets ?? []});
				try {
					await props.saveTranscript(path, markdown);
					notice(`Saved ${state.exchanges.length} exchange${state.exchanges.length === 1 ? '' : 's'} to ${path}.`, 'success');
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
						notice(`${path} already exists; nothing was written. Save under another name: /save <other file>.`, 'warning');
					} else {
						notice(`Could not write ${path}: ${(error as Error).message}. Check the folder exists and is writable.`, 'warning');
					}
				}

				break;
			}
		}
	};

	const resolvePath = (path: string) => resolve(props.cwd, expandTilde(path, props.home));

	const switchModel = (input: string) => {
		const resolution = resolveModel(input, {provider});
		if (!resolution.ok) {
			notice(`${resolution.message}${resolution.suggestion ? ` Try /model ${resolution.suggestion}.` : ''}`, 'warning');
			return;
		}

		setModel(resolution.id);
		const name = resolution.model ? `${resolution.model.name} (${resolution.id})` : resolution.id;
		notice(`Now chatting with ${name}.`, 'success');
		for (const note of resolution.notes) notice(note, 'warning');
	};

	const onSubmit = (line: string) => {
		const parsed = parseLine(line);
		if (parsed.kind === 'invalid') {
			notice(parsed.message, 'warning');
			return;
		}

		if (parsed.kind === 'command') {
			void runCommand(parsed.command);
			return;
		}

		const info = findModel(model);
		const sent = session.send(
			{text: parsed.text, images},
			{
				model,
				textOnly: info !== undefined && !supportsImages(info),
				...(thinking !== undefined && (!info || info.thinking) ? {enableThinking: thinking} : {}),
			},
		);
		if (!sent) {
			notice('An answer is still streaming: wait for it, or press Esc to stop it, then send again.', 'warning');
			return;
		}

		setImages([]);
	};

	const prompt = usePromptEditor({isActive: overlay === undefined, onSubmit});
	const feed = useStaticFeed(state.entries, {width, color});

	const pressCtrlC = () => {
		const at = now();
		if (exitArmedAt !== undefined && at - exitArmedAt < doublePressMs) {
			session.interrupt();
			exit();
			return;
		}

		setExitArmedAt(at);
		if (!session.interrupt()) {
			if (overlay) setOverlay(undefined);
			else prompt.clear();
		}
	};

	// A SIGINT (Ctrl+C before raw mode, or kill -INT) counts as the key.
	const {interrupts} = props;
	useEffect(() => interrupts?.subscribe(pressCtrlC));

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			pressCtrlC();
			return;
		}

		if (key.escape && overlay === undefined) {
			session.interrupt();
			return;
		}

		if (key.ctrl && input === 'o') dispatch({type: 'toggle-reasoning'});
	});

	// The "press again" hint goes away when the second press did not come.
	useEffect(() => {
		if (exitArmedAt === undefined) return;
		const timer = setTimeout(() => setExitArmedAt(undefined), doublePressMs);
		return () => clearTimeout(timer);
	}, [exitArmedAt]);

	const maxPromptRows = Math.max(1, Math.min(8, Math.floor(rows / 4)));
	const promptHeight = overlay ? 1 : promptRows(prompt.state, width, maxPromptRows);
	// The live area takes at most half the free rows: a terminal that rewraps it
	// on a shrink to half the width still has it all on screen, where it can be
	// erased, instead of pushing its top into scrollback as a stale copy.
	const liveRows = Math.max(1, Math.floor((rows - chromeRows - promptHeight - 2) / 2));

	return (
		<>
			<Static items={feed}>
				{item =>
					item.kind === 'answer' ? (
						<AnswerSlice key={item.key} text={item.text} first={item.first} />
					) : (
						<TranscriptEntry key={item.key} entry={item.entry} width={width} color={color} />
					)
				}
			</Static>
			{/* No fixed width: the frame drawn right after a shrink, before React has the new
			    width, is cut to the terminal by Ink's layout instead of wrapping in it. */}
			<Box flexDirection="column">
				{state.live ? (
					<LiveTurn
						turn={state.live}
						rows={liveRows}
						width={width}
						color={color}
						reasoningCollapsed={state.reasoningCollapsed}
					/>
				) : undefined}
				<Box marginTop={1} flexDirection="column">
					{overlay?.kind === 'picker' ? (
						<ModelPicker
							models={props.pickerModels}
							{...(overlay.regionModelIds ? {regionModelIds: overlay.regionModelIds} : {})}
							{...(regionId ? {regionId} : {})}
							initialId={model}
							width={width}
							height={Math.max(6, rows - chromeRows - 2)}
							onPick={id => {
								setOverlay(undefined);
								switchModel(id);
							}}
							onCancel={() => setOverlay(undefined)}
						/>
					) : overlay?.kind === 'vision' ? (
						<ConfirmLine
							question={`${model} does not read images. Switch to ${overlay.visionModel} for this chat?`}
							onAnswer={yes => {
								setOverlay(undefined);
								if (yes) {
									switchModel(overlay.visionModel);
									notice(`Attached ${overlay.image.path}; it goes with your next message.`, 'success');
								} else {
									setImages(current => current.filter(image => image !== overlay.image));
									notice(`${overlay.image.path} was not attached: ${model} only reads text.`, 'warning');
								}
							}}
						/>
					) : (
						<PromptInput
							editor={prompt.state}
							width={width}
							maxRows={maxPromptRows}
							isBusy={isStreaming}
							placeholder={isStreaming ? 'Esc stops the answer; you can type ahead' : 'Ask anything, or /help'}
						/>
					)}
				</Box>
				<Box marginTop={1} flexDirection="column">
					<StatusLine
						model={model}
						endpointLabel={endpointLabel}
						{...(thinking === undefined ? {} : {thinking})}
						attachedImages={images.length}
						{...(state.lastAnswer ? {lastAnswer: state.lastAnswer} : {})}
						isStreaming={isStreaming}
						width={width}
					/>
					<KeyHints
						hints={footerHints({
							mode: isStreaming ? 'streaming' : 'typing',
							exitArmed: exitArmedAt !== undefined,
							overlay: overlay !== undefined,
						})}
					/>
				</Box>
			</Box>
		</>
	);
}

function welcomeState(model: string, endpointLabel: string): ChatState {
	const info = findModel(model);
	const name = info ? `${info.name} (${model})` : model;
	return chatReducer(initialChatState, {
		type: 'notice',
		text: `openclaw chat · ${name} · ${endpointLabel}\nType /help for commands, Ctrl+C twice to leave.`,
	});
}

function formatBytes(bytes: number): string {
	return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
