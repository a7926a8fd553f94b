/**
 * How the terminal's rows are shared: the prompt gets up to a quarter of
 * them, the command menu up to a third, a queued message two, the status and
 * footer their own, and the live answer at most half of what is left. The
 * frame Ink redraws must stay shorter than the terminal.
 */
import type {EditorState} from '../../components/line-editor.js';
import {promptRows} from '../prompt/prompt-layout.js';

/** Footer, status (up to two rows) and the blank rows around them. */
const CHROME_ROWS = 5;
/** The queued message: a line saying so, and its first line. */
const QUEUED_ROWS = 2;

export type RowBudget = {
	readonly maxPromptRows: number;
	/** For the command menu under the prompt. */
	readonly menuRows: number;
	readonly liveRows: number;
	/** For the model picker, which takes the prompt's place. */
	readonly pickerRows: number;
};

export type RowBudgetInput = {
	readonly rows: number;
	readonly width: number;
	readonly prompt: EditorState;
	readonly overlay: boolean;
	/** Entries the command menu lists (0: no menu). */
	readonly menuEntries: number;
	readonly queued: boolean;
};

export function rowBudget(options: RowBudgetInput): RowBudget {
	const {rows, width} = options;
	const maxPromptRows = Math.max(1, Math.min(8, Math.floor(rows / 4)));
	const menuRows = options.menuEntries === 0 ? 0 : Math.min(options.menuEntries, Math.max(2, Math.floor(rows / 3)));
	const inputHeight = options.overlay
		? 1
		: promptRows(options.prompt, width, maxPromptRows) + menuRows + (options.queued ? QUEUED_ROWS : 0);
	// Half the free rows: a terminal that rewraps the live area on a shrink to half
	// the width still has it all on screen, where it can be erased, instead of
	// pushing its top into scrollback as a stale copy.
	const liveRows = Math.max(1, Math.floor((rows - CHROME_ROWS - inputHeight - 2) / 2));
	return {maxPromptRows, menuRows, liveRows, pickerRows: Math.max(6, rows - CHROME_ROWS - 2)};
}
