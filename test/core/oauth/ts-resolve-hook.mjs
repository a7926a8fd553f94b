// Lets a child Node process run source/*.ts directly: `./x.js` imports resolve to `./x.ts`.
import {register} from 'node:module';

register(
	'data:text/javascript,' +
		encodeURIComponent(`
export async function resolve(specifier, context, next) {
	try {
		return await next(specifier, context);
	} catch (error) {
		if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
		throw error;
	}
}`),
);
