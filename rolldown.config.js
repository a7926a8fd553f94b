// The build: the program bundled into one file (dist/app.js, with its source
// map), and the bin (dist/cli.js), which turns on the compile cache before it
// loads that file. Type checking is `npm run typecheck`.
import fs from 'node:fs';
import {defineConfig} from 'rolldown';

// A fresh dist/ each time: nothing from an earlier layout is left to be run by mistake.
fs.rmSync('dist', {recursive: true, force: true});

/**
 * yoga-layout (Ink's layout engine) reads its WebAssembly from a data: URL with
 * fetch() whenever fetch exists, which loads Node's whole fetch stack (undici)
 * before the first frame: about 20 ms and 14 MB. Without fetch it decodes the
 * same bytes itself, so inside that one module fetch is made undefined.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	transform: {
		filter: {id: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/},
		handler(code) {
			// On the first line, so the lines of the source map stay where they were.
			return {code: `var fetch; ${code}`, map: null};
		},
	},
};

/**
 * Ink connects to React's devtools over a web socket when DEV=true and
 * react-devtools-core resolves from wherever the program is installed; that
 * import is cut, so neither the devtools nor their web socket ship.
 */
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	transform: {
		filter: {id: /[\\/]ink[\\/]build[\\/]reconciler\.js$/},
		handler(code) {
			const devtools = "await import('./devtools.js');";
			if (!code.includes(devtools)) this.error('ink/build/reconciler.js no longer imports ./devtools.js as expected');
			return {code: code.replace(devtools, ''), map: null};
		},
	},
};

const shared = {
	platform: 'node',
	transform: {define: {'process.env.NODE_ENV': '"production"'}},
};

export default defineConfig([
	{
		...shared,
		input: 'source/cli.ts',
		external: ['./app.js'],
		output: {file: 'dist/cli.js', format: 'esm'},
	},
	{
		...shared,
		input: 'source/app.ts',
		// `open` runs a script shipped beside its own module (xdg-open): loaded from node_modules, on first use.
		external: ['open'],
		plugins: [yogaWithoutFetch, inkWithoutDevtools],
		output: {
			file: 'dist/app.js',
			format: 'esm',
			codeSplitting: false,
			sourcemap: true,
			// Pure ASCII source is held by V8 as one byte a character (any other character
			// doubles all 4.7 MB of it) and decodes faster; the JSDoc goes, licences stay.
			charset: 'ascii',
			comments: {legal: true, annotation: true, jsdoc: false},
		},
	},
]);
