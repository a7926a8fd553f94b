// The build: the program bundled into one file (dist/app.js, with its source
// map), and the bin (dist/cli.js), which turns on the compile cache before it
// loads that file. Type checking is `npm run typecheck`.
import fs from 'node:fs';
import {defineConfig} from 'rolldown';
import {inkWithoutDevtools, stringWidthLazyEmoji, yogaWithoutFetch} from './scripts/bundle-plugins.js';

// A fresh dist/ each time: nothing from an earlier layout is left to be run by mistake.
fs.rmSync('dist', {recursive: true, force: true});

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
		plugins: [yogaWithoutFetch, inkWithoutDevtools, stringWidthLazyEmoji],
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
