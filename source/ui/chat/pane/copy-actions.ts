/**
 * /copy: the last answer as the model wrote it (markdown), or a code block
 * by the number shown above it, to the terminal's clipboard.
 */
import type {CopyTarget} from '../slash-commands/slash-command.js';
import {CLIPBOARD_NOTE} from '../terminal/osc52.js';
import type {ChatState, NoticeTone} from '../transcript/transcript-state.js';
import type {PaneActions, PaneContext} from './pane-actions.js';

export function copyActions(get: () => PaneContext, notice: (text: string, tone?: NoticeTone) => void): Pick<PaneActions, 'copy'> {
	return {
		copy(target: CopyTarget) {
			const {session, copyToClipboard} = get();
			if (!copyToClipboard) {
				notice('Copying needs a terminal to send the text to.', 'warning');
				return;
			}

			const picked = target.what === 'answer' ? lastAnswer(session.state) : codeBlock(session.state, target.number);
			if (typeof picked === 'string') {
				notice(picked, 'warning');
				return;
			}

			copyToClipboard(picked.text);
			notice(`Copied ${picked.what} (${describeSize(picked.text)}): ${CLIPBOARD_NOTE}.`, 'success');
		},
	};
}

type Picked = {readonly what: string; readonly text: string};

function lastAnswer(state: ChatState): Picked | string {
	const exchange = state.exchanges.findLast(candidate => candidate.answer.trim() !== '');
	return exchange ? {what: 'the last answer', text: exchange.answer} : 'There is no answer to copy yet.';
}

/** Code blocks as numbered on screen; without a number, the last one shown. */
function codeBlock(state: ChatState, number: number | undefined): Picked | string {
	const blocks = state.entries.flatMap(entry =>
		entry.kind === 'answer' ? (entry.codeBlocks ?? []).map((text, index) => ({label: (entry.firstCodeLabel ?? 1) + index, text})) : [],
	);
	if (blocks.length === 0) return 'There is no code block to copy yet.';
	const block = number === undefined ? blocks.at(-1) : blocks.find(candidate => candidate.label === number);
	if (!block) return `There is no code block [${number}]; the ones on screen are [${blocks[0]!.label}] to [${blocks.at(-1)!.label}].`;
	return {what: `code block [${block.label}]`, text: block.text};
}

function describeSize(text: string): string {
	const lines = text.split('\n').length;
	return `${lines} line${lines === 1 ? '' : 's'}`;
}
