// Preloaded into every benchmarked Node process (NODE_OPTIONS=--import): on exit it
// writes the process's own CPU time and peak RSS to BENCH_USAGE_FILE.
import {writeFileSync} from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
	process.on('exit', () => {
		const usage = process.resourceUsage();
		writeFileSync(file, JSON.stringify({userMicros: usage.userCPUTime, systemMicros: usage.systemCPUTime, maxRssKb: usage.maxRSS}));
	});
}
