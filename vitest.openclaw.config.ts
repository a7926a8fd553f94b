import {defineConfig} from 'vitest/config';

// The interop suite against the real OpenClaw (npm run test:openclaw): slow, needs the npm registry once.
export default defineConfig({
	test: {
		include: ['test/openclaw/**/*.test.ts'],
		pool: 'forks',
		testTimeout: 240_000,
		hookTimeout: 600_000,
		maxWorkers: 1,
	},
});
