/** A reply that is no model list or chat answer is named in words, never echoed. */
import {describe, expect, it} from 'vitest';
import {describeBody} from '../../../source/core/api-errors/reply-body.js';

describe('describeBody', () => {
	it.each([
		['', 'an empty body'],
		['   \n', 'an empty body'],
		['<html><head><title>Portal</title></head></html>', 'looks like an HTML page titled "Portal": a proxy or captive portal?'],
		['<html><body>no title</body></html>', 'looks like an HTML page: a proxy or captive portal?'],
		['[1,2]', 'JSON, but not in the shape DashScope sends'],
		['OK', 'not JSON'],
	])('%j → %s', (body, description) => {
		expect(describeBody(body)).toBe(description);
	});
});
