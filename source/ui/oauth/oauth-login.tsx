import {useEffect, useEffectEvent, useReducer, useState} from 'react';
import {isAppError} from '../../core/app-error.js';
import type {HeaderProps} from '../components/header.js';
import {useTheme} from '../components/theme.js';
import type {ApprovedTokens, OAuthServices} from './oauth-services.js';
import {OAuthLoginScreen, type OAuthLoginView} from './oauth-login-screen.js';
import {loginViewReducer} from './login-view.js';
import {renderQrCode} from './qr-code.js';

/** Where saving the approved login stands; the wizard runs the save. */
export type OAuthSaveProgress = {readonly status: 'idle'} | {readonly status: 'saving'} | {readonly status: 'failed'; readonly message: string};

export type OAuthLoginProps = HeaderProps & {
	readonly services: OAuthServices;
	/** The time (ms epoch), for the countdown. */
	readonly now: () => number;
	readonly save: OAuthSaveProgress;
	/** The user approved the sign-in; the tokens are ready to save. */
	readonly onApproved: (tokens: ApprovedTokens) => void;
	/** r on an error: the parent mounts a fresh sign-in (a new code). */
	readonly onRetry: () => void;
	/** Esc, or back from an error: return to the sign-in method screen. Nothing was saved. */
	readonly onCancel: () => void;
};

/**
 * The device login on screen: asks for a code once mounted, opens the
 * browser, draws the QR code, waits for approval and hands the tokens up.
 * Unmounting stops it. One mount is one attempt: a retry is a new mount.
 */
export function OAuthLogin({services, now, save, onApproved, onRetry, onCancel, ...header}: OAuthLoginProps) {
	const [deviceView, dispatch] = useReducer(loginViewReducer, {phase: 'requesting'});
	const color = Boolean(useTheme().accent);
	const approved = useEffectEvent(onApproved);
	const view = saveView(save) ?? deviceView;
	const time = useNow(view.phase === 'waiting', now);

	useEffect(() => {
		const abort = new AbortController();
		const {signal} = abort;
		const report = (event: Parameters<typeof dispatch>[0]) => {
			if (!signal.aborted) dispatch(event);
		};

		void (async () => {
			try {
				const login = await services.startLogin(signal);
				const url = login.device.verificationUriComplete;
				report({type: 'code', device: login.device, expiresAt: login.expiresAt});
				renderQrCode(url, {color}).then(
					qr => report({type: 'qr', qr}),
					() => {},
				);
				void services.openBrowser(url).then(browser => report({type: 'browser', browser}));
				const tokens = await login.waitForApproval({
					onEvent: event => {
						if (event.type === 'slow_down') report({type: 'slowed-down'});
					},
				});
				if (!signal.aborted) approved(tokens);
			} catch (error) {
				report({type: 'failed', ...errorText(error)});
			}
		})();

		return () => {
			abort.abort();
		};
	}, [services, color]);

	const reopen = () => {
		if (deviceView.phase !== 'waiting') return;
		dispatch({type: 'browser', browser: 'opening'});
		void services.openBrowser(deviceView.verificationUriComplete).then(browser => dispatch({type: 'browser', browser}));
	};

	return <OAuthLoginScreen {...header} view={view} now={time} onCancel={onCancel} onBack={onCancel} onRetry={onRetry} onOpenBrowser={reopen} />;
}

/** While the approved login is saved, or after the save failed, that is what the screen shows. */
function saveView(save: OAuthSaveProgress): OAuthLoginView | undefined {
	if (save.status === 'saving') return {phase: 'saving'};
	if (save.status === 'failed') {
		// Saving failed (unreadable config, permissions): those errors carry their own advice.
		return {phase: 'error', title: 'Could not save the login', message: save.message, nextStep: 'Fix the file named above, then try again.'};
	}

	return undefined;
}

/** A failure in core's words (an OAuthError's title by kind, its sentence, its next step). */
function errorText(error: unknown): {title: string; message: string; nextStep: string} {
	if (isAppError(error)) {
		const {title, message, nextStep} = error.problem;
		return {title, message, nextStep};
	}

	return {title: 'Sign-in failed', message: error instanceof Error ? error.message : String(error), nextStep: 'Try again.'};
}

/** The time, read again every second while `ticking`, for the countdown. */
function useNow(ticking: boolean, now: () => number): number {
	const [time, setTime] = useState(now);
	useEffect(() => {
		if (!ticking) return;
		const read = () => setTime(now());
		// The first read comes at once: the code may have arrived long after the mount.
		const first = setTimeout(read, 0);
		const timer = setInterval(read, 1000);
		return () => {
			clearTimeout(first);
			clearInterval(timer);
		};
	}, [ticking, now]);
	return time;
}
