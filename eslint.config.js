// ESLint flat config: JavaScript's and typescript-eslint's recommended rules
// (type-aware, so a dropped promise or an `any` leaking out of JSON is caught),
// and React's rules of hooks.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			globals: globals.node,
			parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
		},
		rules: {
			// `_name` marks a value left unused on purpose (a destructured field dropped, a loop counter).
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'}],
			// Terminal output is made of control characters: matching ESC, BEL and NUL is this program's job.
			'no-control-regex': 'off',
		},
	},
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: reactHooks.configs.recommended.rules,
	},
	// The layers (docs/architecture.md): core knows no screens and no command line.
	{
		files: ['source/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {patterns: [
				{group: ['**/ui/**', '**/cli/**', '**/commands/**'], message: 'source/core/ is below the screens and the command line.'},
				{group: ['ink', 'ink-*', 'react', 'react/*'], message: 'source/core/ is plain TypeScript, testable without a terminal.'},
			]}],
		},
	},
	{
		// Screens get their data and callbacks from the command line; they never reach back up to it.
		files: ['source/ui/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-imports': ['error', {patterns: [
				{group: ['**/cli/**', '**/commands/**', '**/cli.js', '**/app.js'], message: 'source/ui/ is below the command line: pass what a screen needs in as data and callbacks.'},
			]}],
		},
	},
	{
		// Tests read JSON bodies and files of many shapes and assert on them field by field.
		files: ['test/**/*.{ts,tsx}'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
			// Stubs implement async interfaces without awaiting anything.
			'@typescript-eslint/require-await': 'off',
		},
	},
	{
		files: ['**/*.js'],
		extends: [tseslint.configs.disableTypeChecked],
	},
);
