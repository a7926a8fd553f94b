/** A client's stream read to its end, as the client tests check it: the events, their text, and the error it ended with. */
import type {StreamEvent} from '../../source/core/dashscope-client.ts';
import {DashScopeError} from '../../source/core/errors.ts';

/** A short question, the same in every client test. */
export const HELLO = {model: 'qwen3-coder-plus', messages: [{role: 'user' as const, content: 'hello there friend'}]};

export async function collectStream(events: AsyncIterable<StreamEvent>): Promise<{events: StreamEvent[]; text: string; error?: DashScopeError}> {
	const seen: StreamEvent[] = [];
	try {
		for await (const event of events) seen.push(event);
	} catch (error) {
		if (!(error instanceof DashScopeError)) throw error;
		return {events: seen, text: streamText(seen), error};
	}
	return {events: seen, text: streamText(seen)};
}

/** The answer's text: every content delta, in order. */
export function streamText(events: StreamEvent[]): string {
	return events.map(event => (event.type === 'content' ? event.text : '')).join('');
}
