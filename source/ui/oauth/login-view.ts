/** What the device login has shown so far, as a reducer over what it heard. */
import type {DeviceAuthorization} from '../../core/oauth/device-code.js';
import type {OAuthLoginView} from './oauth-login-screen.js';
import type {BrowserOpenResult} from './open-browser.js';
import type {QrCode} from './qr-code.js';

export type LoginViewEvent =
	| {type: 'code'; device: DeviceAuthorization; expiresAt: number}
	| {type: 'qr'; qr: QrCode}
	| {type: 'browser'; browser: BrowserOpenResult | 'opening'}
	| {type: 'slowed-down'}
	| {type: 'failed'; title: string; message: string; nextStep: string};

export function loginViewReducer(view: OAuthLoginView, event: LoginViewEvent): OAuthLoginView {
	switch (event.type) {
		case 'code': {
			return {
				phase: 'waiting',
				userCode: event.device.userCode,
				verificationUri: event.device.verificationUri,
				verificationUriComplete: event.device.verificationUriComplete,
				expiresAt: event.expiresAt,
				browser: 'opening',
				slowedDown: false,
			};
		}

		case 'qr': {
			return view.phase === 'waiting' ? {...view, qr: event.qr} : view;
		}

		case 'browser': {
			return view.phase === 'waiting' ? {...view, browser: event.browser} : view;
		}

		case 'slowed-down': {
			return view.phase === 'waiting' ? {...view, slowedDown: true} : view;
		}

		case 'failed': {
			return {phase: 'error', title: event.title, message: event.message, nextStep: event.nextStep};
		}
	}
}
