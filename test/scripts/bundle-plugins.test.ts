/**
 * The build's change to string-width (scripts/bundle-plugins.js) must not
 * change a single width: the patched source, loaded as a module, measures a
 * corpus of emoji sequences, CJK, marks and the screens' own symbols exactly
 * as the library does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import {lazyEmojiTest} from '../../scripts/bundle-plugins.js';

const CORPUS = [
	// What the screens draw.
	'❯', '›', '·', '…', '—', '─', '✓', '✗', '⏹', '★', '▸', '↑↓', '⚠', '⚠️', '✔', '✔️', '❤', '❤️',
	// Emoji: single, text-default with and without VS16, modifiers, flags, keycaps, ZWJ and tag sequences.
	'👍', '👍🏽', '🏽', '🇯🇵', '🇯', '1️⃣', '1⃣', '#️⃣', '👩‍👩‍👧', '👨‍💻', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '⌚', '☺', '☺️', '©', '©️', '™', '🫠', '🧑🏿‍🦱',
	// Wide and narrow scripts, marks, controls, Hangul jamo.
	'中文', '日本語テキスト', '한국어', '각', 'é', 'é', 'ﾊﾝｶｸ', 'Ａ', 'ก่', 'ॐ', '\u200B', '\u0007', 'a\u0301b',
	// Mixed lines, as a table or the pane measures them.
	'qwen3-coder-plus ★★★★★ Latest coding…', '› 用中文解释快速排序 👍', 'ctx 41% · 53k/128k',
];

describe('string-width as the build ships it', () => {
	it('measures every string of the corpus as the published library does', async () => {
		const source = fs.readFileSync(path.resolve('node_modules/string-width/index.js'), 'utf8');
		// Its own imports resolved from here, so the patched copy loads from a temp folder.
		const patched = lazyEmojiTest(source)
			.replace("from 'strip-ansi'", `from '${import.meta.resolve('strip-ansi')}'`)
			.replace("from 'get-east-asian-width'", `from '${import.meta.resolve('get-east-asian-width')}'`);
		expect(patched).toContain('mayBeRgiEmoji.test(segment) && rgiEmojiRegex.test(segment)');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'string-width-'));
		try {
			const file = path.join(dir, 'index.mjs');
			fs.writeFileSync(file, patched);
			const {default: patchedWidth} = (await import(pathToFileURL(file).href)) as {default: typeof stringWidth};
			const measured = CORPUS.map(text => [text, patchedWidth(text)]);
			expect(measured).toEqual(CORPUS.map(text => [text, stringWidth(text)]));
			// The corpus does reach the emoji rule: these are two cells wide.
			for (const emoji of ['👍🏽', '🇯🇵', '1️⃣', '👩‍👩‍👧', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) expect(patchedWidth(emoji)).toBe(2);
		} finally {
			fs.rmSync(dir, {recursive: true, force: true});
		}
	});

	it('fails loudly when the library no longer has the test it guards', () => {
		expect(() => lazyEmojiTest('export default function stringWidth() {}')).toThrow(/no longer tests clusters with rgiEmojiRegex/);
	});
});
