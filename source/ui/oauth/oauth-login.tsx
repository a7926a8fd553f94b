import {useCallback, useEffect, useRef, useState} from 'react';
import {systemClock, type Clock} from '../../core/oauth/clock.js';
import {startDeviceLogin} from '../../core/oauth/device-login.js';
import {OAuthError} from '../../core/oauth/oauth-error.js';
import {saveOAuthSetup, type OAuthSaveResult} from '../../core/oauth/save-oauth-setup.js';
import type {OAuthTokens} from '../../core/oauth/tokens.js';
import type {OpenClawPaths} from '../../core/paths.js';
import type {HeaderProps} from '../components/header.js';
import {wantsColor} from '../components/theme.js';
import {browserOpenerFor, type BrowserOpener} from './open-browser.js';
import {OAuthLoginScreen, type OAuthLoginView} from './oauth-login-screen.js';
import {renderQrCode} from './qr-code.js';
import type {Env} from '../../core/env.js';

export type OAuthLoginProps = HeaderProps & {
	readonly env: Env;
	readonly paths: OpenClawPaths;
	/** The login was approved and saved (profile qwen-portal:oauth, portal provider entry). */
	readonly onDone: (result: OAuthSaveResult) => void;
	/** The login was approved and is being saved: from here on leaving cannot take it back. */
	readonly onSaving?: (saving: Promise<OAuthSaveResult>) => void;
	/** Esc, or back from an error: return to the sign-in method screen. Nothing was saved. */
	readonly onCancel: () => void;
	/** Injected in tests so no real browser is ever launched. */
	readonly openBrowser?: BrowserOpener;
	readonly clock?: Clock;
	/** Replaces saving (screen tests). */
	readonly save?: (paths: OpenClawPaths, tokens: OAuthTokens & {refresh: string}) => Promise<OAuthSaveResult>;
};

/**
 * The container: runs the device login through core/oauth, opens the browser,
 * draws the QR code, saves on approval, and feeds OAuthLoginScreen.
 */
export function OAuthLogin({env, paths, onDone, onSaving, onCancel, openBrowser, clock, save = saveOAuthSetup, ...header}: OAuthLoginProps) {
	const [view, setView] = useState<OAuthLoginView>({phase: 'requesting'});
	const [attempt, setAttempt] = useState(0);
	const now = useNow(view.phase === 'waiting', clock);
	const opener = useRef<BrowserOpener>(openBrowser ?? browserOpenerFor(env));
	const controller = useRef<AbortController | undefined>(undefined);
	// Read through a ref: a parent re-rendering with new objects must not restart the login.
	const latest = useRef({env, paths, clock, save, onDone, onSaving, onCancel});
	latest.current = {env, paths, clock, save, onDone, onSaving, onCancel};

	useEffect(() => {
		const abort = new AbortController();
		controller.current = abort;
		const patchWaiting = (patch: Partial<Extract<OAuthLoginView, {phase: 'waiting'}>>) => {
			if (abort.signal.aborted) return;
			setView(current => (current.phase === 'waiting' ? {...current, ...patch} : current));
		};

		const {env, paths, clock, save} = latest.current;
		void (async () => {
			setView({phase: 'requesting'});
			try {
				const login = await startDeviceLogin({env, signal: abort.signal, ...(clock ? {clock} : {})});
				const url = login.device.verificationUriComplete;
				setView({
					phase: 'waiting',
					userCode: login.device.userCode,
					verificationUri: login.device.verificationUri,
					verificationUriComplete: url,
					expiresAt: login.expiresAt,
					browser: 'opening',
					slowedDown: false,
				});
				void renderQrCode(url, {color: wantsColor(env)}).then(
					qr => patchWaiting({qr}),
					() => {},
				);
				void opener.current(url).then(browser => patchWaiting({browser}));

				const tokens = await login.waitForApproval({
					onEvent: event => {
						if (event.type === 'slow_down') patchWaiting({slowedDown: true});
					},
				});
				if (abort.signal.aborted) return;
				setView({phase: 'saving'});
				const saving = save(paths, tokens);
				latest.current.onSaving?.(saving);
				const result = await saving;
				if (!abort.signal.aborted) latest.current.onDone(result);
			} catch (error) {
				if (abort.signal.aborted) return;
				setView(errorView(error));
			}
		})();

		return () => {
			abort.abort();
		};
	}, [attempt]);

	const saving = view.phase === 'saving';
	const cancel = useCallback(() => {
		// Too late once saving: aborting now would hide a login that still lands on disk.
		if (saving) return;
		controller.current?.abort();
		latest.current.onCancel();
	}, [saving]);

	const reopen = useCallback(() => {
		if (view.phase !== 'waiting') return;
		setView({...view, browser: 'opening'});
		void opener.current(view.verificationUriComplete).then(browser => {
			setView(current => (current.phase === 'waiting' ? {...current, browser} : current));
		});
	}, [view]);

	return (
		<OAuthLoginScreen
			{...header}
			view={view}
			now={now}
			onCancel={cancel}
			onBack={cancel}
			onRetry={() => setAttempt(count => count + 1)}
			onOpenBrowser={reopen}
		/>
	);
}

function errorView(error: unknown): OAuthLoginView {
	if (error instanceof OAuthError) {
		return {phase: 'error', title: ERROR_TITLES[error.kind] ?? 'Sign-in failed', message: error.message, nextStep: error.nextStep};
	}

	// Saving failed (unreadable config, permissions): those errors carry their own advice.
	const message = error instanceof Error ? error.message : String(error);
	return {phase: 'error', title: 'Could not save the login', message, nextStep: 'Fix the file named above, then try again.'};
}

const ERROR_TITLES: Partial<Record<OAuthError['kind'], string>> = {
	device_request_refused: 'Qwen refused to start a sign-in',
	access_denied: 'Sign-in declined',
	expired_token: 'Sign-in code expired',
	timed_out: 'Sign-in timed out',
	bad_token_response: 'Incomplete answer from Qwen',
	network: 'Could not reach Qwen',
	oauth_error: 'Sign-in failed',
};

/** The clock's time, re-read every second while `ticking`, for the countdown. */
function useNow(ticking: boolean, clock: Clock | undefined): number {
	const read = () => (clock ?? systemClock).now();
	const [now, setNow] = useState(read);
	useEffect(() => {
		if (!ticking) return;
		setNow(read());
		const timer = setInterval(() => setNow(read()), 1000);
		return () => clearInterval(timer);
	}, [ticking, clock]);
	return now;
}
