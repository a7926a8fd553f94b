/**
 * The chat pane's container: holds the pane's state and the conversation,
 * turns keys and typed lines into actions, and hands the views their data.
 * What each action does is in pane-actions.ts; what the commands are, in
 * commands/registry.ts.
 */
import {useEffect, useEffectEvent, useReducer, useState} from 'react';
import {useApp, useInput, useWindowSize} from 'ink';
import type {DashScopeClient} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ImageAttachment, ImageLoadResult} from '../../../core/images.js';
import {findModel, visionModelFor, type ModelInfo, type ModelProvider} from '../../../core/models.js';
import type {RegionId} from '../../../core/regions.js';
import {parseLine} from '../commands/parse-line.js';
import {footerHints} from '../commands/pane-keys.js';
import {runSlashCommand} from '../commands/registry.js';
import {usePromptEditor} from '../prompt/use-prompt-editor.js';
import {useChatSession} from '../stream/use-chat-session.js';
import {chatReducer, initialChatState, type ChatState} from '../transcript/transcript-state.js';
import {useStaticFeed} from '../transcript/use-static-feed.js';
import {InputArea} from './input-area.js';
import {DOUBLE_PRESS_MS, initialPaneState, isSecondPress, paneReducer} from './pane-state.js';
import {PaneView} from './pane-view.js';
import {rowBudget} from './row-budget.js';
import {usePaneActions} from './use-pane-actions.js';

export type ChatPaneProps = {
	readonly client: DashScopeClient;
	readonly model: string;
	/** 'portal' under Qwen OAuth: its models, its vision model, its system message. */
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

const noSecrets: readonly string[] = [];

export function ChatPane(props: ChatPaneProps) {
	const {client, provider, endpointLabel, color, classify, explain, interrupts, now = Date.now} = props;
	const {exit} = useApp();
	const {columns, rows} = useWindowSize();
	const width = Math.max(20, columns);

	const [pane, dispatch] = useReducer(paneReducer, undefined, () =>
		initialPaneState(props.model, props.images ?? [], visionModelFor(provider)),
	);
	const [initialTranscript] = useState(() => welcomeState(props.model, endpointLabel));
	const session = useChatSession({client, initialState: initialTranscript, classify, explain, provider, now});
	const {state, isStreaming, interrupt} = session;
	const actions = usePaneActions({
		pane,
		dispatch,
		session,
		client,
		provider,
		cwd: props.cwd,
		home: props.home,
		loadImage: props.loadImage,
		saveTranscript: props.saveTranscript,
		secrets: props.secrets ?? noSecrets,
		now,
	});

	const prompt = usePromptEditor({
		isActive: pane.overlay === undefined,
		onSubmit(line) {
			const parsed = parseLine(line);
			if (parsed.kind === 'invalid') actions.notice(parsed.message, 'warning');
			else if (parsed.kind === 'command') void runSlashCommand(parsed.command, actions);
			else actions.sendMessage(parsed.text);
		},
	});
	const feed = useStaticFeed(state.entries, {width, color});

	const pressCtrlC = () => {
		const at = now();
		const stoppedAnswer = interrupt();
		dispatch({type: 'ctrl-c', at, stoppedAnswer});
		// A press that stopped nothing and closed nothing clears the prompt; the second of a double press only leaves.
		if (!stoppedAnswer && pane.overlay === undefined && !isSecondPress(pane, at)) prompt.clear();
	};

	// A SIGINT (Ctrl+C before raw mode, or kill -INT) counts as the key.
	const onInterrupt = useEffectEvent(pressCtrlC);
	useEffect(() => interrupts?.subscribe(() => onInterrupt()), [interrupts]);

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			pressCtrlC();
			return;
		}

		if (key.escape && pane.overlay === undefined) {
			interrupt();
			return;
		}

		if (key.ctrl && input === 'o') session.dispatch({type: 'toggle-reasoning'});
	});

	useEffect(() => {
		if (!pane.leaving) return;
		interrupt();
		exit();
	}, [pane.leaving, interrupt, exit]);

	// The "press again" hint goes away when the second press did not come.
	useEffect(() => {
		const armedAt = pane.exitArmedAt;
		if (armedAt === undefined) return;
		const timer = setTimeout(() => dispatch({type: 'exit-expired', armedAt}), DOUBLE_PRESS_MS);
		return () => clearTimeout(timer);
	}, [pane.exitArmedAt]);

	const budget = rowBudget({rows, width, prompt: prompt.state, overlay: pane.overlay !== undefined});

	return (
		<PaneView
			feed={feed}
			width={width}
			color={color}
			{...(state.live ? {live: state.live} : {})}
			liveRows={budget.liveRows}
			reasoningCollapsed={state.reasoningCollapsed}
			input={
				<InputArea
					{...(pane.overlay ? {overlay: pane.overlay} : {})}
					model={pane.model}
					pickerModels={props.pickerModels}
					{...(props.regionId ? {regionId: props.regionId} : {})}
					width={width}
					pickerRows={budget.pickerRows}
					prompt={prompt.state}
					maxPromptRows={budget.maxPromptRows}
					isStreaming={isStreaming}
					onPick={actions.pickModel}
					onClosePicker={actions.closeOverlay}
					onVisionAnswer={actions.answerVisionOffer}
				/>
			}
			status={{
				model: pane.model,
				endpointLabel,
				...(pane.thinking === undefined ? {} : {thinking: pane.thinking}),
				attachedImages: pane.images.length,
				...(state.lastAnswer ? {lastAnswer: state.lastAnswer} : {}),
				isStreaming,
				width,
			}}
			hints={footerHints({
				mode: isStreaming ? 'streaming' : 'typing',
				exitArmed: pane.exitArmedAt !== undefined,
				overlay: pane.overlay !== undefined,
			})}
		/>
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
