/**
 * The chat pane's container: holds the pane's state and the conversation,
 * turns keys and typed lines into actions, and hands the views their data.
 * What each action does is in pane-actions.ts; what the commands are, in
 * slash-commands/registry.ts.
 */
import {useCallback, useEffect, useEffectEvent, useMemo, useState} from 'react';
import {useApp, useInput, useWindowSize, type Key} from 'ink';
import {contextTokens, WARN_SHARE, windowFor} from '../../../core/conversation/context-meter.js';
import type {DashScopeClient} from '../../../core/dashscope-client.js';
import type {ClassifiedError} from '../../../core/errors.js';
import type {ImageAttachment, ImageLoadResult} from '../../../core/images.js';
import {findModel, thinkingOption, visionModelFor, type ModelInfo, type ModelProvider} from '../../../core/models.js';
import type {RegionId} from '../../../core/regions.js';
import {estimateQuestionTokens} from '../../../core/usage/estimate-tokens.js';
import {parseLine} from '../slash-commands/parse-line.js';
import {footerHints} from '../slash-commands/pane-keys.js';
import {runSlashCommand} from '../slash-commands/registry.js';
import {eachKey} from '../../keys/each-key.js';
import {useLatestReducer} from '../../keys/use-latest-reducer.js';
import {menuEntries} from '../prompt/prompt-keys.js';
import {useMarkdownRenderer} from '../markdown/markdown-renderer.js';
import {usePromptEditor} from '../prompt/use-prompt-editor.js';
import {useChatSession} from '../stream/use-chat-session.js';
import {chatReducer, initialChatState, type ChatState} from '../transcript/transcript-state.js';
import {withPaneAdvice} from '../transcript/pane-advice.js';
import {useStaticFeed} from '../transcript/use-static-feed.js';
import {nearlyFullNotice, windowFacts} from './context-notices.js';
import {InputArea} from './input-area.js';
import {resumeAction, type PaneSessions} from './pane-sessions.js';
import {canQueue, DOUBLE_PRESS_MS, initialPaneState, isSecondEsc, isSecondPress, paneReducer, queuedMessageAfter} from './pane-state.js';
import {PaneView} from './pane-view.js';
import {rowBudget} from './row-budget.js';
import {usePaneActions} from './use-pane-actions.js';
import {useSessionRecorder} from './use-session-recorder.js';
import {command} from '../../../core/program-name.js';

export type ChatPaneProps = {
	readonly client: DashScopeClient;
	readonly model: string;
	/** 'portal' under Qwen OAuth: its models, its vision model, its system message. */
	readonly provider: ModelProvider;
	/** The /model table's rows. */
	readonly pickerModels: readonly ModelInfo[];
	/** The user's own aliases (lower-cased alias → model id); they win over the registry's. Default none. */
	readonly modelAliases?: Readonly<Record<string, string>>;
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
	/** Saved conversations: where this one is saved, the one it opens on, earlier prompts. Without it nothing is saved. */
	readonly sessions?: PaneSessions;
	/** Sends text to the terminal's clipboard (/copy). */
	readonly copyToClipboard?: (text: string) => void;
};

const noSecrets: readonly string[] = [];
const noSessions: PaneSessions = {save: false, history: [], notice: 'this pane saves nothing.'};

export function ChatPane(props: ChatPaneProps) {
	const {client, provider, endpointLabel, color, classify, explain, interrupts, now = Date.now} = props;
	const {exit} = useApp();
	const {columns, rows} = useWindowSize();
	const width = Math.max(20, columns);

	const sessions = props.sessions ?? noSessions;
	const secrets = props.secrets ?? noSecrets;
	const [pane, dispatch, latestPane] = useLatestReducer(paneReducer, () =>
		initialPaneState(props.model, props.images ?? [], visionModelFor(provider), sessions.pickFirst === true),
	);
	const [initialTranscript] = useState(() => openingState(props.model, endpointLabel, props.sessions));
	const [advise] = useState(() => (error: ClassifiedError) => withPaneAdvice(error, {visionModel: visionModelFor(provider)}));
	const session = useChatSession({client, initialState: initialTranscript, classify, explain, provider, advise, now});
	const {state, isStreaming, interrupt} = session;
	const recorder = useSessionRecorder(sessions, secrets, session.dispatch);
	const prompt = usePromptEditor({isActive: pane.overlay === undefined, history: sessions.history});
	const {restore: restorePrompt} = prompt;
	const actions = usePaneActions(
		{
			pane,
			dispatch,
			session,
			client,
			provider,
			modelAliases: props.modelAliases ?? {},
			endpointLabel,
			...(props.regionId ? {regionId: props.regionId} : {}),
			cwd: props.cwd,
			home: props.home,
			loadImage: props.loadImage,
			saveTranscript: props.saveTranscript,
			secrets,
			now,
			recorder,
			sessions,
			restorePrompt,
			...(props.copyToClipboard ? {copyToClipboard: props.copyToClipboard} : {}),
		},
		latestPane,
	);

	const renderMarkdown = useMarkdownRenderer();
	const feed = useStaticFeed(state.entries, {width, color}, renderMarkdown);

	const submitLine = (line: string) => {
		const parsed = parseLine(line);
		if (parsed.kind === 'invalid') {
			actions.notice(parsed.message, 'warning');
			return;
		}

		if (parsed.kind === 'command') {
			void runSlashCommand(parsed.command, actions);
			return;
		}

		if (actions.sendMessage(parsed.text) !== 'busy') return;
		// An answer is streaming: the message waits for it; a second one stays in the prompt.
		if (canQueue(latestPane())) dispatch({type: 'message-queued', text: parsed.text});
		else prompt.restore(line);
	};

	const pressCtrlC = () => {
		const at = now();
		const before = latestPane();
		const stoppedAnswer = interrupt();
		dispatch({type: 'ctrl-c', at, stoppedAnswer});
		// A press that stopped nothing and closed nothing clears the prompt; the second of a double press only leaves.
		if (!stoppedAnswer && before.overlay === undefined && !isSecondPress(before, at)) prompt.clear();
	};

	const handleKey = (input: string, key: Key) => {
		if (key.ctrl && input === 'c') {
			pressCtrlC();
			return;
		}

		if (key.ctrl && input === 'o') {
			session.dispatch({type: 'toggle-reasoning'});
			return;
		}

		// The picker or the question has the keys.
		if (latestPane().overlay !== undefined) return;
		const result = prompt.handleKey(input, key);
		if (result.submitted !== undefined) submitLine(result.submitted);
		else if (!result.handled && key.escape) pressEscape(key.meta);
	};

	// Esc stops an answer; with none streaming, twice (or ESC ESC in one read) brings the last message back to edit.
	const pressEscape = (doubled: boolean) => {
		if (interrupt()) return;
		const at = now();
		const second = doubled || isSecondEsc(latestPane(), at);
		dispatch({type: 'esc', at});
		if (second) actions.editLast();
	};

	// A SIGINT (Ctrl+C before raw mode, or kill -INT) counts as the key.
	const onInterrupt = useEffectEvent(pressCtrlC);
	useEffect(() => interrupts?.subscribe(() => onInterrupt()), [interrupts]);

	// One handler for every key, in the order typed: Ink may hand several keys over as one event.
	useInput((input, key) => {
		for (const press of eachKey(input, key)) handleKey(press.input, press.key);
	});

	// A queued message goes when the answer (or the compaction) ends well; after a stop or an error it comes back to the prompt.
	const {lastRun} = state;
	const {queued} = pane;
	useEffect(() => {
		if (isStreaming || queued === undefined || latestPane().leaving) return;
		dispatch({type: 'queue-taken'});
		const verdict = queuedMessageAfter(lastRun?.outcome);
		if (verdict === 'send') {
			actions.sendMessage(queued);
			return;
		}

		restorePrompt(queued);
		const what = lastRun?.what === 'compaction' ? 'the compaction' : 'the answer';
		actions.notice(`Your queued message was not sent: ${what} ${verdict === 'stopped' ? 'was stopped' : 'failed'}. It is back in the prompt; Enter sends it.`, 'warning');
	}, [isStreaming, queued, lastRun, latestPane, dispatch, actions, restorePrompt]);

	// The context window: the conversation as last counted plus what came since, and the message being typed.
	const window = windowFor(pane.model, props.regionId);
	const {exchanges, summary, measured, contextWarned, autoCompactHeld} = state;
	const conversationTokens = useMemo(
		() => contextTokens({provider, exchanges, ...(summary ? {summary} : {}), ...(measured ? {measured} : {})}),
		[provider, exchanges, summary, measured],
	);
	const draftTokens = estimateQuestionTokens(prompt.state.editor.text, pane.images.length);
	// Said once as the conversation passes WARN_SHARE (again after it has dropped below), never while a request runs.
	const sessionDispatch = session.dispatch;
	useEffect(() => {
		if (isStreaming) return;
		const facts = windowFacts(pane.model, provider, props.regionId);
		const near = facts !== undefined && conversationTokens >= facts.window * WARN_SHARE;
		if (near === contextWarned) return;
		sessionDispatch({type: 'context-warned', warned: near});
		if (near) actions.notice(nearlyFullNotice(conversationTokens, facts, autoCompactHeld), 'warning');
	}, [isStreaming, conversationTokens, contextWarned, autoCompactHeld, pane.model, provider, props.regionId, sessionDispatch, actions]);

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
	}, [pane.exitArmedAt, dispatch]);

	const menu = pane.overlay === undefined ? menuEntries(prompt.state) : [];
	const {store} = sessions;
	const findSessions = useCallback((query: string) => store?.matchingSessions(query, SESSION_PICKER_LIMIT) ?? [], [store]);
	const budget = rowBudget({
		rows,
		width,
		prompt: prompt.state.editor,
		overlay: pane.overlay !== undefined,
		menuEntries: menu.length,
		queued: pane.queued !== undefined,
	});
	// Ctrl+O that had nothing on screen to open or close says what it changed: on the status line, or in the footer while the status line counts an answer.
	const reasoningNote = state.reasoningForNextAnswer
		? `thoughts ${state.reasoningCollapsed ? 'as one line' : 'shown in full'} from the next answer`
		: undefined;

	return (
		<PaneView
			feed={feed}
			width={width}
			color={color}
			{...(state.live ? {live: state.live} : {})}
			liveRows={budget.liveRows}
			reasoningCollapsed={state.reasoningCollapsed}
			firstCodeLabel={state.codeBlocks + 1}
			renderMarkdown={renderMarkdown}
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
					menu={menu}
					menuRows={budget.menuRows}
					{...(pane.queued === undefined ? {} : {queued: pane.queued})}
					isStreaming={isStreaming}
					compacting={state.compacting !== undefined}
					onPick={actions.pickModel}
					onClosePicker={actions.closeOverlay}
					onVisionAnswer={actions.answerVisionOffer}
					findSessions={findSessions}
					onPickSession={actions.resumeSession}
					onCloseSessionPicker={actions.closeSessionPicker}
				/>
			}
			status={{
				model: pane.model,
				endpointLabel,
				// What the next request asks for: a model without a thinking mode shows no setting.
				...thinkingStatus(thinkingOption(pane.model, pane.thinking)),
				attachedImages: pane.images.length,
				context: {tokens: conversationTokens + draftTokens, ...(window === undefined ? {} : {window})},
				conversationUsage: state.usage,
				...(state.lastAnswer ? {lastAnswer: state.lastAnswer} : {}),
				...(state.live ? {live: state.live} : {}),
				...(state.compacting ? {compacting: state.compacting} : {}),
				...(reasoningNote ? {note: `Ctrl+O: ${reasoningNote}`} : {}),
				width,
				now,
			}}
			hints={footerHints({
				mode: isStreaming ? 'streaming' : 'typing',
				exitArmed: pane.exitArmedAt !== undefined,
				overlay: pane.overlay !== undefined,
				menu: menu.length > 0,
				...(reasoningNote ? {reasoningNote} : {}),
			})}
		/>
	);
}

/** The picker lists at most this many (the newest); typing finds the rest. */
const SESSION_PICKER_LIMIT = 200;

/** The welcome, why nothing is saved (if so), and the conversation the pane opens on. */
function openingState(model: string, endpointLabel: string, sessions: PaneSessions | undefined): ChatState {
	let state = welcomeState(model, endpointLabel);
	if (sessions?.notice) state = chatReducer(state, {type: 'notice', text: sessions.notice, tone: 'warning'});
	const resumed = sessions?.resumed;
	if (resumed) state = chatReducer(state, resumeAction(resumed));
	return state;
}

function welcomeState(model: string, endpointLabel: string): ChatState {
	const info = findModel(model);
	const name = info ? `${info.name} (${model})` : model;
	return chatReducer(initialChatState, {
		type: 'notice',
		text: `${command('chat')} · ${name} · ${endpointLabel}\nType /help for commands, Ctrl+C twice to leave.`,
	});
}

function thinkingStatus({enableThinking}: {enableThinking?: boolean}): {thinking?: boolean} {
	return enableThinking === undefined ? {} : {thinking: enableThinking};
}
