/**
 * Standalone fake DashScope for manual runs, scripts and benchmarks:
 *   node test/support/fake-dashscope-main.ts [--port N] [--chunks N] [--chunk-text S]
 *     [--prompt-scale N] [--cached-share F]
 * --prompt-scale reports prompt_tokens as N times the request's real size (its
 * characters / 4), so a conversation of a few screens fills a million-token
 * window the way a long one would; --cached-share reports that share (0 to 1)
 * of it as cached_tokens.
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
		'prompt-scale': {type: 'string'},
		'cached-share': {type: 'string'},
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

if (values['prompt-scale'] !== undefined) {
	const scale = Number(values['prompt-scale']);
	if (!Number.isFinite(scale) || scale <= 0) {
		process.stderr.write('--prompt-scale must be a number above 0\n');
		process.exit(2);
	}
	options.promptTokenScale = scale;
}
if (values['cached-share'] !== undefined) {
	const share = Number(values['cached-share']);
	if (!Number.isFinite(share) || share < 0 || share > 1) {
		process.stderr.write('--cached-share must be a number from 0 to 1\n');
		process.exit(2);
	}
	options.cachedShare = share;
}

const server = await startFakeDashScope(options);
process.stdout.write(JSON.stringify({url: server.url, env: server.env, keys: server.keys}) + '\n');

const stop = () => {
	void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
