import {describe, expect, it} from 'vitest';
import {leakedSecrets, registerSecret} from './run-cli.ts';

const KEY = 'sk-test0000leak1a2b3c4d5e6f7a8b9c0d';
registerSecret(KEY);

describe('leakedSecrets', () => {
	it('flags the whole key', () => {
		expect(leakedSecrets(`key: ${KEY}`)).toEqual([KEY]);
	});

	it('flags the key without its sk- prefix', () => {
		expect(leakedSecrets(`key: ${KEY.slice(3)}`)).toEqual([KEY]);
	});

	it("flags the key's last 12 characters", () => {
		expect(leakedSecrets(`key: …${KEY.slice(-12)}`)).toEqual([KEY]);
	});

	it('lets a masked key through', () => {
		expect(leakedSecrets(`key: sk-…${KEY.slice(-4)}`)).toEqual([]);
	});
});
