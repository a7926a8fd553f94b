/**
 * `openclaw doctor [--fix] [--json]`: the seed's Troubleshooting and Security
 * sections as checks. Exit 0 when nothing is a problem (warnings allowed), 1
 * otherwise. `--fix` repairs file permissions and nothing else.
 */
import {formatJson, formatText} from '../core/doctor/format.js';
import {runDoctorChecks} from '../core/doctor/run-checks.js';
import type {Env} from '../core/doctor/types.js';
import {createStyle} from './style.js';
import {timeoutFromEnv} from './timeout.js';

export type DoctorCommandOptions = {
	env: Env;
	fix: boolean;
	json: boolean;
	stdout: NodeJS.WritableStream & {isTTY?: boolean};
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
};

/** What the program needs to register the command and its --help. */
export const describeDoctorCommand = {
	name: 'doctor',
	description: 'check the config, key, region, default model and file permissions, with the next step for each problem',
	options: [
		{flags: '--fix', description: 'repair file permissions (auth-profiles.json 0600, its directory 0700); changes nothing else'},
		{flags: '--json', description: 'print machine-readable JSON'},
	],
	helpText: `
Examples:
  $ openclaw doctor
  $ openclaw doctor --fix
  $ openclaw doctor --json | jq '.checks[] | select(.status != "ok")'

Checks the seed's troubleshooting issues: invalid key (401), wrong region, model not found
(region-prefixed or Bedrock ids), environment variable not working; and that auth-profiles.json
is private (chmod 600). Only GET /models is sent, so no tokens are spent.
Exit status: 0 when there is no problem (warnings allowed), 1 when there is one.
`,
} as const;

export async function runDoctor(options: DoctorCommandOptions): Promise<number> {
	const timeoutMs = timeoutFromEnv(options.env);
	const report = await runDoctorChecks({env: options.env, fix: options.fix, ...(timeoutMs ? {timeoutMs} : {})});
	if (options.json) {
		options.stdout.write(`${formatJson(report)}\n`);
	} else {
		const style = createStyle(options.stdout, options.env);
		options.stdout.write(`${formatText(report, style).join('\n')}\n`);
	}

	return report.ok ? 0 : 1;
}
