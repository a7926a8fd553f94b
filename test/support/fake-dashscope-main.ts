/**
 * Standalone fake DashScope for manual runs, scripts and benchmarks:
 *   node test/support/fake-dashscope-main.ts [--port N] [--chunks N] [--chunk-text S]
 * Prints one JSON line {url, env, keys} to stdout and runs until SIGTERM/SIGINT.
 */
import {parseArgs} from 'node:util';
import {startFakeDashScope} from './fake-dashscope.ts';
import type {FakeDashScopeOptions} from './fake-dashscope.ts';

const {values} = parseArgs({
	options: {
		port: {type: 'string'},
		chunks: {type: 'string'},
		'chunk-text': {type: 'string'},
	},
});

const options: FakeDashScopeOptions = {};
if (values.port !== undefined) options.port = Number(values.port);
if (values.chunks !== undefined) {
	const count = Number(values.chunks);
	if (!Number.isInteger(count) || count < 0) {
		process.stderr.write('--chunks must be a non-negative integer\n');
		process.exit(2);
	}
	options.defaultChunks = {count, text: values['chunk-text'] ?? 'token '};
}

const server = await startFakeDashScope(options);
process.stdout.write(JSON.stringify({url: server.url, env: server.env, keys: server.keys}) + '\n');

const stop = () => {
	void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
