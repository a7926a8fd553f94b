import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Tests spawn the CLI and PTYs; two cores, so keep the fan-out modest.
		maxWorkers: 2,
	},
});
