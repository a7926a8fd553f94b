/**
 * The markdown renderer, loaded when it is first wanted. It brings
 * marked-terminal, cli-highlight and highlight.js, the heaviest modules the
 * pane uses, and a new pane has no answer to show in its first frame: the pane
 * loads it once that frame is drawn (or before it, when it opens on a saved
 * conversation). Until then, whatever needs it waits for it.
 */
import {useEffect, useState} from 'react';
import type {renderMarkdown} from './render-markdown.js';

export type RenderMarkdown = typeof renderMarkdown;

let loaded: RenderMarkdown | undefined;
let loading: Promise<RenderMarkdown> | undefined;

/** Loads the renderer once; later calls get the same promise. */
export function loadMarkdownRenderer(): Promise<RenderMarkdown> {
	loading ??= import('./render-markdown.js').then(module => {
		loaded = module.renderMarkdown;
		return loaded;
	});
	return loading;
}

/** The renderer, or undefined until it has loaded; the first call starts loading it, after the frame it is called in. */
export function useMarkdownRenderer(): RenderMarkdown | undefined {
	const [render, setRender] = useState<RenderMarkdown | undefined>(() => loaded);
	useEffect(() => {
		if (render) return;
		let mounted = true;
		void loadMarkdownRenderer().then(loadedRender => {
			if (mounted) setRender(() => loadedRender);
		});
		return () => {
			mounted = false;
		};
	}, [render]);
	return render;
}
