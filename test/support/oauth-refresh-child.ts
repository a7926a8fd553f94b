/** Run by test/core/oauth/refresh-processes.test.ts as a separate process: one token refresh, result as JSON. */
import {ensureFreshOAuthToken} from '../../source/core/oauth/refresh.ts';
import {resolvePaths} from '../../source/core/paths.ts';

const env = {...process.env};
const token = await ensureFreshOAuthToken(resolvePaths(env), env);
process.stdout.write(`${JSON.stringify(token)}\n`);
