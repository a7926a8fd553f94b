/**
 * A reply body that is no model list or chat answer, named in words and never
 * echoed: an HTML page (a proxy, a captive portal) only by its title.
 */
import {plainText} from '../terminal-text.js';

/** What a body that is no model list or chat answer looks like, in words (never its markup). */
export function describeBody(text: string, contentType?: string): string {
	const trimmed = text.trim();
	if (trimmed === '') return 'an empty body';
	const page = htmlPage(trimmed);
	if (page) return htmlDescription(page.title);
	let json = true;
	try {
		JSON.parse(trimmed);
	} catch {
		json = false;
	}
	if (json) return 'JSON, but not in the shape DashScope sends';
	const type = contentType ? plainText(contentType.split(';')[0]!.trim()).slice(0, 60) : '';
	return `not JSON${type ? `: ${type}` : ''}`;
}

export function htmlDescription(title: string | undefined): string {
	return `looks like an HTML page${title ? ` titled "${title}"` : ''}: a proxy or captive portal?`;
}

/** An HTML page's title, when `text` is one; undefined when it is no HTML page. */
export function htmlPage(text: string): {title?: string} | undefined {
	if (!looksLikeHtml(text)) return undefined;
	const title = htmlTitle(text);
	return title ? {title} : {};
}

function looksLikeHtml(text: string): boolean {
	const start = text.trimStart().slice(0, 512).toLowerCase();
	return start.startsWith('<') && /<(!doctype html|html|head|body|title|meta|div|h1|center|p)[\s>]/.test(start);
}

/** The page's title (or first heading) as plain text; never its markup. */
function htmlTitle(text: string): string | undefined {
	const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
	if (!match?.[1]) return undefined;
	const title = plainText(decodeEntities(match[1].replace(/<[^>]*>/g, ''))).replace(/\s+/g, ' ').trim();
	if (!title) return undefined;
	return title.length > 80 ? `${title.slice(0, 80)}…` : title;
}

function decodeEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&');
}
