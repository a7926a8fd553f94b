/** Qwen OAuth, as the commands use it (the wizard and its screens import the modules they need directly). */
export {ensureFreshOAuthToken, readOAuthProfile} from './refresh.js';
export {formatOAuthExpiry} from './expiry.js';
