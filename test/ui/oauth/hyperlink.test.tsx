import {afterEach, expect, it, vi} from 'vitest';
import {OAuthLoginScreen} from '../../../source/ui/oauth/oauth-login-screen.js';
import {mountInk, waitFor} from '../../support/ink-terminal.js';

// terminal-link decides at import time; pretend the terminal supports OSC 8 links.
vi.hoisted(() => {
	process.env['FORCE_HYPERLINK'] = '1';
});

const URL = 'https://chat.qwen.ai/authorize?user_code=ABCD-1001&client=qwen-code';
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

it('makes the verification URL a clickable terminal hyperlink', async () => {
	const view = {
		phase: 'waiting',
		userCode: 'ABCD-1001',
		verificationUri: 'https://chat.qwen.ai/authorize',
		verificationUriComplete: URL,
		expiresAt: 600_000,
		browser: 'skipped',
		slowedDown: false,
	} as const;
	const noop = () => {};
	const app = mountInk(
		<OAuthLoginScreen app="openclaw" title="Qwen OAuth" view={view} now={0} onCancel={noop} onBack={noop} onRetry={noop} onOpenBrowser={noop} />,
		120,
		30,
	);
	unmount = () => app.unmount();
	await waitFor(() => expect(app.lastFrame()).toContain(`\u001B]8;;${URL}`));
	expect(app.lastFrame()).toContain('Open the page on any device');
});
