/** Hints several commands print the same way. */
import {LOGIN_COMMAND} from '../core/messages.js';

export function noCredentialLines(): string[] {
	return [
		'No DashScope API key is set up. Either:',
		`  ${LOGIN_COMMAND}          (saves the key for next time)`,
		'  export QWEN_API_KEY="sk-..."                                (this shell only; check with: openclaw restart)',
	];
}
