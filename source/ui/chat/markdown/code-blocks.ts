/**
 * The code blocks of an answer, in the order the renderer numbers them on
 * screen ([1] above the first): both walk marked's tokens the same way, so
 * `/copy code 2` copies the block labelled [2].
 */
import {Lexer, marked, type Tokens} from 'marked';

export function codeBlocksIn(markdown: string): string[] {
	if (!markdown.includes('```') && !markdown.includes('~~~') && !/^(?: {4}|\t)/m.test(markdown)) return [];
	const blocks: string[] = [];
	// Synchronous here: no extension makes the walk asynchronous.
	void marked.walkTokens(Lexer.lex(markdown, {gfm: true}), token => {
		if (token.type === 'code') blocks.push((token as Tokens.Code).text);
	});
	return blocks;
}
