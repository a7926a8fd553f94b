import {configDefaults, defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// The real OpenClaw is large: its interop suite runs on its own (npm run test:openclaw).
		exclude: [...configDefaults.exclude, 'test/openclaw/**'],
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Tests spawn the CLI and PTYs; two cores, so keep the fan-out modest.
		maxWorkers: 2,
	},
});
