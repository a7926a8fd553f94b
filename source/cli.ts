#!/usr/bin/env node
import {enableCompileCache} from './cli/compile-cache.js';
import {setProgramName} from './core/program-name.js';

// Before anything else loads, so every module after this one comes from the cache when it is warm.
enableCompileCache();
// Started as `openclaw-qwen` (beside the real OpenClaw), every command it suggests says so.
if (/(?:^|[/\\])openclaw-qwen(?:\.[cm]?js)?$/.test(process.argv[1] ?? '')) setProgramName('openclaw-qwen');
const {createContext} = await import('./cli/context.js');
const {main} = await import('./cli/main.js');

const context = createContext();
const exitCode = await main(process.argv.slice(2), context);
// Flush what is still queued for stdout before leaving; open keep-alive sockets must not hold the process.
process.stdout.write('', () => process.exit(exitCode));
