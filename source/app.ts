/**
 * The program as run from the command line: argv in, exit code out.
 */
import path from 'node:path';
import {NAME_BESIDE_OPENCLAW, setProgramName} from './core/program-name.js';

// Started as `openclaw-qwen` (beside the real OpenClaw), every command it suggests says so; set
// before the modules that build help texts and messages load.
if (path.basename(process.argv[1] ?? '').replace(/\.[cm]?js$/, '') === NAME_BESIDE_OPENCLAW) setProgramName(NAME_BESIDE_OPENCLAW);
const {createContext} = await import('./cli/context.js');
const {main} = await import('./cli/main.js');

const context = createContext();
const exitCode = await main(process.argv.slice(2), context);
// Flush what is still queued for stdout before leaving; open keep-alive sockets must not hold the process.
process.stdout.write('', () => process.exit(exitCode));
