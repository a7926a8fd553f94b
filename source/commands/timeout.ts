/** OPENCLAW_TIMEOUT_MS for the commands: checked by the core (1000 to 3600000 ms), undefined when unset. */
export {requestTimeoutFromEnv as timeoutFromEnv} from '../core/request-timeout.js';
