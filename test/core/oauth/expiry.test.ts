import {describe, expect, it} from 'vitest';
import {formatCountdown, formatOAuthExpiry} from '../../../source/core/oauth/expiry.js';

const NOW = Date.UTC(2026, 3, 1, 12, 0, 0);

describe('OAuth expiry wording for models status and the login screen', () => {
	it('says how long is left and the UTC time', () => {
		expect(formatOAuthExpiry(NOW + 42 * 60_000, NOW)).toBe('expires in 42 min (2026-04-01 12:42 UTC); renewed automatically');
		expect(formatOAuthExpiry(NOW + 5 * 3_600_000 + 60_000, NOW)).toBe('expires in 5 h 1 min (2026-04-01 17:01 UTC); renewed automatically');
	});

	it('says when it already expired', () => {
		expect(formatOAuthExpiry(NOW - 3 * 86_400_000, NOW)).toBe('expired 3 days ago (2026-03-29 12:00 UTC); renewed automatically on next use');
	});

	it('counts down in minutes and seconds, never below zero', () => {
		expect(formatCountdown(599_000)).toBe('9:59');
		expect(formatCountdown(61_500)).toBe('1:02');
		expect(formatCountdown(-5000)).toBe('0:00');
	});
});
