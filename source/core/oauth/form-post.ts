/** The OAuth server speaks form-encoded requests and JSON answers; this is that one exchange. */
import {isPlainObject} from '../plain-object.js';
import {aborted, networkError} from './oauth-error.js';

export type FormAnswer = {status: number; body: Record<string, unknown> | undefined; text: string};

export async function postForm(
	url: string,
	fields: Record<string, string>,
	options: {signal?: AbortSignal; fetch?: typeof fetch} = {},
): Promise<FormAnswer> {
	const doFetch = options.fetch ?? fetch;
	let response: Response;
	let text: string;
	try {
		response = await doFetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
			},
			body: new URLSearchParams(fields).toString(),
			signal: options.signal,
		});
		text = await response.text();
	} catch (error) {
		if (options.signal?.aborted) throw aborted();
		throw networkError(url, error);
	}

	return {status: response.status, body: parseObject(text), text};
}

function parseObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return isPlainObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

export function stringField(body: Record<string, unknown> | undefined, name: string): string | undefined {
	const value = body?.[name];
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function numberField(body: Record<string, unknown> | undefined, name: string): number | undefined {
	const value = body?.[name];
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}
