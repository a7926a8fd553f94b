/**
 * The variables read before the program itself has loaded, by the bin
 * (source/cli.ts): this module imports nothing, so the bin stays small.
 * env-vars.ts lists them with all the others.
 */

/** Stack traces for unexpected errors, naming source files. */
export const DEBUG_ENV_VAR = 'OPENCLAW_DEBUG';
/** Node's own compile-cache switches, honoured when the program turns the cache on. */
export const NODE_COMPILE_CACHE_ENV_VAR = 'NODE_COMPILE_CACHE';
export const NODE_DISABLE_COMPILE_CACHE_ENV_VAR = 'NODE_DISABLE_COMPILE_CACHE';
export const COMPILE_CACHE_ENV_VARS = [NODE_COMPILE_CACHE_ENV_VAR, NODE_DISABLE_COMPILE_CACHE_ENV_VAR] as const;
