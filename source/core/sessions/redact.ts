/** Text as it may be kept on disk: the key in use, and anything shaped like a DashScope key, masked (as /save does). */
const KEY_SHAPED = /sk-[A-Za-z0-9._-]{16,}/g;

export function redactSecrets(text: string, secrets: readonly string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret !== '' && redacted.includes(secret)) redacted = redacted.split(secret).join('sk-…');
	}

	return redacted.includes('sk-') ? redacted.replace(KEY_SHAPED, 'sk-…') : redacted;
}
