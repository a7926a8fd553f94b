/**
 * `openclaw doctor [--fix] [--json]`: the guide's Troubleshooting and Security
 * sections as checks. Exit 0 when nothing is a problem (warnings allowed), 1
 * otherwise. `--fix` repairs file permissions and nothing else.
 */
import {formatJson, formatText} from '../core/doctor/format.js';
import {runDoctorChecks} from '../core/doctor/run-checks.js';
import type {Env} from '../core/env.js';
import {createStyle} from '../core/style.js';
import {requestTimeoutFromEnv} from '../core/request-timeout.js';

export type DoctorCommandOptions = {
	env: Env;
	fix: boolean;
	json: boolean;
	stdout: NodeJS.WritableStream & {isTTY?: boolean};
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
};

export async function runDoctor(options: DoctorCommandOptions): Promise<number> {
	const timeoutMs = requestTimeoutFromEnv(options.env);
	const report = await runDoctorChecks({env: options.env, fix: options.fix, ...(timeoutMs ? {timeoutMs} : {})});
	if (options.json) {
		options.stdout.write(`${formatJson(report)}\n`);
	} else {
		const style = createStyle(options.stdout, options.env);
		options.stdout.write(`${formatText(report, style).join('\n')}\n`);
	}

	return report.ok ? 0 : 1;
}
