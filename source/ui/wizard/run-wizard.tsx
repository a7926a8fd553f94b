import React from 'react';
import {render} from 'ink';
import type {OpenClawPaths} from '../../core/paths.js';
import {probeKey} from '../../core/region-probe.js';
import type {RegionId} from '../../core/regions.js';
import {saveApiKeySetup} from '../../core/setup.js';
import {ThemeProvider, themeFor} from '../components/theme.js';
import {offeredEnvKey} from './env-key.js';
import type {WizardOutcome} from './outcome.js';
import type {WizardServices} from './services.js';
import {wizardSummary} from './summary.js';
import {CHAT_COMMAND, WizardApp} from './wizard-app.js';

export type {WizardOutcome} from './outcome.js';

type Env = Record<string, string | undefined>;

export type RunWizardOptions = {
	env: Env;
	paths: OpenClawPaths;
	presetRegion?: RegionId;
	/** Streams default to the process's; tests hand in their own. */
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	stderr?: NodeJS.WriteStream;
};

/** The wizard's services backed by the real core: nothing reaches the disk before saveSetup. */
export function coreServices(env: Env, paths: OpenClawPaths): WizardServices {
	return {
		probeKey: async (key, regionId, signal) => probeKey(key, regionId, {env, signal}),
		saveSetup: async input => saveApiKeySetup(paths, input),
	};
}

/**
 * Full-screen setup on the alternate screen. Ink restores the terminal on exit,
 * on Ctrl+C (handled by the app) and on signals or a crash (Ink's exit hook);
 * the summary then goes to the normal scrollback.
 */
export async function runWizard(options: RunWizardOptions): Promise<WizardOutcome> {
	const {env, paths, presetRegion} = options;
	const stdout = options.stdout ?? process.stdout;
	let outcome: WizardOutcome = {kind: 'cancelled'};
	let maskedKey: string | undefined;

	const instance = render(
		<ThemeProvider theme={themeFor(env)}>
			<WizardApp
				services={coreServices(env, paths)}
				presetRegion={presetRegion}
				envKey={offeredEnvKey(env)}
				home={paths.home}
				onExit={(result, details) => {
					outcome = result;
					maskedKey = details.maskedKey;
					instance.unmount();
				}}
			/>
		</ThemeProvider>,
		{
			stdin: options.stdin ?? process.stdin,
			stdout,
			stderr: options.stderr ?? process.stderr,
			alternateScreen: true,
			exitOnCtrlC: false,
		},
	);

	await instance.waitUntilExit();
	stdout.write(`${wizardSummary(outcome, {maskedKey, home: paths.home, chatCommand: CHAT_COMMAND})}\n`);
	return outcome;
}
