import type {ModelInfo} from '../../../core/models.js';
import type {RegionId} from '../../../core/regions.js';
import {ModelPicker} from '../../components/model-picker.js';
import {Box} from 'ink';
import type {CommandMatch} from '../slash-commands/completion.js';
import {CommandMenu} from '../prompt/command-menu.js';
import {PromptInput} from '../prompt/prompt-input.js';
import {ReverseSearchLine} from '../prompt/reverse-search-line.js';
import type {PromptState} from '../prompt/prompt-keys.js';
import type {SessionSummary} from '../../../core/sessions/session-types.js';
import {ConfirmLine} from './confirm-line.js';
import {SessionPicker} from './session-picker.js';
import type {Overlay} from './pane-state.js';
import {QueuedMessage} from './queued-message.js';

export type InputAreaProps = {
	readonly overlay?: Overlay;
	readonly model: string;
	readonly pickerModels: readonly ModelInfo[];
	readonly regionId?: RegionId;
	readonly width: number;
	readonly pickerRows: number;
	readonly prompt: PromptState;
	readonly maxPromptRows: number;
	/** The command menu's entries for what is typed (empty: no menu). */
	readonly menu: readonly CommandMatch[];
	readonly menuRows: number;
	/** A message waiting for the answer being streamed. */
	readonly queued?: string;
	readonly isStreaming: boolean;
	/** What is streaming is a compaction's summary, not an answer. */
	readonly compacting?: boolean;
	readonly onPick: (modelId: string) => void;
	readonly onClosePicker: () => void;
	readonly onVisionAnswer: (offer: Extract<Overlay, {kind: 'vision'}>, yes: boolean) => void;
	/** Saved conversations holding what is typed in the session picker, newest first. */
	readonly findSessions: (query: string) => readonly SessionSummary[];
	readonly onPickSession: (sessionId: string) => void;
	readonly onCloseSessionPicker: () => void;
};

/**
 * The prompt with the message queued above it and the command menu under it,
 * or what takes its place: the model picker, or the question whether to
 * switch to a vision model.
 */
export function InputArea(props: InputAreaProps) {
	const {overlay, model, width} = props;
	if (overlay?.kind === 'picker') {
		return (
			<ModelPicker
				models={props.pickerModels}
				{...(overlay.regionModelIds ? {regionModelIds: overlay.regionModelIds} : {})}
				{...(props.regionId ? {regionId: props.regionId} : {})}
				initialId={model}
				width={width}
				height={props.pickerRows}
				onPick={props.onPick}
				onCancel={props.onClosePicker}
			/>
		);
	}

	if (overlay?.kind === 'sessions') {
		return (
			<SessionPicker
				initialQuery={overlay.query}
				findSessions={props.findSessions}
				width={width}
				height={props.pickerRows}
				onPick={props.onPickSession}
				onCancel={props.onCloseSessionPicker}
			/>
		);
	}

	if (overlay?.kind === 'vision') {
		return (
			<ConfirmLine
				question={`${model} does not read images. Switch to ${overlay.visionModel} for this chat?`}
				onAnswer={yes => props.onVisionAnswer(overlay, yes)}
			/>
		);
	}

	return (
		<Box flexDirection="column">
			{props.queued === undefined ? undefined : <QueuedMessage text={props.queued} waitsFor={props.compacting ? 'the compaction' : 'the answer'} />}
			{props.prompt.search ? (
				<ReverseSearchLine
					query={props.prompt.search.query}
					{...(props.prompt.search.match === undefined ? {} : {found: props.prompt.editor.history[props.prompt.search.match]})}
					failed={props.prompt.search.failed}
					width={width}
				/>
			) : (
				<PromptInput
					editor={props.prompt.editor}
					width={width}
					maxRows={props.maxPromptRows}
					isBusy={props.isStreaming}
					placeholder={props.isStreaming ? `Esc stops ${props.compacting ? 'the compaction' : 'the answer'}; you can type ahead` : 'Ask anything, or /help'}
				/>
			)}
			{props.menu.length > 0 ? <CommandMenu entries={props.menu} {...(props.prompt.menuIndex === undefined ? {} : {highlighted: props.prompt.menuIndex})} maxRows={props.menuRows} /> : undefined}
		</Box>
	);
}
