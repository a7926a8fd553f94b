/** Text as it may be kept on disk: the keys in use, and anything shaped like a DashScope key, masked. */
import {KEY_MASK, KEY_PATTERN} from '../redact-secrets.js';

export function redactSecrets(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret !== '' && redacted.includes(secret)) redacted = redacted.split(secret).join(KEY_MASK);
	}

	return redacted.replace(KEY_PATTERN, KEY_MASK);
}
