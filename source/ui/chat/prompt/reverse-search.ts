/**
 * Ctrl+R in the prompt, as in a shell (reverse-i-search): typing narrows to
 * the newest earlier prompt that holds the text, Ctrl+R again goes further
 * back. Pure functions over the prompt's history (oldest first).
 */
import type {EditorState} from '../../components/line-editor.js';

export type ReverseSearch = {
	readonly query: string;
	/** The history entry shown; undefined while nothing matches. */
	readonly match?: number;
	/** Ctrl+R found nothing older: the match shown stays. */
	readonly failed: boolean;
	/** The prompt as it was when the search began (Ctrl+G brings it back). */
	readonly before: EditorState;
};

export function startReverseSearch(editor: EditorState): ReverseSearch {
	return {query: '', failed: false, before: editor};
}

/** The newest entry before `before` (exclusive) that holds `query`, ignoring case. */
function findOlder(history: readonly string[], query: string, before: number): number | undefined {
	if (query === '') return undefined;
	const needle = query.toLowerCase();
	for (let index = Math.min(before, history.length) - 1; index >= 0; index--) {
		if (history[index]!.toLowerCase().includes(needle)) return index;
	}

	return undefined;
}

/** More of the query: the entry shown still counts if it holds it. */
export function typeInSearch(search: ReverseSearch, history: readonly string[], text: string): ReverseSearch {
	const query = search.query + text;
	const from = search.match === undefined ? history.length : search.match + 1;
	const match = findOlder(history, query, from);
	return {...search, query, failed: false, ...(match === undefined ? {match: undefined} : {match})};
}

/** Less of the query: the search starts again from the newest entry. */
export function eraseInSearch(search: ReverseSearch, history: readonly string[]): ReverseSearch {
	const query = [...search.query].slice(0, -1).join('');
	const match = findOlder(history, query, history.length);
	return {...search, query, failed: false, ...(match === undefined ? {match: undefined} : {match})};
}

/** Ctrl+R again: the next older entry that holds the query. */
export function searchOlder(search: ReverseSearch, history: readonly string[]): ReverseSearch {
	const match = findOlder(history, search.query, search.match ?? history.length);
	return match === undefined ? {...search, failed: true} : {...search, match, failed: false};
}

/** The text the search has found: the matching entry, or the prompt as it was. */
export function foundText(search: ReverseSearch, history: readonly string[]): string {
	return search.match === undefined ? search.before.text : (history[search.match] ?? search.before.text);
}
