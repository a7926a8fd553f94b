// Transforms the build applies to a few dependencies, each to keep work out of
// the first frame; each fails the build if its target changed shape.

/**
 * yoga-layout (Ink's layout engine) reads its WebAssembly from a data: URL with
 * fetch() whenever fetch exists, which loads Node's whole fetch stack (undici)
 * before the first frame: about 20 ms and 14 MB. Without fetch it decodes the
 * same bytes itself, so inside that one module fetch is made undefined.
 */
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	transform: {
		filter: {id: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/},
		handler(code) {
			// On the first line, so the lines of the source map stay where they were.
			return {code: `var fetch; ${code}`, map: null};
		},
	},
};

/**
 * Ink connects to React's devtools over a web socket when DEV=true and
 * react-devtools-core resolves from wherever the program is installed; that
 * import is cut, so neither the devtools nor their web socket ship.
 */
export const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	transform: {
		filter: {id: /[\\/]ink[\\/]build[\\/]reconciler\.js$/},
		handler(code) {
			const devtools = "await import('./devtools.js');";
			if (!code.includes(devtools)) this.error('ink/build/reconciler.js no longer imports ./devtools.js as expected');
			return {code: code.replace(devtools, ''), map: null};
		},
	},
};

/**
 * string-width tests every grapheme cluster that is not plain ASCII against
 * /^\p{RGI_Emoji}$/v, and V8 compiles that pattern (every emoji sequence
 * Unicode names) on its first use: about 10 ms before the first frame, for
 * "❯" or "·". A cluster can only be an RGI emoji if it holds a pictograph, a
 * skin-tone modifier, a regional indicator, a keycap mark or the emoji
 * variation selector, so the big pattern is tried only then; widths are
 * unchanged (test/scripts/bundle-plugins.test.ts checks them against the
 * library as published).
 */
export const stringWidthLazyEmoji = {
	name: 'string-width-lazy-emoji',
	transform: {
		filter: {id: /[\\/]string-width[\\/]index\.js$/},
		handler(code) {
			// Older copies (other packages' own string-width 4) have no such test.
			if (!code.includes('rgiEmojiRegex')) return null;
			return {code: lazyEmojiTest(code, message => this.error(message)), map: null};
		},
	},
};

/** string-width's source with the guard in front of its RGI emoji test. */
export function lazyEmojiTest(code, fail = message => {
	throw new Error(message);
}) {
	const declaration = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
	const test = 'if (rgiEmojiRegex.test(segment) ||';
	if (!code.includes(declaration) || !code.includes(test)) fail('string-width no longer tests clusters with rgiEmojiRegex as expected');
	return code
		.replace(declaration, `const mayBeRgiEmoji = /[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u20E3\\uFE0F]/u;\n${declaration}`)
		.replace(test, 'if ((mayBeRgiEmoji.test(segment) && rgiEmojiRegex.test(segment)) ||');
}
