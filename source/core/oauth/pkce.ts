/** PKCE (RFC 7636, S256): the verifier stays here, only its hash travels with the device request. */
import {createHash, randomBytes} from 'node:crypto';

export type PkcePair = {verifier: string; challenge: string; method: 'S256'};

export function createPkcePair(): PkcePair {
	const verifier = randomBytes(32).toString('base64url');
	return {verifier, challenge: pkceChallenge(verifier), method: 'S256'};
}

function pkceChallenge(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}
