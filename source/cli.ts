#!/usr/bin/env node
import {createContext} from './commands/context.js';
import {main} from './commands/main.js';

const context = createContext();
const exitCode = await main(process.argv.slice(2), context);
// Flush what is still queued for stdout before leaving; open keep-alive sockets must not hold the process.
process.stdout.write('', () => process.exit(exitCode));
