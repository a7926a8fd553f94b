/** URLs as messages show them. */
import {plainText} from './terminal-text.js';

/** The host (and port) of a URL; the text itself when it is no URL. */
export function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** A URL as messages show it: without user, password, query or fragment. */
export function displayUrl(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.username = '';
		parsed.password = '';
		parsed.search = '';
		parsed.hash = '';
		return parsed.toString();
	} catch {
		const shown = plainText(url);
		return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
	}
}
