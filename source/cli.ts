#!/usr/bin/env node
/**
 * The bin: turns on Node's compile cache, then loads the program, which the
 * build bundles into one file beside this one (app.js). The cache only
 * covers code loaded after it is on, so this file stays tiny and separate.
 */
import {enableCompileCache} from './cli/compile-cache.js';
import {DEBUG_ENV_VAR} from './core/launch-env-vars.js';

enableCompileCache();
// Stack traces name source files (the bundle ships with its source map) when asked for.
if (process.env[DEBUG_ENV_VAR]) process.setSourceMapsEnabled(true);
await import('./app.js');
