/**
 * How the terminal's rows are shared: the prompt gets up to a quarter of
 * them, the status and footer their own, and the live answer at most half of
 * what is left. The frame Ink redraws must stay shorter than the terminal.
 */
import type {EditorState} from '../prompt/line-editor.js';
import {promptRows} from '../prompt/prompt-layout.js';

/** Footer, status (up to two rows) and the blank rows around them. */
const CHROME_ROWS = 5;

export type RowBudget = {
	readonly maxPromptRows: number;
	readonly liveRows: number;
	/** For the model picker, which takes the prompt's place. */
	readonly pickerRows: number;
};

export function rowBudget(options: {rows: number; width: number; prompt: EditorState; overlay: boolean}): RowBudget {
	const {rows, width} = options;
	const maxPromptRows = Math.max(1, Math.min(8, Math.floor(rows / 4)));
	const promptHeight = options.overlay ? 1 : promptRows(options.prompt, width, maxPromptRows);
	// Half the free rows: a terminal that rewraps the live area on a shrink to half
	// the width still has it all on screen, where it can be erased, instead of
	// pushing its top into scrollback as a stale copy.
	const liveRows = Math.max(1, Math.floor((rows - CHROME_ROWS - promptHeight - 2) / 2));
	return {maxPromptRows, liveRows, pickerRows: Math.max(6, rows - CHROME_ROWS - 2)};
}
