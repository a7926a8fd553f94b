// `npm run bench`: how fast the screens open (launch to first frame, in a
// pseudo-terminal, next to `node -e 0`) and how much the one-shot chat and the
// chat pane cost per streamed chunk, next to the bare openai SDK, against the
// fake DashScope server streaming as fast as it can. Prints the figures, their
// ratios and which targets they meet; no test asserts on any of them.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawn as spawnPty} from '@lydell/node-pty';
// The store is filled through source/ itself (Node 24 strips the types).
import '../test/support/ts-resolve-hooks.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');
const usagePreload = join(root, 'scripts/bench-usage.js');
const baselineScript = join(root, 'scripts/bench-baseline.js');
const work = mkdtempSync(join(tmpdir(), 'openclaw-bench-'));
const chunkCounts = [10_000, 40_000];
const startupRuns = 5;
/** First frames are a few tens of milliseconds: more runs, so one slow start does not move the median. */
const firstFrameRuns = 9;
const TARGETS = {firstFrameSeconds: 0.15, firstFrameToNode: 5, paneRssMb: 150, oneShotToSdk: 1.3, paneToSdk: 3, perChunkGrowth: 1.2};
const ansi = /\u001B(?:\[[\d;?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[()][0-9A-Z]|[=>78])/g;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function startServer(chunks) {
	const child = spawn(process.execPath, [join(root, 'test/support/fake-dashscope-main.ts'), '--chunks', String(chunks)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise((resolve, reject) => {
		let text = '';
		child.stdout.on('data', data => {
			text += data;
			if (text.includes('\n')) resolve(text.split('\n')[0]);
		});
		child.once('exit', code => reject(new Error(`fake server exited (${code})`)));
	});
	const info = JSON.parse(line);
	return {...info, stop: () => child.kill('SIGTERM')};
}

let usageCounter = 0;
function measuredEnv(server, extra = {}) {
	const usageFile = join(work, `usage-${usageCounter++}.json`);
	const env = {
		PATH: process.env.PATH,
		HOME: extra.HOME ?? work,
		TERM: 'xterm-256color',
		NODE_OPTIONS: `--import=${usagePreload}`,
		BENCH_USAGE_FILE: usageFile,
		...(server ? {...server.env, QWEN_API_KEY: server.keys.intl} : {}),
		...extra,
	};
	return {env, usageFile};
}

function readUsage(file) {
	const usage = JSON.parse(readFileSync(file, 'utf8'));
	return {cpuSeconds: (usage.userMicros + usage.systemMicros) / 1e6, maxRssMb: usage.maxRssKb / 1024};
}

/** Runs a process with stdout to a pipe that is drained; wall time is spawn to exit. */
async function runPiped(args, env) {
	const started = performance.now();
	const child = spawn(process.execPath, args, {env: env.env, stdio: ['ignore', 'pipe', 'pipe']});
	let bytes = 0;
	child.stdout.on('data', data => {
		bytes += data.length;
	});
	let stderr = '';
	child.stderr.on('data', data => {
		stderr += data;
	});
	const code = await new Promise(resolve => child.once('exit', resolve));
	if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr}`);
	return {wallSeconds: (performance.now() - started) / 1000, bytes, ...readUsage(env.usageFile)};
}

/** Reads a pseudo-terminal's output and waits for patterns to show up in it (escape sequences left out). */
function watchPty(pty, what) {
	let tail = '';
	const waiters = new Set();
	pty.onData(data => {
		tail = (tail + data).slice(-8192);
		for (const waiter of waiters) waiter();
	});
	return {
		clear() {
			tail = '';
		},
		waitFor: (pattern, description, timeoutMs = 300_000) =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`${what}: timed out waiting for ${description}`)), timeoutMs);
				const check = () => {
					if (pattern.test(tail.replace(ansi, ''))) {
						waiters.delete(check);
						clearTimeout(timer);
						resolve();
					}
				};
				waiters.add(check);
				check();
			}),
	};
}

/** Spawn to exit of a process in an 80x24 pseudo-terminal, as the screens are measured. */
async function ptyRunSeconds(args, env) {
	const started = performance.now();
	const pty = spawnPty(process.execPath, args, {cols: 80, rows: 24, cwd: work, env: env.env});
	pty.onData(() => {});
	const code = await new Promise(resolve => pty.onExit(({exitCode}) => resolve(exitCode)));
	if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
	return (performance.now() - started) / 1000;
}

/** The setup wizard, opened by `openclaw` in a home with no key: launch to its first frame, then Ctrl+C (which cancels it). */
async function wizardFirstFrameSeconds() {
	const home = mkdtempSync(join(work, 'wizard-home-'));
	const env = measuredEnv(null, {HOME: home});
	const started = performance.now();
	const pty = spawnPty(process.execPath, [cli], {cols: 80, rows: 24, cwd: work, env: env.env});
	const screen = watchPty(pty, 'wizard');
	const exited = new Promise(resolve => pty.onExit(({exitCode}) => resolve(exitCode)));
	await screen.waitFor(/Step 1 of 5/, 'the first frame');
	const seconds = (performance.now() - started) / 1000;
	pty.write('\u0003');
	// Cancelled: nothing was set up, exit 1.
	const code = await exited;
	if (code !== 1) throw new Error(`the cancelled wizard exited ${code}`);
	return seconds;
}

/**
 * The pane in an 80x24 pseudo-terminal: ask once, wait for the status line's usage, leave with Ctrl+C twice.
 * `extraEnv` and `args` set up the run (saving off, a session to resume).
 */
async function runPane(server, expectedChunks, {extraEnv = {}, args = [], shownAll} = {}) {
	const env = measuredEnv(server, extraEnv);
	const started = performance.now();
	const pty = spawnPty(process.execPath, [cli, 'chat', ...args], {cols: 80, rows: 24, cwd: work, env: env.env});
	const screen = watchPty(pty, 'pane');
	const exited = new Promise(resolve => pty.onExit(({exitCode}) => resolve(exitCode)));

	await screen.waitFor(/Ask anything/, 'the first frame');
	const firstFrameAt = performance.now();
	let shownAllAt;
	if (shownAll) {
		await screen.waitFor(shownAll, 'everything resumed on screen');
		shownAllAt = performance.now();
	}

	await sleep(300);
	pty.write('bench');
	await sleep(50);
	screen.clear();
	const sentAt = performance.now();
	pty.write('\r');
	await screen.waitFor(new RegExp(`out ${expectedChunks}\\b`), 'the end of the answer');
	const answerSeconds = (performance.now() - sentAt) / 1000;
	pty.write('\u0003');
	await sleep(100);
	pty.write('\u0003');
	const code = await exited;
	if (code !== 0) throw new Error(`pane exited ${code}`);
	return {
		wallSeconds: answerSeconds,
		firstFrameSeconds: (firstFrameAt - started) / 1000,
		...(shownAllAt === undefined ? {} : {shownAllSeconds: (shownAllAt - started) / 1000}),
		...readUsage(env.usageFile),
	};
}

const medianOf = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function median(runs, measure) {
	const values = [];
	for (let run = 0; run < runs; run++) values.push(await measure());
	values.sort((a, b) => a - b);
	return values[Math.floor(values.length / 2)];
}

/** Each measure once per round, round after round, so a slow moment of the machine falls on all of them alike. */
async function startupFigures() {
	const server = await startServer(1);
	const runs = {nodeE0: [], version: [], wizard: [], pane: []};
	try {
		for (let round = 0; round < firstFrameRuns; round++) {
			runs.nodeE0.push(await ptyRunSeconds(['-e', '0'], measuredEnv()));
			runs.version.push(await ptyRunSeconds([cli, '--version'], measuredEnv()));
			runs.wizard.push(await wizardFirstFrameSeconds());
			runs.pane.push((await runPane(server, 1)).firstFrameSeconds);
		}

		const medians = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, medianOf(values)]));
		return {...medians, paneIdle: await runPane(server, 1)};
	} finally {
		server.stop();
	}
}

/** A store in a fresh home, filled through the program's own store: `sessions` of `turns` each. */
async function homeWithStore(sessions, turns) {
	const home = mkdtempSync(join(work, 'home-'));
	const {openSessionStore, sessionStorePath} = await import(join(root, 'source/core/sessions/session-store.ts'));
	const store = openSessionStore(sessionStorePath({appDir: join(home, '.openclaw', 'openclaw-qwen')}), {mode: 'write'});
	const topics = ['quicksort', 'lifetimes', 'monads', 'tides', 'rainbows', 'sourdough', 'kubernetes', 'regex', 'unicode', 'sqlite'];
	let now = Date.UTC(2026, 0, 1);
	for (let session = 0; session < sessions; session++) {
		const sessionId = store.createSession({title: `session ${session}`, model: 'qwen-plus', now: now++});
		for (let turn = 0; turn < turns; turn++) {
			const topic = topics[(session * turns + turn) % topics.length];
			const {id} = store.addTurn({sessionId, prompt: `Question ${turn} of session ${session}: tell me about ${topic}.`, images: [], model: 'qwen-plus', now: now++});
			const answer = `Here is what I know about **${topic}** (${session}.${turn}).\n\n- one point\n- another point\n\n\`\`\`js\nconsole.log(${JSON.stringify(topic)});\n\`\`\`\n\n${'Some more prose about it. '.repeat(12)}`;
			store.finishTurn(id, {answer, reasoning: '', outcome: 'done', now: now++});
		}
	}

	store.close();
	return home;
}

/** Wall time of a command run `runs` times (median), its output drained. */
async function medianWall(runs, args, env) {
	return median(runs, async () => (await runPiped(args, env)).wallSeconds);
}

const rows = [];
const seconds = value => value.toFixed(3);
const micros = value => (value * 1e6).toFixed(2);

console.log(`openclaw benchmark · node ${process.version} · ${new Date().toISOString()}`);
const startup = await startupFigures();
const results = {};
for (const chunks of chunkCounts) {
	const server = await startServer(chunks);
	try {
		const baseline = await runPiped([baselineScript], measuredEnv(null, {BENCH_KEY: server.keys.intl, BENCH_BASE_URL: server.env.QWEN_INTL_BASE_URL}));
		const oneShot = await runPiped([cli, 'chat', 'bench'], measuredEnv(server));
		const pane = await runPane(server, chunks);
		results[chunks] = {baseline, oneShot, pane};
		for (const [name, run] of Object.entries({'SDK baseline (pipe)': baseline, 'one-shot chat (pipe)': oneShot, 'pane (PTY 80x24)': pane})) {
			rows.push([name, chunks, seconds(run.cpuSeconds), seconds(run.wallSeconds), micros(run.cpuSeconds / chunks), run.maxRssMb.toFixed(0)]);
		}
	} finally {
		server.stop();
	}
}

// Saving: the pane at 40,000 chunks with saving on and off, alternating (three runs each, medians).
const savingServer = await startServer(40_000);
const saving = {on: [], off: []};
try {
	for (let run = 0; run < 3; run++) {
		saving.on.push((await runPane(savingServer, 40_000)).cpuSeconds);
		saving.off.push((await runPane(savingServer, 40_000, {extraEnv: {OPENCLAW_NO_SAVE: '1'}})).cpuSeconds);
	}
} finally {
	savingServer.stop();
}

// Resuming a session of 1,000 turns: launch to the first frame, next to a new conversation's.
const resumeHome = await homeWithStore(1, 1000);
const resumeServer = await startServer(1);
let resumeFirstFrame;
let resumeShownAll;
let newFirstFrame;
try {
	const resumed = [];
	for (let run = 0; run < startupRuns; run++) {
		resumed.push(await runPane(resumeServer, 1, {extraEnv: {HOME: resumeHome, OPENCLAW_NO_SAVE: '1'}, args: ['-c'], shownAll: /Question 999 of session 0[\s\S]*Ask anything/}));
	}

	resumeFirstFrame = medianOf(resumed.map(run => run.firstFrameSeconds));
	resumeShownAll = medianOf(resumed.map(run => run.shownAllSeconds));
	newFirstFrame = await median(startupRuns, async () => (await runPane(resumeServer, 1, {extraEnv: {HOME: resumeHome, OPENCLAW_NO_SAVE: '1'}})).firstFrameSeconds);
} finally {
	resumeServer.stop();
}

// Searching 10,000 turns (500 sessions of 20): `sessions search`, launch to exit.
const searchHome = await homeWithStore(500, 20);
const searchEnv = () => measuredEnv(null, {HOME: searchHome});
const searchHit = await medianWall(startupRuns, [cli, 'sessions', 'search', 'sourdough', '--limit', '20'], searchEnv());
const searchMiss = await medianWall(startupRuns, [cli, 'sessions', 'search', 'xylophone'], searchEnv());
const listAll = await medianWall(startupRuns, [cli, 'sessions', 'list'], searchEnv());

const header = ['run', 'chunks', 'CPU s', 'wall s', 'CPU µs/chunk', 'peak RSS MB'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => String(row[column]).length)));
const format = row => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
console.log('\n' + format(header));
console.log(widths.map(width => '-'.repeat(width)).join('  '));
for (const row of rows) console.log(format(row));

const idle = startup.paneIdle.cpuSeconds;
const marginal = chunks => (results[chunks].pane.cpuSeconds - idle) / chunks;
const ratio = value => `${value.toFixed(2)}x`;
console.log('\nRatios (CPU):');
for (const chunks of chunkCounts) {
	const {baseline, oneShot, pane} = results[chunks];
	console.log(
		`  ${chunks} chunks: one-shot / baseline ${ratio(oneShot.cpuSeconds / baseline.cpuSeconds)} (target ≤ ${TARGETS.oneShotToSdk}x) · pane / baseline ${ratio(pane.cpuSeconds / baseline.cpuSeconds)} (target ≤ ${TARGETS.paneToSdk}x)`,
	);
}

console.log(
	`  pane per-chunk cost beyond an idle session (${seconds(idle)} s CPU): ${micros(marginal(10_000))} µs at 10,000, ${micros(marginal(40_000))} µs at 40,000 → ${ratio(marginal(40_000) / marginal(10_000))} (target ≤ ${TARGETS.perChunkGrowth}x)`,
);
console.log(
	`  peak RSS of the pane: ${results[10_000].pane.maxRssMb.toFixed(0)} MB at 10,000 chunks, ${results[40_000].pane.maxRssMb.toFixed(0)} MB at 40,000 (target < ${TARGETS.paneRssMb} MB; an idle session with a one-chunk answer: ${startup.paneIdle.maxRssMb.toFixed(0)} MB)`,
);
const toNode = value => value / startup.nodeE0;
console.log(`\nStartup (pseudo-terminal 80x24, median of ${firstFrameRuns}, wall from spawn):`);
console.log(`  node -e 0, to exit                 ${seconds(startup.nodeE0)} s`);
console.log(`  openclaw --version, to exit        ${seconds(startup.version)} s  ${ratio(toNode(startup.version))} node -e 0`);
console.log(`  setup wizard, to its first frame   ${seconds(startup.wizard)} s  ${ratio(toNode(startup.wizard))} node -e 0`);
console.log(`  chat pane, to its first frame      ${seconds(startup.pane)} s  ${ratio(toNode(startup.pane))} node -e 0`);
console.log('\nSessions:');
console.log(`  pane CPU at 40,000 chunks, saving on  ${saving.on.map(seconds).join(' ')} s (median ${seconds(medianOf(saving.on))})`);
console.log(`  pane CPU at 40,000 chunks, saving off ${saving.off.map(seconds).join(' ')} s (median ${seconds(medianOf(saving.off))})`);
console.log(`  saving on / off ${(medianOf(saving.on) / medianOf(saving.off)).toFixed(3)}x`);
console.log(`  pane launch to first frame, resuming 1,000 turns (chat -c) ${seconds(resumeFirstFrame)} s · all 1,000 written ${seconds(resumeShownAll)} s · a new conversation, same store ${seconds(newFirstFrame)} s`);
console.log(`  sessions search over 10,000 turns, launch to exit: 20 hits ${seconds(searchHit)} s · no hit ${seconds(searchMiss)} s · sessions list (500) ${seconds(listAll)} s`);

const verdict = met => (met ? 'met' : 'NOT met');
const firstFrameMet = value => value <= TARGETS.firstFrameSeconds && toNode(value) <= TARGETS.firstFrameToNode;
const oneShotRatios = chunkCounts.map(chunks => results[chunks].oneShot.cpuSeconds / results[chunks].baseline.cpuSeconds);
const paneRss = results[40_000].pane.maxRssMb;
const targets = [
	[`wizard first frame ≤ ${TARGETS.firstFrameSeconds * 1000} ms and ≤ ${TARGETS.firstFrameToNode}x node -e 0`, `${(startup.wizard * 1000).toFixed(0)} ms, ${ratio(toNode(startup.wizard))}`, firstFrameMet(startup.wizard)],
	[`pane first frame ≤ ${TARGETS.firstFrameSeconds * 1000} ms and ≤ ${TARGETS.firstFrameToNode}x node -e 0`, `${(startup.pane * 1000).toFixed(0)} ms, ${ratio(toNode(startup.pane))}`, firstFrameMet(startup.pane)],
	[`pane peak RSS < ${TARGETS.paneRssMb} MB at 40,000 chunks`, `${paneRss.toFixed(0)} MB`, paneRss < TARGETS.paneRssMb],
	[`one-shot CPU ≤ ${TARGETS.oneShotToSdk}x the SDK`, oneShotRatios.map(ratio).join(' at 10,000, ') + ' at 40,000', oneShotRatios.every(value => value <= TARGETS.oneShotToSdk)],
];
console.log('\nTargets:');
const targetWidth = Math.max(...targets.map(([name]) => name.length));
const figureWidth = Math.max(...targets.map(([, figure]) => figure.length));
for (const [name, figure, met] of targets) console.log(`  ${name.padEnd(targetWidth)}  ${figure.padEnd(figureWidth)}  ${verdict(met)}`);

rmSync(work, {recursive: true, force: true});
