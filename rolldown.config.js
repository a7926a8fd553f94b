// The build: the program bundled into one file (dist/app.js, with its source
// map), and the bin (dist/cli.js), which turns on the compile cache before it
// loads that file. Type checking is `npm run typecheck`.
import fs from 'node:fs';
import path from 'node:path';
import {defineConfig} from 'rolldown';

// A fresh dist/ each time: nothing from an earlier layout is left to be run by mistake.
fs.rmSync('dist', {recursive: true, force: true});

const shared = {
	platform: 'node',
	// Ink loads its devtools only under DEV=true; they and their web socket never ship.
	resolve: {alias: {'react-devtools-core': path.resolve(import.meta.dirname, 'scripts/no-devtools.js')}},
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
		output: {file: 'dist/app.js', format: 'esm', codeSplitting: false, sourcemap: true},
	},
]);
