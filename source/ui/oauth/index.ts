/** The Qwen OAuth sign-in screen the wizard shows for "Qwen OAuth". */
export {OAuthLogin, type OAuthLoginProps} from './oauth-login.js';
export {OAuthLoginScreen, OAUTH_DISCONTINUED_NOTE, type OAuthLoginScreenProps, type OAuthLoginView} from './oauth-login-screen.js';
export {browserOpenerFor, shouldTryBrowser, type BrowserOpener, type BrowserOpenResult} from './open-browser.js';
export {renderQrCode, type QrCode} from './qr-code.js';
