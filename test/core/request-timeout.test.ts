import {describe, expect, it} from 'vitest';
import {AppError} from '../../source/core/app-error.js';
import {requestTimeoutFromEnv} from '../../source/core/request-timeout.js';

describe('OPENCLAW_TIMEOUT_MS', () => {
	it.each([
		[undefined, undefined],
		['', undefined],
		['  ', undefined],
		['1000', 1000],
		[' 45000 ', 45_000],
		['3600000', 3_600_000],
	])('%j → %j', (value, expected) => {
		expect(requestTimeoutFromEnv({OPENCLAW_TIMEOUT_MS: value})).toBe(expected);
	});

	it.each(['3000000000', '0', '-1', 'abc', '999', '3600001', '1e4', '1500.5', '0x3e8'])('refuses %j as a usage error naming the variable and the range', value => {
		let failure: unknown;
		try {
			requestTimeoutFromEnv({OPENCLAW_TIMEOUT_MS: value});
		} catch (error) {
			failure = error;
		}
		expect(failure).toBeInstanceOf(AppError);
		const error = failure as AppError;
		expect(error.exitCode).toBe(2);
		expect(error.problem.title).toBe(`OPENCLAW_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 3600000; it is "${value}".`);
		expect(error.problem.nextStep).toContain('unset it');
	});

	it('shows a hostile value without its control characters', () => {
		expect(() => requestTimeoutFromEnv({OPENCLAW_TIMEOUT_MS: '\u001B]0;x\u0007'})).toThrow(/it is ""/);
	});
});
