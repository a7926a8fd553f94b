/**
 * Lets Node 24 run source/ directly with type stripping: source imports its
 * siblings as `./x.js` (for tsc), so a failed relative `.js` import retries as
 * `.ts`. Use with `node --import ./test/support/ts-resolve-hooks.ts script.ts`.
 */
import {registerHooks} from 'node:module';

registerHooks({
	resolve(specifier, context, nextResolve) {
		try {
			return nextResolve(specifier, context);
		} catch (error) {
			if (/^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
				return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
			}
			throw error;
		}
	},
});
