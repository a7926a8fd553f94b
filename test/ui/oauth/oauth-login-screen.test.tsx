import {afterEach, describe, expect, it, vi} from 'vitest';
import {OAuthLoginScreen, type OAuthLoginView} from '../../../source/ui/oauth/oauth-login-screen.js';
import {renderQrCode} from '../../../source/ui/oauth/qr-code.js';
import {KEYS, mountInk, stripAnsi, waitFor} from '../../support/ink-terminal.js';

const NOW = Date.UTC(2026, 3, 1, 12);
const URL = 'https://chat.qwen.ai/authorize?user_code=ABCD-1001&client=qwen-code';
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function waiting(overrides: Partial<Extract<OAuthLoginView, {phase: 'waiting'}>> = {}): Promise<OAuthLoginView> {
	return {
		phase: 'waiting',
		userCode: 'ABCD-1001',
		verificationUri: 'https://chat.qwen.ai/authorize',
		verificationUriComplete: URL,
		expiresAt: NOW + 599_000,
		qr: await renderQrCode(URL, {color: true}),
		browser: 'opened',
		slowedDown: false,
		...overrides,
	};
}

function show(view: OAuthLoginView, size: [number, number] = [80, 24]) {
	const callbacks = {onCancel: vi.fn(), onBack: vi.fn(), onRetry: vi.fn(), onOpenBrowser: vi.fn()};
	const app = mountInk(<OAuthLoginScreen app="openclaw" title="Qwen OAuth" view={view} now={NOW} {...callbacks} />, ...size);
	unmount = () => app.unmount();
	return {...app, ...callbacks, text: () => stripAnsi(app.lastFrame())};
}

/** The rows that hold `url` whole. */
const rowsWith = (text: string, url: string) => text.split('\n').filter(line => line.includes(url));

describe('OAuthLoginScreen', () => {
	it('shows the link, the user code, the countdown and a QR code, within 80x24', async () => {
		const screen = show(await waiting());
		await waitFor(() => expect(screen.text()).toContain('ABCD-1001'));
		const text = screen.text();
		// Beside the QR code the page with the code filled in does not fit on a row: the page to type the code into does.
		expect(rowsWith(text, 'https://chat.qwen.ai/authorize')).toHaveLength(1);
		expect(text).not.toMatch(/https:\/\/chat\.qwen\.ai\/authorize\?/);
		expect(text).toContain('2. Enter this code there:');
		expect(text).toContain('expires in 9:59');
		expect(text).toMatch(/[▀▄█]{5}/);
		expect(text).toContain('Opened in your browser.');
		expect(text).toContain('2026-04-15');
		const lines = text.split('\n');
		expect(lines.length).toBeLessThanOrEqual(24);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		expect(text).toContain('q hide QR code');
	});

	it('hides the QR code on a terminal too small for it, and q shows it on its own', async () => {
		const screen = show(await waiting(), [70, 20]);
		await waitFor(() => expect(screen.text()).toContain('q show QR code'));
		expect(screen.text()).not.toMatch(/[▀▄█]{5}/);
		screen.stdin.write('q');
		await waitFor(() => expect(screen.text()).toMatch(/[▀▄█]{5}/));
		expect(screen.text()).toContain('Scan, then check the code ABCD-1001');
	});

	it('without the QR code beside it, the link is the page with the code filled in, whole on one row', async () => {
		const screen = show(await waiting({qr: undefined}));
		await waitFor(() => expect(screen.text()).toContain('ABCD-1001'));
		expect(rowsWith(screen.text(), URL)).toHaveLength(1);
		expect(screen.text()).toContain('2. Check that it shows this code:');
	});

	it('at 40x12 the link, the code and the countdown stay; the rest makes way', async () => {
		const screen = show(await waiting({qr: undefined}), [40, 12]);
		await waitFor(() => expect(screen.text()).toContain('ABCD-1001'));
		const text = screen.text();
		expect(rowsWith(text, 'https://chat.qwen.ai/authorize')).toHaveLength(1);
		expect(text).toContain('expires in 9:59');
		for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
	});

	it('Esc cancels; o opens the browser again', async () => {
		const screen = show(await waiting({browser: 'failed'}));
		await waitFor(() => expect(screen.text()).toContain('Could not open a browser'));
		screen.stdin.write('o');
		await waitFor(() => expect(screen.onOpenBrowser).toHaveBeenCalledTimes(1));
		screen.stdin.write(KEYS.escape);
		await waitFor(() => expect(screen.onCancel).toHaveBeenCalledTimes(1));
	});

	it('an error names what happened and what to do, with a way back and a retry', async () => {
		const screen = show({phase: 'error', title: 'Sign-in declined', message: 'The login was declined in the browser, so nothing was saved.', nextStep: 'Try again.'});
		await waitFor(() => expect(screen.text()).toContain('✗ Sign-in declined'));
		expect(screen.text()).toContain('Enter/Esc back to sign-in methods');
		screen.stdin.write('r');
		await waitFor(() => expect(screen.onRetry).toHaveBeenCalledTimes(1));
		screen.stdin.write(KEYS.enter);
		await waitFor(() => expect(screen.onBack).toHaveBeenCalledTimes(1));
		expect(screen.onCancel).not.toHaveBeenCalled();
	});

	it('draws the QR code without colour codes under NO_COLOR', async () => {
		const qr = await renderQrCode(URL, {color: false});
		expect(qr.text).not.toContain('\u001B[');
		expect(qr.text).toMatch(/[▀▄█]/);
		expect(qr.width).toBeLessThanOrEqual(40);
	});
});
