import {ReadStream} from 'node:tty';
import {render} from 'ink';
import type {Env} from '../../core/env.js';
import {startDeviceLogin} from '../../core/oauth/device-login.js';
import {saveOAuthSetup} from '../../core/oauth/save-oauth-setup.js';
import type {OpenClawPaths} from '../../core/paths.js';
import {probeKey} from '../../core/region-probe.js';
import {requestTimeoutFromEnv} from '../../core/request-timeout.js';
import type {RegionId} from '../../core/regions.js';
import {saveApiKeySetup} from '../../core/setup.js';
import {wrapWords} from '../../core/text/wrap.js';
import {ThemeProvider, themeFor} from '../components/theme.js';
import {listenForInterrupts, type InterruptListener} from '../interrupts.js';
import {catchEarlyKeys} from '../keys/early-keys.js';
import {browserOpenerFor, type BrowserOpener} from '../oauth/open-browser.js';
import {offeredEnvKey} from './env-key.js';
import type {AuthMethod} from './machine.js';
import type {WizardOutcome} from './outcome.js';
import type {WizardServices} from './services.js';
import {wizardSummary} from './summary.js';
import {CHAT_COMMAND, WizardApp} from './wizard-app.js';

export type {WizardOutcome} from './outcome.js';

const CLEAR_SCREEN = '\u001B[2J\u001B[H';

export type RunWizardOptions = {
	env: Env;
	paths: OpenClawPaths;
	presetRegion?: RegionId;
	/** --method: skips the sign-in method screen. */
	presetMethod?: AuthMethod;
	/** False with --no-check: the key is saved without the check step. */
	checkKey?: boolean;
	/** --model: the model table starts on it (the user still confirms). */
	presetModel?: string;
	/** Streams default to the process's; tests hand in their own. */
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	stderr?: NodeJS.WriteStream;
};

export type CoreServiceOptions = {
	probeTimeoutMs?: number;
	/** Tests hand in their own, so no real browser is ever launched. */
	openBrowser?: BrowserOpener;
};

/** The wizard's services backed by the real core: nothing reaches the disk before a save. */
export function coreServices(env: Env, paths: OpenClawPaths, options: CoreServiceOptions = {}): WizardServices {
	return {
		probeKey: async (key, regionId, signal) =>
			probeKey(key, regionId, {env, signal, timeoutMs: options.probeTimeoutMs ?? requestTimeoutFromEnv(env)}),
		saveSetup: async input => saveApiKeySetup(paths, input, {env}),
		oauth: {
			startLogin: async signal => startDeviceLogin({env, signal}),
			saveLogin: async tokens => saveOAuthSetup(paths, tokens, {env}),
			openBrowser: options.openBrowser ?? browserOpenerFor(env),
		},
		now: () => Date.now(),
	};
}

/**
 * Full-screen setup on the alternate screen. Ctrl+C, as a key or as a signal,
 * goes through the app so that leaving always reports an outcome; Ink restores
 * the terminal on exit or a crash. The summary then goes to the normal scrollback.
 */
export async function runWizard(options: RunWizardOptions): Promise<WizardOutcome> {
	const {env, paths, presetRegion, presetMethod, checkKey, presetModel} = options;
	const stdin = options.stdin ?? process.stdin;
	const stdout = options.stdout ?? process.stdout;
	let outcome: WizardOutcome = {kind: 'cancelled'};
	let maskedKey: string | undefined;

	// On the alternate screen a resize can leave pieces of the old frame behind
	// (Ink erases line by line from where it thinks the cursor is). Wipe the whole
	// screen first; registered before Ink's own listener so Ink draws after it.
	const wipe = () => {
		stdout.write(CLEAR_SCREEN);
	};

	if (stdout.isTTY) stdout.on('resize', wipe);
	// Before the first frame: a Ctrl+C that beats raw mode arrives as SIGINT.
	// Every signal goes through the app's Ctrl+C, so the outcome is reported as
	// usual; SIGTERM and SIGHUP also set the exit code (128 + n), as in the chat pane.
	const signals = listenForInterrupts();
	let endedBy: NodeJS.Signals | undefined;
	const interrupts = {
		subscribe: (press: InterruptListener) =>
			signals.subscribe(signal => {
				if (signal !== 'SIGINT') endedBy ??= signal;
				press(signal);
			}),
	};

	// Raw mode before the first frame, so keys typed while the wizard starts (an
	// Enter included) reach the first screen as typed. Only a terminal has a
	// cooked mode to rescue them from; streams handed in by tests do not.
	const earlyKeys = stdin instanceof ReadStream ? catchEarlyKeys(stdin) : undefined;
	const instance = render(
		<ThemeProvider theme={themeFor(env, stdout)}>
			<WizardApp
				services={coreServices(env, paths)}
				presetRegion={presetRegion}
				presetMethod={presetMethod}
				checkKey={checkKey}
				presetModel={presetModel}
				envKey={offeredEnvKey(env)}
				home={paths.home}
				interrupts={interrupts}
				onExit={(result, details) => {
					outcome = result;
					maskedKey = details.maskedKey;
					instance.unmount();
				}}
			/>
		</ThemeProvider>,
		{
			stdin,
			stdout,
			stderr: options.stderr ?? process.stderr,
			alternateScreen: true,
			// A TTY is what matters here, even where CI is set (the PTY end-to-end test).
			interactive: Boolean(stdout.isTTY),
			exitOnCtrlC: false,
			// Stray console output is kept off the screen only on the real terminal.
			patchConsole: !options.stdout,
		},
	);

	try {
		await instance.waitUntilExit();
	} finally {
		stdout.off('resize', wipe);
		signals.dispose();
		earlyKeys?.dispose();
	}

	if (endedBy) outcome = {...outcome, signal: endedBy};

	const summary = wizardSummary(outcome, {maskedKey, home: paths.home, chatCommand: CHAT_COMMAND});
	// Broken between words for the terminal, which would otherwise cut it mid-word.
	const rows = stdout.isTTY && stdout.columns > 0 ? wrapWords(summary, stdout.columns) : [summary];
	stdout.write(`${rows.join('\n')}\n`);
	return outcome;
}
