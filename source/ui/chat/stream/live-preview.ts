/**
 * What the live area shows of the block being streamed: its last lines, never
 * more than fit, so the frame Ink redraws stays shorter than the terminal. The
 * whole block is written to scrollback once it is finished.
 */
import {wrapWords} from '../../../core/text/wrap.js';
import {renderMarkdown} from '../markdown/render-markdown.js';

export type LivePreview = {
	/** One terminal row per line. */
	readonly lines: readonly string[];
	/** Whether earlier lines of the block are left out. */
	readonly clipped: boolean;
};

// Past this size the preview shows raw text: re-rendering a huge unfinished
// block (a long code fence) on every update would cost more than it shows.
const renderLimit = 8192;

/** `firstCodeLabel`: the number the block's first code block will have on screen. */
export function livePreview(markdown: string, options: {rows: number; width: number; color: boolean; firstCodeLabel?: number}): LivePreview {
	const rows = Math.max(1, options.rows);
	if (!/\S/.test(markdown)) return {lines: [], clipped: false};

	const lines =
		markdown.length <= renderLimit
			? renderMarkdown(markdown, {width: options.width, color: options.color}, options.firstCodeLabel).split('\n')
			: wrapWords(markdown.slice(-rows * options.width * 2), options.width).slice(1);

	if (lines.length <= rows && markdown.length <= renderLimit) return {lines, clipped: false};
	return {lines: lines.slice(-rows), clipped: true};
}
