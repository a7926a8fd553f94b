#!/usr/bin/env node
import {enableCompileCache} from './commands/compile-cache.js';

// Before anything else loads, so every module after this one comes from the cache when it is warm.
enableCompileCache();
const {createContext} = await import('./commands/context.js');
const {main} = await import('./commands/main.js');

const context = createContext();
const exitCode = await main(process.argv.slice(2), context);
// Flush what is still queued for stdout before leaving; open keep-alive sockets must not hold the process.
process.stdout.write('', () => process.exit(exitCode));
