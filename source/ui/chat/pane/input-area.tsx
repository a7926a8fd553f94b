import type {ModelInfo} from '../../../core/models.js';
import type {RegionId} from '../../../core/regions.js';
import {ModelPicker} from '../../components/model-picker.js';
import type {EditorState} from '../prompt/line-editor.js';
import {PromptInput} from '../prompt/prompt-input.js';
import {ConfirmLine} from './confirm-line.js';
import type {Overlay} from './pane-state.js';

export type InputAreaProps = {
	readonly overlay?: Overlay;
	readonly model: string;
	readonly pickerModels: readonly ModelInfo[];
	readonly regionId?: RegionId;
	readonly width: number;
	readonly pickerRows: number;
	readonly prompt: EditorState;
	readonly maxPromptRows: number;
	readonly isStreaming: boolean;
	readonly onPick: (modelId: string) => void;
	readonly onClosePicker: () => void;
	readonly onVisionAnswer: (offer: Extract<Overlay, {kind: 'vision'}>, yes: boolean) => void;
};

/** The prompt, or what takes its place: the model picker, or the question whether to switch to a vision model. */
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

	if (overlay?.kind === 'vision') {
		return (
			<ConfirmLine
				question={`${model} does not read images. Switch to ${overlay.visionModel} for this chat?`}
				onAnswer={yes => props.onVisionAnswer(overlay, yes)}
			/>
		);
	}

	return (
		<PromptInput
			editor={props.prompt}
			width={width}
			maxRows={props.maxPromptRows}
			isBusy={props.isStreaming}
			placeholder={props.isStreaming ? 'Esc stops the answer; you can type ahead' : 'Ask anything, or /help'}
		/>
	);
}
