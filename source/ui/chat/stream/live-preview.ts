/**
 * What the live area shows of the block being streamed: its last lines, never
 * more than fit, so the frame Ink redraws stays shorter than the terminal. The
 * whole block is written to scrollback once it is finished.
 */
import {wrapWords} from '../../../core/text/wrap.js';
import type {RenderMarkdown} from '../markdown/markdown-renderer.js';

export type LivePreview = {
	/** One terminal row per line. */
	readonly lines: readonly string[];
	/** Whether earlier lines of the block are left out. */
	readonly clipped: boolean;
};

// Past this size the preview shows raw text: re-rendering a huge unfinished
// block (a long code fence) on every update would cost more than it shows.
const renderLimit = 8192;

export type LivePreviewOptions = {
	rows: number;
	width: number;
	color: boolean;
	/** The number the block's first code block will have on screen. */
	firstCodeLabel?: number;
	/** undefined until the renderer has loaded (markdown-renderer.ts): nothing is shown until then. */
	renderMarkdown: RenderMarkdown | undefined;
};

export function livePreview(markdown: string, options: LivePreviewOptions): LivePreview {
	const rows = Math.max(1, options.rows);
	const {renderMarkdown} = options;
	if (!/\S/.test(markdown) || !renderMarkdown) return {lines: [], clipped: false};

	const lines =
		markdown.length <= renderLimit
			? renderMarkdown(markdown, {width: options.width, color: options.color}, options.firstCodeLabel).split('\n')
			: wrapWords(markdown.slice(-rows * options.width * 2), options.width).slice(1);

	if (lines.length <= rows && markdown.length <= renderLimit) return {lines, clipped: false};
	return {lines: lines.slice(-rows), clipped: true};
}
